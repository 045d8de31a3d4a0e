// The winner lockout in the intake: a recent winner's pre-registration waits for a coordinator with
// the year it may take part again; an honourable mention, an older win, a unit with no results and a
// coordinator's decision are registered as before.
import { describe, expect, it } from 'vitest';
import type { JuryResult, ParticipationState } from '../model.js';
import { SAMPLE_CYCLE } from '../sample-cycle.js';
import type { MailAssessment } from './assess.js';
import { planMail, readsFor, type MailPlanInput } from './plan.js';
import { lockedOutByWin, winnerLockoutReason } from './winner-lockout.js';

const UNIT = { id: 'u-regnbagen', name: 'Förskolan Regnbågen' };

/** An assessment as core/intake/assess.ts gives a certain pre-registration from the unit. */
function preRegistration(language: 'sv' | 'en' = 'sv'): MailAssessment {
  return {
    classification: {
      kind: 'pre-registration',
      confidence: 0.95,
      reasons: ['anmäler intresse'],
      reasonsEn: ['registers interest'],
      signals: { language },
    } as unknown as MailAssessment['classification'],
    match: {
      unitId: UNIT.id,
      candidates: [{ unitId: UNIT.id, unitName: UNIT.name, score: 0.95, evidence: [] }],
      status: 'matched',
      reason: { sv: 'chefens adress', en: "the manager's address" },
    },
    decision: 'auto',
    triageReasons: [],
  };
}

type Past = { year: number; state: ParticipationState; juryResult?: JuryResult };
const decided = (year: number, juryResult: JuryResult): Past => ({
  year,
  state: 'feedback-visit-held',
  juryResult,
});

function plan(participations: Past[], extra: Partial<MailPlanInput> = {}) {
  return planMail({
    facts: {
      subject: 'Intresseanmälan 2027 – Förskolan Regnbågen',
      body: 'Vi anmäler härmed vårt intresse för Kvalitetsutmärkelsen 2027.',
      from: { address: 'leila.haddad@stockholm.example', name: 'Leila Haddad' },
      attachments: [],
      sentAt: '2027-02-26T10:40:00Z',
    },
    assessment: preRegistration(),
    units: [UNIT],
    cycles: [SAMPLE_CYCLE],
    receivedAt: '2027-02-26T10:40:05Z',
    goLive: '2027-01-01T00:00:00Z',
    mailbox: SAMPLE_CYCLE.mailbox,
    documentsReadable: false,
    participations,
    ...extra,
  });
}

describe("a recent winner's pre-registration", () => {
  it("asks for the unit's participations", () => {
    expect(readsFor(preRegistration(), undefined)).toEqual({ participationsOf: UNIT.id });
  });

  it('waits for a coordinator: won 2026, may take part from 2029, nothing registered', () => {
    const p = plan([decided(2026, 'winner')]);
    expect(p.status).toBe('triage');
    if (p.status !== 'triage') return;
    expect(p.details.triageReasons).toEqual([
      {
        sv: 'Enheten fick Kvalitetsutmärkelsen 2026 och kan delta tidigast 2029',
        en: 'The unit won the quality award in 2026 and may take part again from 2029',
      },
    ]);
    expect(p.filing.folder).toBeNull();
    expect(p.filing.categories).toContain('Att granska');
  });

  it('a win two cycles back locks out too; the latest win is the one named', () => {
    expect(lockedOutByWin(SAMPLE_CYCLE, [decided(2025, 'winner')])).toBe(2025);
    expect(lockedOutByWin(SAMPLE_CYCLE, [decided(2025, 'winner'), decided(2026, 'winner')])).toBe(
      2026,
    );
    expect(winnerLockoutReason(SAMPLE_CYCLE, 2025).sv).toBe(
      'Enheten fick Kvalitetsutmärkelsen 2025 och kan delta tidigast 2028',
    );
  });

  it('is registered alone after an honourable mention, an older win, or with no results', () => {
    for (const past of [
      [decided(2026, 'honourable-mention')],
      [decided(2024, 'winner')],
      [decided(2026, 'none')],
      [],
    ]) {
      const p = plan(past);
      expect(p.status, JSON.stringify(past)).toBe('act');
      if (p.status !== 'act') continue;
      expect(p.steps).toEqual([
        { do: 'transition', unitId: UNIT.id, year: 2027, to: 'pre-registered' },
      ]);
    }
  });

  it("a coordinator's decision registers it anyway", () => {
    const p = plan([decided(2026, 'winner')], {
      decision: { kind: 'pre-registration', unitId: UNIT.id, by: 'samordnare', at: '2027-02-27' },
    });
    expect(p.status).toBe('act');
  });
});
