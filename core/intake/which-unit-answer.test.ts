// The answer to the award's "which unit?" in a thread is the sender's earlier registration with its
// unit named; an answer that asks, adds something, or follows no such question stays undecided.
import { describe, expect, it } from 'vitest';
import { assessMail } from './assess.js';
import type { MailFacts } from './facts.js';
import type { MatchableUnit } from './match.js';

const UNITS: MatchableUnit[] = [
  {
    id: 'u-vasa',
    name: 'Hemtjänsten Vasastan',
    managerName: 'Per Holm',
    managerEmail: 'per.holm@stockholm.example',
  },
  {
    id: 'u-odenplan',
    name: 'Dagverksamheten Odenplan',
    managerName: 'Sara Ek',
    managerEmail: 'sara.ek@stockholm.example',
  },
];

/**
 * Lotta's answer over our question over her first mail, as Outlook quotes them. She writes from an
 * address the register does not know (new in her post), so her first mail could not be placed.
 */
function answer(
  own: string,
  ourQuestion = 'Tack för ditt mejl! Vilken enhet gäller anmälan?',
): MailFacts {
  return {
    subject: 'SV: SV: Kvalitetsutmärkelsen',
    body: `${own}

Från: Kvalitetsutmärkelsen <kvalitetsutmarkelsen@stockholm.example>
Skickat: den 9 mars 2027 10:12
Till: Lotta Berg
Ämne: SV: Kvalitetsutmärkelsen

Hej Lotta! ${ourQuestion} Hälsningar Kvalitetsutmärkelsen

Från: Lotta Berg
Skickat: den 8 mars 2027 17:30
Till: Kvalitetsutmärkelsen <kvalitetsutmarkelsen@stockholm.example>
Ämne: Kvalitetsutmärkelsen

Hej! Vi anmäler härmed vårt intresse för kvalitetsutmärkelsen 2027. /Lotta Berg`,
    from: { address: 'lotta.berg@stockholm.example', name: 'Lotta Berg' },
    attachments: [],
    sentAt: '2027-03-09T11:00:00+01:00',
  };
}

describe('an answer to our question about which unit', () => {
  it('is the earlier registration, for the unit the answer names', () => {
    const a = assessMail(
      answer('Oj, förlåt! Det är Hemtjänsten Vasastan.\n/Lotta'),
      UNITS,
      {},
      null,
    );
    expect(a.classification.kind).toBe('pre-registration');
    expect(a.match).toMatchObject({ status: 'matched', unitId: 'u-vasa' });
    expect(a.decision).toBe('auto');
  });

  it('stays with a coordinator when it asks back, names no unit, or follows another question', () => {
    for (const facts of [
      answer('Hemtjänsten Vasastan, eller går det att anmäla båda?\n/Lotta'),
      answer('Det är den större av våra två.\n/Lotta'),
      answer('Hemtjänsten Vasastan.\n/Lotta', 'Hur många medarbetare har ni?'),
    ]) {
      const a = assessMail(facts, UNITS, {}, null);
      // Not registered alone: left to a coordinator, or at most a question a coordinator answers.
      expect(a.decision === 'triage' || a.classification.kind === 'question', facts.body).toBe(
        true,
      );
      expect(a.classification.kind === 'pre-registration' && a.decision === 'auto').toBe(false);
    }
  });
});
