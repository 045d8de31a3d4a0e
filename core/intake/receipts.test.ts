import { describe, expect, it } from 'vitest';
import type { Cycle } from '../model.js';
import {
  documentFailureMessage,
  infoMeetingSignupReceipt,
  openForSignup,
  pickInfoMeeting,
  preRegistrationReceipt,
  submissionReceipt,
  withdrawalReceipt,
} from './receipts.js';

const cycle: Cycle = {
  year: 2027,
  version: 1,
  mailbox: 'kvalitetsutmarkelsen@stockholm.example',
  timeline: {
    infoMeetings: [
      {
        id: 'im-1',
        start: '2027-02-16T09:00:00+01:00',
        end: '2027-02-16T10:00:00+01:00',
        place: 'Teams',
        signupDeadline: '2027-02-10',
      },
      {
        id: 'im-2',
        start: '2027-03-09T09:00:00+01:00',
        end: '2027-03-09T10:00:00+01:00',
        place: 'Stadshuset, Ragnar Östbergs plan 1',
        signupDeadline: '2027-02-26',
      },
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

describe('preRegistrationReceipt', () => {
  it('thanks in Swedish first with the next dates, English below', () => {
    const r = preRegistrationReceipt({
      cycle,
      now: '2027-03-01T10:00:00+01:00',
      unitName: 'Förskolan Solrosen',
      language: 'sv',
    });
    expect(r.subject).toBe(
      'Vi har tagit emot er intresseanmälan – Kvalitetsutmärkelsen 2027 / We have received your pre-registration – Quality Award 2027',
    );
    expect(r.text.indexOf('Tack!')).toBeLessThan(r.text.indexOf('Thank you!'));
    expect(r.text).toContain('Förskolan Solrosen');
    expect(r.text).toContain('måndag 17 maj 2027 kl. 24.00');
    expect(r.text).toContain('onsdag 30 juni 2027 kl. 24.00');
    expect(r.text).toContain('Monday 17 May 2027 at 24:00');
    // On 1 March no info meeting takes signups any more (the last closed 26 February).
    expect(r.text).not.toContain('Informationsmöte');
    const early = preRegistrationReceipt({
      cycle,
      now: '2027-02-12T10:00:00+01:00',
      language: 'sv',
    });
    expect(early.text).toContain(
      'Informationsmöte tisdag 9 mars 2027 kl. 9.00–10.00, Stadshuset, Ragnar Östbergs plan 1 – anmäl dig senast fredag 26 februari 2027',
    );
    expect(early.text).not.toContain('16 februari');
  });

  it('puts English first when the mail was in English', () => {
    const r = preRegistrationReceipt({ cycle, now: '2027-03-01T10:00:00+01:00', language: 'en' });
    expect(r.subject.startsWith('We have received')).toBe(true);
    expect(r.text.indexOf('Thank you!')).toBeLessThan(r.text.indexOf('Tack!'));
  });

  it('escapes names in the HTML', () => {
    const r = preRegistrationReceipt({
      cycle,
      now: '2027-03-01T10:00:00+01:00',
      unitName: '<script>x</script>',
      language: 'sv',
    });
    expect(r.html).not.toContain('<script>');
    expect(r.html).toContain('&lt;script&gt;');
  });
});

describe('submissionReceipt', () => {
  const base = {
    cycle,
    unitName: 'Stjärnhusskolan',
    sentAt: '2027-05-17T23:41:00+02:00',
    fileNames: ['Bidrag.docx'],
  };

  it('confirms with the character count when all is in order', () => {
    const r = submissionReceipt({ ...base, language: 'sv', characterCount: 84_321, problems: [] });
    expect(r.text).toContain('84\u00a0321 tecken exklusive blanksteg');
    expect(r.text).toContain('84,321 characters excluding spaces');
    expect(r.text).toContain('Allt ser ut att vara i sin ordning.');
    expect(r.text).toContain('måndag 17 maj 2027 kl. 23.41');
  });

  it('lists every problem: over the limit, missing questions, late, unreadable and wrong format', () => {
    const r = submissionReceipt({
      ...base,
      language: 'sv',
      characterCount: 91_200,
      problems: [
        {
          kind: 'late',
          sentAt: '2027-05-18T00:05:00+02:00',
          deadline: '2027-05-18T00:00:00+02:00',
        },
        { kind: 'over-limit', count: 91_200, max: 85_000 },
        { kind: 'questions-missing', numbers: [7, 18, 24] },
        { kind: 'document-failed', fileName: 'Bilaga.pdf', reason: 'password-protected' },
        {
          kind: 'document-failed',
          fileName: 'Bidrag.pages',
          reason: 'unsupported-format',
          format: 'pages',
        },
        {
          kind: 'document-failed',
          fileName: 'Stor.pdf',
          reason: 'too-large',
          maxBytes: 15 * 1024 * 1024,
        },
      ],
    });
    expect(r.subject).toContain('något behöver åtgärdas');
    expect(r.text).toContain('6\u00a0200 fler än de tillåtna 85\u00a0000');
    expect(r.text).toContain('frågorna 7, 18 och 24');
    expect(r.text).toContain('questions 7, 18 and 24');
    expect(r.text).toContain('efter sista dagen måndag 17 maj 2027 kl. 24.00');
    expect(r.text).toContain('Bilaga.pdf är lösenordsskyddad');
    expect(r.text).toContain('Apple Pages (.pages)');
    expect(r.text).toContain('Word-dokument (.docx) eller PDF');
    expect(r.text).toContain('15 MB');
  });

  it('a late application a coordinator accepted: the receipt says accepted, not "the coordinators decide"', () => {
    const late = {
      kind: 'late' as const,
      sentAt: '2027-05-18T00:03:00+02:00',
      deadline: '2027-05-18T00:00:00+02:00',
    };
    const open = submissionReceipt({
      ...base,
      language: 'sv',
      characterCount: 1,
      problems: [late],
    });
    expect(open.text).toContain('Samordnarna avgör om det kan tas med.');
    const accepted = submissionReceipt({
      ...base,
      language: 'sv',
      characterCount: 1,
      problems: [late],
      lateAccepted: true,
    });
    expect(accepted.text).toContain('Samordnarna har godtagit det.');
    expect(accepted.text).toContain('The coordinators have accepted it.');
    expect(accepted.text).not.toContain('avgör om');
  });

  it('says a replacement keeps the earlier version', () => {
    const r = submissionReceipt({
      ...base,
      language: 'en',
      characterCount: 80_000,
      problems: [],
      replacesEarlier: true,
    });
    expect(r.text).toContain('This version replaces the one you sent earlier');
    expect(r.text).toContain('Den här versionen ersätter');
  });

  it('asks for a file when none came', () => {
    const r = submissionReceipt({
      ...base,
      language: 'sv',
      characterCount: 0,
      problems: [{ kind: 'no-document' }],
      fileNames: [],
    });
    expect(r.text).toContain('Vi hittade ingen bifogad fil');
    expect(r.text).not.toContain('0 tecken');
  });
});

describe('withdrawal and info-meeting receipts', () => {
  it('confirms a withdrawal in both languages', () => {
    const r = withdrawalReceipt({ cycle, unitName: 'Husbygårdsskolan', language: 'sv' });
    expect(r.subject).toBe(
      'Avanmälan bekräftad – Kvalitetsutmärkelsen 2027 / Withdrawal confirmed – Quality Award 2027',
    );
    expect(r.text).toContain('Husbygårdsskolan deltar inte');
    expect(r.text).toContain('will not take part');
  });

  it('confirms an info-meeting signup with the time and place', () => {
    const r = infoMeetingSignupReceipt({
      cycle,
      meeting: cycle.timeline.infoMeetings[1]!,
      language: 'sv',
    });
    expect(r.text).toContain('tisdag 9 mars 2027 kl. 9.00–10.00');
    expect(r.text).toContain('på Stadshuset, Ragnar Östbergs plan 1');
    expect(r.text).toContain('Tuesday 9 March 2027');
  });

  it('picks the meeting whose date the mail names, else the next one (uncertain)', () => {
    expect(
      pickInfoMeeting(cycle, 'Jag vill komma den 9 mars', '2027-02-01T00:00:00+01:00'),
    ).toMatchObject({ meeting: { id: 'im-2' }, certain: true });
    expect(
      pickInfoMeeting(cycle, 'I would like to attend on 16 February', '2027-02-01T00:00:00+01:00'),
    ).toMatchObject({ meeting: { id: 'im-1' }, certain: true });
    expect(pickInfoMeeting(cycle, 'Jag vill komma', '2027-02-01T00:00:00+01:00')).toMatchObject({
      meeting: { id: 'im-1' },
      certain: false,
    });
    expect(pickInfoMeeting(cycle, 'Jag vill komma', '2027-04-01T00:00:00+02:00')).toBeNull();
  });

  it('counts a meeting as open only until its own signup deadline, as the receipts list it', () => {
    // 12 February: 16 February is still ahead but closed for signup (10 February); 9 March is open.
    const at = '2027-02-12T08:00:00+01:00';
    expect(openForSignup(cycle, at).map((m) => m.id)).toEqual(['im-2']);
    expect(pickInfoMeeting(cycle, 'Jag vill komma', at)).toEqual({
      meeting: cycle.timeline.infoMeetings[1],
      certain: true,
    });
    expect(pickInfoMeeting(cycle, 'Kan jag komma 16 feb?', at)).toMatchObject({
      meeting: { id: 'im-1' },
      certain: true,
      closed: true,
    });
    // The signup deadline is the whole day: on 10 February at 23.59 the meeting is still open.
    expect(openForSignup(cycle, '2027-02-10T23:59:00+01:00').map((m) => m.id)).toEqual([
      'im-1',
      'im-2',
    ]);
  });

  it('explains each document failure to the sender', () => {
    expect(documentFailureMessage('Bidrag.doc', 'unsupported-format', 'doc').sv).toContain(
      'Word 97–2003 (.doc)',
    );
    expect(documentFailureMessage('KU2027.zip', 'unsupported-format', 'zip').sv).toContain(
      'zip-arkiv (.zip), som vi inte kan läsa',
    );
    expect(documentFailureMessage('x.docx', 'suspicious-archive').en).toContain('cannot be opened');
    expect(documentFailureMessage('scan.pdf', 'empty').sv).toContain('ingen text');
  });
});
