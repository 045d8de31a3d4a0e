// A person signing up for a meeting is never the unit's pre-registration decided alone, whatever the
// meeting is called; a unit registering for the award, with a meeting named beside it, still is.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';
import { personalMeetingSignup } from './meeting-signup.js';
import { fold } from './text.js';

function mail(subject: string, body: string): MailFacts {
  return {
    subject,
    body,
    from: { address: 'zeynep.demir@stockholm.example', name: 'Zeynep Demir' },
    attachments: [],
    sentAt: '2027-02-25T15:46:00Z',
  };
}

const signup = (s: string) => personalMeetingSignup(fold(s));

describe('a person signing up for a meeting', () => {
  it('is found whatever the meeting is called', () => {
    for (const text of [
      'Hej vill anmäla mej till mötet den 9 mars kl 9 i stadshuset',
      'Jag anmäler mig härmed till kick off mötet',
      'Kan du anmäla oss till träffen i Stadshuset?',
      'Vill anmäla mig till det digitala tillfället',
      'Please sign me up for the session on 2 March',
      'Could you register me for the meeting?',
    ])
      expect(signup(text), text).toBeDefined();
  });

  it('is not a registration named beside it, nor a meeting that only dates it', () => {
    for (const text of [
      'Vi vill anmäla oss till kvalitetsutmärkelsen och jag vill anmäla mig till mötet 9 mars',
      'Här kommer vår intresseanmälan. Jag anmäler mig också till informationsmötet.',
      'Vi vill anmäla oss efter mötet',
      'Vill anmäla oss till tävlingen efter mötet med personalen',
      'Vi anmäler enheten till mötet',
      'Jag vill anmäla intresse för mötet',
      'Register our unit for the award after the meeting',
    ])
      expect(signup(text), text).toBeUndefined();
  });

  it('sends a signup the rules cannot place to a coordinator, not to a registration', () => {
    const c = classifyMail(
      mail(
        'anmälan',
        'Hej vill anmäla mej till mötet den 9 mars kl 9 i stadshuset\n\nmvh Zeynep Demir\nenhetschef hemtjänsten Vällingby norra',
      ),
    );
    expect(decide(c)).toBe('triage');
    expect(c.signals.fired.some((s) => s.rule === 'personal-meeting-signup')).toBe(true);
  });

  it('leaves a unit’s registration for the award as it was', () => {
    const c = classifyMail(
      mail(
        'Anmälan',
        'Hej!\n\nVi på Förskolan Tensta äng vill anmäla oss till Kvalitetsutmärkelsen 2027. Jag anmäler mig också till mötet den 9 mars.\n\nZeynep Demir\nEnhetschef',
      ),
    );
    expect(c.kind).toBe('pre-registration');
    expect(c.signals.fired.some((s) => s.rule === 'personal-meeting-signup')).toBe(false);
  });
});
