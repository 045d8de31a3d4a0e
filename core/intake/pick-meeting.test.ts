// Which info meeting a signup means when it describes the meeting instead of giving its day: by its
// place and month ("på Teams i mars"), by its weekday ("tisdagsmötet i februari") or its order in
// the invitation ("det första mötet"), by an English date with an ordinal ("March 2nd").
import { describe, expect, it } from 'vitest';
import type { Cycle, InfoMeeting } from '../model.js';
import { pickInfoMeeting } from './receipts.js';
import { signupNeedsCoordinator } from './which-meeting.js';

const meeting = (
  id: string,
  start: string,
  place: string,
  signupDeadline: string,
): InfoMeeting => ({
  id,
  start,
  end: start.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`),
  place,
  signupDeadline,
});

const HALL = 'Stadshuset, Ragnar Östbergs plan 1';
const cycle: Cycle = {
  year: 2027,
  version: 1,
  mailbox: 'kvalitetsutmarkelsen@stockholm.example',
  timeline: {
    infoMeetings: [
      meeting('feb-teams', '2027-02-16T09:00:00+01:00', 'Teams', '2027-02-10'),
      meeting('feb-hall', '2027-02-18T14:00:00+01:00', HALL, '2027-02-10'),
      meeting('mar-teams', '2027-03-02T14:00:00+01:00', 'Teams', '2027-02-24'),
      meeting('mar-hall', '2027-03-09T09:00:00+01:00', HALL, '2027-02-26'),
    ],
    preRegistrationDeadline: '2027-03-22',
    submissionDeadline: '2027-05-17',
    boardProtocolDeadline: '2027-06-30',
    siteVisitWindow: { from: '2027-09-06', to: '2027-10-22' },
    juryDate: '2027-11-04',
    ceremony: { date: '2027-11-23', place: 'Stadshuset, Blå hallen' },
    feedbackVisitWindow: { from: '2027-11-29', to: '2028-02-11' },
  },
  rules: {
    maxCharacters: 85_000,
    minStaff: 5,
    minStockholmShare: 0.51,
    winnerLockoutYears: 2,
    budgetRule: 'no-deficit-last-year-or-forecast',
  },
};

const early = '2027-02-01T10:00:00+01:00';
const picked = (text: string, at = early) => pickInfoMeeting(cycle, text, at);

describe('a meeting described by its place and month', () => {
  it('is the one meeting that fits both', () => {
    expect(picked('Kan jag få anmäla mig till informationsmötet på Teams i mars?')).toMatchObject({
      meeting: { id: 'mar-teams' },
      certain: true,
    });
    expect(picked('Vi kommer gärna på informationsträffen i Stadshuset i februari.')).toMatchObject(
      {
        meeting: { id: 'feb-hall' },
        certain: true,
      },
    );
    expect(picked('I would like to join the online session in March.')).toMatchObject({
      meeting: { id: 'mar-teams' },
      certain: true,
    });
    expect(signupNeedsCoordinator(cycle, 'Anmäler mig till mötet på Teams i mars.', early)).toBe(
      false,
    );
  });

  it('by place alone only when one meeting there is still ahead', () => {
    expect(picked('Jag anmäler mig till mötet i Stadshuset.')).toMatchObject({ certain: false });
    expect(
      picked('Jag anmäler mig till mötet i Stadshuset.', '2027-02-20T10:00:00+01:00'),
    ).toMatchObject({ meeting: { id: 'mar-hall' }, certain: true });
  });

  it('leaves the choice to a coordinator when two still fit, or when only other sentences name a month', () => {
    expect(signupNeedsCoordinator(cycle, 'Jag vill gå på informationsmötet i mars.', early)).toBe(
      true,
    );
    expect(
      signupNeedsCoordinator(
        cycle,
        'Jag anmäler mig till informationsmötet på Teams.\nBidraget skickar vi i maj.',
        early,
      ),
    ).toBe(true);
  });
});

describe('an English date with an ordinal', () => {
  it('names the meeting of that day, whichever way round', () => {
    expect(picked('I would like to attend the information meeting on March 2nd.')).toMatchObject({
      meeting: { id: 'mar-teams' },
      certain: true,
    });
    expect(picked('Please sign me up for the 18th of February.')).toMatchObject({
      meeting: { id: 'feb-hall' },
      certain: true,
    });
  });
});

describe('a Swedish ordinal or an abbreviated month', () => {
  it('names the meeting of that day ("16:e feb", "2:a mars", "Feb 18th")', () => {
    expect(picked('Hej, anmäl mig gärna till mötet den 16:e feb.')).toMatchObject({
      meeting: { id: 'feb-teams' },
      certain: true,
    });
    expect(picked('Vi kommer gärna den 2:a mars.')).toMatchObject({
      meeting: { id: 'mar-teams' },
      certain: true,
    });
    expect(picked('Please sign me up for Feb 18th.')).toMatchObject({
      meeting: { id: 'feb-hall' },
      certain: true,
    });
  });
});

describe('a day written out as an ordinal word', () => {
  it('names the meeting of that day ("den nionde mars", "artonde feb", "the second of March")', () => {
    expect(picked('Jag kommer gärna till informationsträffen den nionde mars.')).toMatchObject({
      meeting: { id: 'mar-hall' },
      certain: true,
    });
    expect(picked('Anmäl mig till mötet i Stadshuset artonde feb, tack.')).toMatchObject({
      meeting: { id: 'feb-hall' },
      certain: true,
    });
    expect(picked('Please sign me up for the session on the second of March.')).toMatchObject({
      meeting: { id: 'mar-teams' },
      certain: true,
    });
    expect(picked('Count me in for March the sixteenth.', early)).toMatchObject({
      certain: false,
    });
  });

  it('"andra" that is not a day before a month dates nothing ("andra mötet", "andra i mars")', () => {
    expect(
      signupNeedsCoordinator(cycle, 'Vi vill gå på det andra mötet, vi som började i mars.', early),
    ).toBe(true);
    expect(signupNeedsCoordinator(cycle, 'Jag och två andra kommer på ett möte.', early)).toBe(
      true,
    );
  });
});

describe('the day alone, as a reply to the invitation gives it', () => {
  it('is the one meeting ahead on that day of the month ("jag kommer den 9:e")', () => {
    expect(picked('Absolut, vi kommer den 9:e (Stadshuset).')).toMatchObject({
      meeting: { id: 'mar-hall' },
      certain: true,
    });
    expect(picked('Ja, jag deltar den 18')).toMatchObject({
      meeting: { id: 'feb-hall' },
      certain: true,
    });
  });

  it('names nothing when no meeting falls on it, or when a month follows that is not its', () => {
    // The signup deadline's day is no meeting: the usual choice between the open meetings stands.
    expect(picked('Vi kommer, jag hinner anmäla före den 10:e.')).toMatchObject({ certain: false });
    expect(picked('Jag kommer den 2 april.')).toMatchObject({ certain: false });
  });
});

describe('an ISO date, as a calendar or a form writes it', () => {
  it('names the meeting of that day ("2027-03-02 kl. 14", "2027-2-18")', () => {
    expect(picked('Anmälan till informationsträffen 2027-03-02 kl. 14.')).toMatchObject({
      meeting: { id: 'mar-teams' },
      certain: true,
    });
    expect(picked('Please register me for the session on 2027-2-18.')).toMatchObject({
      meeting: { id: 'feb-hall' },
      certain: true,
    });
  });

  it('names nothing when the date is no meeting day or another year', () => {
    // The signup deadline, a date one digit off, and the same day a year on are no meeting.
    for (const text of [
      'Jag anmäler mig före 2027-02-10.',
      'Anmälan till mötet 2027-03-20.',
      'Anmälan till mötet 2028-03-02.',
    ])
      expect(picked(text), text).toMatchObject({ certain: false });
  });
});

describe('a meeting described by its weekday or its order in the invitation', () => {
  it('a weekday with the month ("torsdagsmötet i februari", "Tuesday’s session in March") is the one that fits', () => {
    expect(picked('Vi kommer två personer på torsdagsmötet i februari.')).toMatchObject({
      meeting: { id: 'feb-hall' },
      certain: true,
    });
    expect(picked("I'll join Tuesday's session in March at Stadshuset.")).toMatchObject({
      meeting: { id: 'mar-hall' },
      certain: true,
    });
  });

  it('"det första informationsmötet", "the last session" is the first or last listed, when ahead', () => {
    expect(picked('Jag anmäler mig till det första informationsmötet.')).toMatchObject({
      meeting: { id: 'feb-teams' },
      certain: true,
    });
    expect(picked('Hej, jag tar gärna det första tillfället.')).toMatchObject({
      meeting: { id: 'feb-teams' },
      certain: true,
    });
    expect(picked('Please sign me up for the last session.')).toMatchObject({
      meeting: { id: 'mar-hall' },
      certain: true,
    });
    // The first digital one, once the first meeting of all is past, is the March one on Teams.
    expect(
      picked('Jag vill gärna vara med på det sista digitala mötet.', '2027-02-20T10:00:00+01:00'),
    ).toMatchObject({ meeting: { id: 'mar-teams' }, certain: true });
  });

  it('names nothing when the weekday fits two, is said no to, or the first listed is past', () => {
    // Tuesday: 16 February, 2 and 9 March.
    expect(signupNeedsCoordinator(cycle, 'Jag kommer på tisdagsmötet.', early)).toBe(true);
    expect(
      signupNeedsCoordinator(cycle, 'Jag kommer på mötet i februari, men inte på tisdag.', early),
    ).toBe(true);
    expect(
      signupNeedsCoordinator(
        cycle,
        'Jag vill anmäla mig till det första mötet.',
        '2027-02-17T10:00:00+01:00',
      ),
    ).toBe(true);
  });
});
