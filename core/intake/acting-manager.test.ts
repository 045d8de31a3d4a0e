// An acting manager registering the unit they stand in for, from the address of the unit they
// ordinarily lead: the unit they say they act for is the one registered, when the address's own unit
// is named nowhere but in the address and the signature.
import { describe, expect, it } from 'vitest';
import { assessMail } from './assess.js';
import type { MailFacts } from './facts.js';
import type { MatchableUnit } from './match.js';

const UNITS: MatchableUnit[] = [
  {
    id: 'u-sjobacken',
    name: 'Sjöbackens skola',
    managerName: 'Nina Holm',
    managerEmail: 'nina.holm@stockholm.example',
  },
  {
    id: 'u-bergsgarden',
    name: 'Bergsgårdens skola',
    managerName: 'Erik Sand',
    managerEmail: 'erik.sand@stockholm.example',
  },
];

const NINA = 'nina.holm@stockholm.example';

function mail(subject: string, body: string, from = NINA): MailFacts {
  return {
    subject,
    body,
    from: { address: from, name: 'Nina Holm' },
    attachments: [],
    sentAt: '2027-03-03T09:00:00+01:00',
  };
}

describe('an acting manager registers the unit they stand in for', () => {
  it('registers the unit named as the one they act for, not the address’s own', () => {
    const a = assessMail(
      mail(
        'Intresseanmälan Bergsgårdens skola',
        'Hej!\n\nUnder vårterminen är jag tf rektor för Bergsgårdens skola, så jag skriver från min vanliga adress. Bergsgårdens skola anmäler intresse för Kvalitetsutmärkelsen 2027.\n\nVänliga hälsningar\nNina Holm\nRektor Sjöbackens skola, tf rektor Bergsgårdens skola',
      ),
      UNITS,
      {},
      null,
    );
    expect(a.classification.kind).toBe('pre-registration');
    expect(a.match).toMatchObject({ status: 'matched', unitId: 'u-bergsgarden' });
    expect(a.decision).toBe('auto');
  });

  it('stays undecided when the address’s unit is named too, or no acting is said', () => {
    for (const body of [
      // Both units named in the text: one registration or two is for a coordinator to read.
      'Hej! Jag är rektor för Sjöbackens skola och tf rektor för Bergsgårdens skola. Vi anmäler intresse för Kvalitetsutmärkelsen 2027 för båda skolorna.\nNina Holm',
      // Nothing says whom the sender acts for: the address's unit may be the one meant.
      'Hej! Bergsgårdens skola anmäler intresse för Kvalitetsutmärkelsen 2027.\n\nVänliga hälsningar\nNina Holm\nRektor Sjöbackens skola',
    ]) {
      const a = assessMail(mail('Intresseanmälan Bergsgårdens skola', body), UNITS, {}, null);
      expect(a.match.status, body).not.toBe('matched');
      expect(a.decision, body).toBe('triage');
    }
  });
});
