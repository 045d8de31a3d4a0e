// A forward of our invitation with the sender's own day above it signs up for that day's meeting,
// not for the first meeting the forwarded invitation lists.
import { describe, expect, it } from 'vitest';
import type { Cycle } from '../model.js';
import { pickInfoMeeting } from './receipts.js';
import { signupMeetingText } from './which-meeting.js';

const meeting = (id: string, start: string, signupDeadline: string) => ({
  id,
  start,
  end: start.replace('T09', 'T10').replace('T14', 'T15'),
  place: 'Teams',
  signupDeadline,
});
const CYCLE = {
  timeline: {
    infoMeetings: [
      meeting('feb', '2027-02-16T09:00:00+01:00', '2027-02-10'),
      meeting('mar2', '2027-03-02T14:00:00+01:00', '2027-02-24'),
      meeting('mar9', '2027-03-09T09:00:00+01:00', '2027-02-26'),
    ],
  },
} as unknown as Cycle;
const INVITATION = 'Välkommen till informationsmöte 16 februari, 2 mars eller 9 mars.';
const facts = { subject: 'VB: Inbjudan', body: '', sentAt: '2027-02-12T08:00:00Z' };
const pick = (own: string, forwarded = INVITATION) =>
  pickInfoMeeting(
    CYCLE,
    signupMeetingText(CYCLE, facts, { cleanSubject: 'Inbjudan', parts: { own, forwarded } }),
    facts.sentAt,
  );

describe('the meeting of a forwarded invitation’s signup', () => {
  it('is the day the sender names herself', () => {
    expect(pick('Jag anmäler mig till informationsmötet den 9 mars kl 9.')?.meeting.id).toBe(
      'mar9',
    );
    expect(pick('Jag anmäler mig till Teams-mötet den 2 mars.')?.meeting.id).toBe('mar2');
  });

  it('reads the forwarded mail when the sender names no day, or two', () => {
    // The invitation's first meeting, as before (its deadline passed: a coordinator asks).
    expect(pick('Jag vill gärna komma.')?.meeting.id).toBe('feb');
    expect(pick('Jag kan den 2 mars eller den 9 mars.')?.meeting.id).toBe('feb');
  });
});
