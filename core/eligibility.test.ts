import { describe, expect, it } from 'vitest';
import { assessEligibility, type EligibilityFacts } from './eligibility.js';
import type { CycleRules, Unit } from './model.js';

const rules: CycleRules = {
  maxCharacters: 85000,
  minStaff: 5,
  minStockholmShare: 0.51,
  winnerLockoutYears: 2,
  budgetRule: 'no-deficit-last-year-or-forecast',
};
const municipal: Pick<Unit, 'ownership' | 'staffCount' | 'stockholmShare'> = {
  ownership: 'municipal',
  staffCount: 12,
};
const privateUnit: Pick<Unit, 'ownership' | 'staffCount' | 'stockholmShare'> = {
  ownership: 'private',
  staffCount: 12,
  stockholmShare: 0.8,
};
const good: EligibilityFacts = {
  hasManagerWithBudgetAndStaffResponsibility: true,
  hasBusinessPlanWithGoals: true,
  budget: { deficitLastYear: false, deficitInForecast: false },
  previousResults: [],
};
const assess = (facts: EligibilityFacts, unit = municipal, year = 2026, r = rules) =>
  assessEligibility(unit, facts, { year, rules: r });

describe('eligibility', () => {
  it('a unit that meets every rule is eligible', () => {
    const result = assess(good, privateUnit);
    expect(result).toMatchObject({
      status: 'eligible',
      failed: [],
      needsChecking: [],
      notApplicable: [],
    });
    expect(result.passed).toHaveLength(7);
  });

  it('manager without staff and budget responsibility', () => {
    const { failed } = assess({ ...good, hasManagerWithBudgetAndStaffResponsibility: false });
    expect(failed).toEqual([
      {
        rule: 'manager-responsibility',
        sv: 'Enheten har ingen chef med både personal- och budgetansvar.',
        en: 'The unit has no manager with both staff and budget responsibility.',
      },
    ]);
  });

  it('fewer than five staff including the manager; five is enough', () => {
    expect(assess({ ...good, staffCount: 4 }).failed).toEqual([
      {
        rule: 'min-staff',
        sv: 'Enheten har 4 medarbetare inklusive chef; minst 5 krävs.',
        en: 'The unit has 4 staff including the manager; at least 5 are required.',
      },
    ]);
    expect(assess({ ...good, staffCount: 5 }).status).toBe('eligible');
  });

  it('no business plan with goals', () => {
    expect(assess({ ...good, hasBusinessPlanWithGoals: false }).failed).toEqual([
      {
        rule: 'business-plan',
        sv: 'Enheten saknar en verksamhetsplan med mål.',
        en: 'The unit has no business plan with goals.',
      },
    ]);
  });

  it('a private unit needs 51 % from Stockholm; a municipal unit does not', () => {
    expect(assess({ ...good, stockholmShare: 0.5 }, privateUnit).failed).toEqual([
      {
        rule: 'stockholm-share',
        sv: 'Andelen platser/brukare från Stockholms stad är 50 %; enskilt drivna verksamheter behöver minst 51 %.',
        en: 'The share of places/users from the City of Stockholm is 50%; privately run units need at least 51%.',
      },
    ]);
    expect(assess({ ...good, stockholmShare: 0.51 }, privateUnit).status).toBe('eligible');
    const municipalResult = assess({ ...good, stockholmShare: 0.1 }, municipal);
    expect(municipalResult.status).toBe('eligible');
    expect(municipalResult.notApplicable).toContain('stockholm-share');
  });

  it('2024 rule: a deficit last year or in the forecast each fail', () => {
    const { failed } = assess({
      ...good,
      budget: { deficitLastYear: true, deficitInForecast: true },
    });
    expect(failed.map((f) => f.rule)).toEqual(['budget-last-year', 'budget-forecast']);
    expect(failed[0]).toMatchObject({
      sv: 'Förra årets resultat visar ett underskott.',
      en: "Last year's result shows a deficit.",
    });
    expect(failed[1]?.sv).toContain('Prognosen för innevarande år visar ett underskott');
  });

  it("older 'balance' rule: only this year's forecast counts", () => {
    const older = { ...rules, budgetRule: 'balance' as const };
    const lastYearDeficit = assess(
      { ...good, budget: { deficitLastYear: true, deficitInForecast: false } },
      municipal,
      2021,
      older,
    );
    expect(lastYearDeficit.status).toBe('eligible');
    expect(lastYearDeficit.notApplicable).toContain('budget-last-year');
    expect(
      assess({ ...good, budget: { deficitInForecast: true } }, municipal, 2021, older).failed.map(
        (f) => f.rule,
      ),
    ).toEqual(['budget-forecast']);
  });

  it('returns every failed reason at once', () => {
    const result = assess(
      {
        hasManagerWithBudgetAndStaffResponsibility: false,
        staffCount: 3,
        hasBusinessPlanWithGoals: false,
        stockholmShare: 0.3,
        budget: { deficitLastYear: true, deficitInForecast: true },
        previousResults: [{ year: 2025, result: 'winner' }],
      },
      privateUnit,
    );
    expect(result.status).toBe('not-eligible');
    expect(result.failed.map((f) => f.rule)).toEqual([
      'manager-responsibility',
      'min-staff',
      'business-plan',
      'stockholm-share',
      'budget-last-year',
      'budget-forecast',
      'winner-lockout',
    ]);
    for (const f of result.failed) {
      expect(f.sv).not.toBe(f.en);
      expect(f.sv.length).toBeGreaterThan(10);
    }
  });

  it('unknown facts need checking rather than failing', () => {
    const result = assess({}, { ownership: 'private' });
    expect(result.status).toBe('needs-checking');
    expect(result.failed).toEqual([]);
    expect(result.needsChecking.map((f) => f.rule)).toEqual([
      'manager-responsibility',
      'min-staff',
      'business-plan',
      'stockholm-share',
      'budget-last-year',
      'budget-forecast',
      'winner-lockout',
    ]);
    expect(result.needsChecking[1]?.sv).toBe(
      'Antalet medarbetare inklusive chef är okänt; minst 5 krävs.',
    );
  });

  it('a known failure outweighs unknown facts', () => {
    expect(assess({ staffCount: 2 }).status).toBe('not-eligible');
  });

  it("the facts' staff count and share win over the unit record", () => {
    expect(assess({ ...good, staffCount: 3 }, { ...municipal, staffCount: 20 }).status).toBe(
      'not-eligible',
    );
    expect(
      assess({ ...good, stockholmShare: 0.9 }, { ...privateUnit, stockholmShare: 0.2 }).status,
    ).toBe('eligible');
  });

  it('a share written as a percentage is flagged, not silently accepted', () => {
    const result = assess({ ...good, stockholmShare: 80 }, privateUnit);
    expect(result.status).toBe('needs-checking');
    expect(result.needsChecking[0]?.en).toContain('invalid (80, must be 0–1)');
  });
});

describe('winner lockout', () => {
  const won2025: EligibilityFacts = {
    ...good,
    previousResults: [{ year: 2025, result: 'winner' }],
  };

  it('a 2025 winner is blocked in 2026 and 2027 and may take part in 2028', () => {
    expect(assess(won2025, municipal, 2026).failed).toEqual([
      {
        rule: 'winner-lockout',
        sv: 'Enheten vann Kvalitetsutmärkelsen 2025 och kan delta igen tidigast 2028.',
        en: 'The unit won the quality award in 2025 and may take part again from 2028.',
      },
    ]);
    expect(assess(won2025, municipal, 2027).status).toBe('not-eligible');
    expect(assess(won2025, municipal, 2028).status).toBe('eligible');
  });

  it('an honourable mention in 2025 may take part in 2026', () => {
    expect(
      assess(
        { ...good, previousResults: [{ year: 2025, result: 'honourable-mention' }] },
        municipal,
        2026,
      ).status,
    ).toBe('eligible');
  });

  it('names the latest win when there are several', () => {
    const facts = {
      ...good,
      previousResults: [
        { year: 2024, result: 'winner' as const },
        { year: 2025, result: 'winner' as const },
      ],
    };
    expect(assess(facts, municipal, 2026).failed[0]?.sv).toContain('2025');
  });

  it('follows the lockout length of the cycle', () => {
    expect(assess(won2025, municipal, 2027, { ...rules, winnerLockoutYears: 1 }).status).toBe(
      'eligible',
    );
  });
});
