// A registration for a later cycle than the one open waits for a coordinator; a year of the unit's
// history, this cycle's year, a withdrawal that hopes for a later year and a coordinator's decision
// go on as before.
import { describe, expect, it } from 'vitest';
import { SAMPLE_CYCLE } from '../sample-cycle.js';
import { assessMail } from './assess.js';
import { laterCycleNamed, laterCycleReason } from './later-cycle.js';
import { planMail } from './plan.js';

const UNIT = {
  id: 'u-skarholmen',
  name: 'Hemtjänsten Skärholmen centrum',
  managerName: 'Nadia Karimi',
  managerEmail: 'nadia.karimi@stockholm.example',
};

function plan(subject: string, body: string, decided = false) {
  const facts = {
    subject,
    body,
    from: { address: UNIT.managerEmail, name: UNIT.managerName },
    attachments: [],
    sentAt: '2027-03-09T11:20:00Z',
  };
  return planMail({
    facts,
    assessment: assessMail(facts, [UNIT]),
    ...(decided
      ? {
          decision: {
            kind: 'pre-registration' as const,
            unitId: UNIT.id,
            by: 'samordnare',
            at: '2027-03-10',
          },
        }
      : {}),
    units: [UNIT],
    cycles: [SAMPLE_CYCLE],
    receivedAt: '2027-03-09T11:20:05Z',
    goLive: '2027-01-01T00:00:00Z',
    mailbox: SAMPLE_CYCLE.mailbox,
    documentsReadable: false,
    participations: [],
  });
}

describe('a registration for a later cycle', () => {
  it('waits for a coordinator, saying which year it is for', () => {
    const p = plan(
      'Intresseanmälan 2028',
      'Hej!\n\nVi hann inte med i år, men vi vill redan nu anmäla intresse för Kvalitetsutmärkelsen 2028.\n\nNadia Karimi\nEnhetschef, Hemtjänsten Skärholmen centrum',
    );
    expect(p.status).toBe('triage');
    if (p.status !== 'triage') return;
    expect(p.details.triageReasons).toEqual([laterCycleReason(SAMPLE_CYCLE, 2028)]);
    expect(laterCycleReason(SAMPLE_CYCLE, 2028).sv).toBe(
      `Mejlet gäller Kvalitetsutmärkelsen 2028, inte ${SAMPLE_CYCLE.year}: en samordnare noterar det inför den omgången`,
    );
  });

  it('is registered alone when it names this cycle or a year of its history', () => {
    for (const body of [
      `Hej! Vi vill anmäla intresse för Kvalitetsutmärkelsen ${SAMPLE_CYCLE.year}. Nadia Karimi, Hemtjänsten Skärholmen centrum`,
      'Hej! Vi deltog senast 2022 och vill gärna vara med i kvalitetsutmärkelsen igen. Nadia Karimi, Hemtjänsten Skärholmen centrum',
    ]) {
      const p = plan('Intresseanmälan', body);
      expect(p.status, body).toBe('act');
    }
  });

  it("a coordinator's decision registers it anyway", () => {
    const p = plan(
      'Intresseanmälan 2028',
      'Hej! Vi vill anmäla intresse för Kvalitetsutmärkelsen 2028. Nadia Karimi, Hemtjänsten Skärholmen centrum',
      true,
    );
    expect(p.status).toBe('act');
  });

  it('a withdrawal hoping for a later year, a case number and a date range are not held back', () => {
    expect(
      laterCycleNamed(SAMPLE_CYCLE, 'withdrawal', 'Vi drar oss ur och hoppas vara med 2028.'),
    ).toBeUndefined();
    expect(
      laterCycleNamed(
        SAMPLE_CYCLE,
        'pre-registration',
        'Dnr SK 2027/2030, läsåret 2026/2027, verksamhetsplan 2027–2028, 2028-01-15',
      ),
    ).toBeUndefined();
    expect(
      laterCycleNamed(SAMPLE_CYCLE, 'submission', `Bidrag KU ${SAMPLE_CYCLE.year + 1}.docx`),
    ).toBe(SAMPLE_CYCLE.year + 1);
  });
});
