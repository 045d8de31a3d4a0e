// Who may take part in a cycle: the rules of the instructions as checks that report every failed reason
// in Swedish and English, and keep what the coordinator does not know yet apart as "needs checking".
import type { Bilingual, Cycle, JuryResult, Reason, Unit } from './model.js';

export type EligibilityRuleId =
  | 'manager-responsibility'
  | 'min-staff'
  | 'business-plan'
  | 'stockholm-share'
  | 'budget-last-year'
  | 'budget-forecast'
  | 'winner-lockout';

export const ELIGIBILITY_RULE_LABELS: Readonly<Record<EligibilityRuleId, Bilingual>> = {
  'manager-responsibility': {
    sv: 'Chef med personal- och budgetansvar',
    en: 'Manager with staff and budget responsibility',
  },
  'min-staff': {
    sv: 'Minst fem medarbetare inklusive chef',
    en: 'At least five staff including the manager',
  },
  'business-plan': { sv: 'Verksamhetsplan med mål', en: 'Business plan with goals' },
  'stockholm-share': {
    sv: 'Enskilt drivna: minst 51 % från Stockholms stad',
    en: 'Privately run: at least 51% from Stockholm',
  },
  'budget-last-year': { sv: 'Inget underskott förra året', en: 'No deficit last year' },
  'budget-forecast': {
    sv: 'Budget i balans enligt årets prognos',
    en: "Budget in balance in this year's forecast",
  },
  'winner-lockout': { sv: 'Inte vunnit de senaste åren', en: 'Has not won in recent years' },
};

/** What the coordinator knows about a unit; anything left out is unknown and reported as "needs checking". */
export interface EligibilityFacts {
  hasManagerWithBudgetAndStaffResponsibility?: boolean;
  /** Staff including the manager; when absent the unit's staffCount is used. */
  staffCount?: number;
  hasBusinessPlanWithGoals?: boolean;
  /** Share (0–1) of places/children/customers from Stockholm; when absent the unit's stockholmShare is used. */
  stockholmShare?: number;
  budget?: {
    /** Last year's result showed a deficit. */
    deficitLastYear?: boolean;
    /** The current year's forecast shows a deficit. */
    deficitInForecast?: boolean;
  };
  /** The unit's earlier results. Absent = unknown; an empty list = known to have no earlier results. */
  previousResults?: readonly { year: number; result: JuryResult }[];
}

export interface EligibilityFinding extends Reason {
  rule: EligibilityRuleId;
}

export interface EligibilityAssessment {
  /** 'not-eligible' if any rule failed; else 'needs-checking' if any fact is unknown; else 'eligible'. */
  status: 'eligible' | 'not-eligible' | 'needs-checking';
  /** Every failed rule, not just the first. Pass these as `reasons` to the 'not-eligible' transition. */
  failed: EligibilityFinding[];
  /** Rules that cannot be decided yet because a fact is unknown. */
  needsChecking: EligibilityFinding[];
  passed: EligibilityRuleId[];
  /** Rules that do not apply to this unit (the Stockholm share for municipal units). */
  notApplicable: EligibilityRuleId[];
}

type Outcome = { kind: 'pass' } | { kind: 'n/a' } | { kind: 'fail' | 'unknown'; text: Bilingual };

function percent(share: number, locale: 'sv' | 'en'): string {
  const value = String(Math.round(share * 1000) / 10);
  return locale === 'sv' ? `${value.replace('.', ',')} %` : `${value}%`;
}

function known(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Checks a unit against a cycle's rules. Pure: the facts are what the coordinator has recorded so far.
 */
export function assessEligibility(
  unit: Pick<Unit, 'ownership' | 'staffCount' | 'stockholmShare'>,
  facts: EligibilityFacts,
  cycle: Pick<Cycle, 'year' | 'rules'>,
): EligibilityAssessment {
  const rules = cycle.rules;
  const outcomes: [EligibilityRuleId, Outcome][] = [];

  const manager = facts.hasManagerWithBudgetAndStaffResponsibility;
  outcomes.push([
    'manager-responsibility',
    manager === true
      ? { kind: 'pass' }
      : manager === false
        ? {
            kind: 'fail',
            text: {
              sv: 'Enheten har ingen chef med både personal- och budgetansvar.',
              en: 'The unit has no manager with both staff and budget responsibility.',
            },
          }
        : {
            kind: 'unknown',
            text: {
              sv: 'Okänt om enhetens chef har personal- och budgetansvar.',
              en: "Unknown whether the unit's manager has staff and budget responsibility.",
            },
          },
  ]);

  const staff = known(facts.staffCount) ? facts.staffCount : unit.staffCount;
  outcomes.push([
    'min-staff',
    !known(staff)
      ? {
          kind: 'unknown',
          text: {
            sv: `Antalet medarbetare inklusive chef är okänt; minst ${rules.minStaff} krävs.`,
            en: `The number of staff including the manager is unknown; at least ${rules.minStaff} are required.`,
          },
        }
      : staff >= rules.minStaff
        ? { kind: 'pass' }
        : {
            kind: 'fail',
            text: {
              sv: `Enheten har ${staff} medarbetare inklusive chef; minst ${rules.minStaff} krävs.`,
              en: `The unit has ${staff} staff including the manager; at least ${rules.minStaff} are required.`,
            },
          },
  ]);

  const plan = facts.hasBusinessPlanWithGoals;
  outcomes.push([
    'business-plan',
    plan === true
      ? { kind: 'pass' }
      : plan === false
        ? {
            kind: 'fail',
            text: {
              sv: 'Enheten saknar en verksamhetsplan med mål.',
              en: 'The unit has no business plan with goals.',
            },
          }
        : {
            kind: 'unknown',
            text: {
              sv: 'Okänt om enheten har en verksamhetsplan med mål.',
              en: 'Unknown whether the unit has a business plan with goals.',
            },
          },
  ]);

  const share = known(facts.stockholmShare) ? facts.stockholmShare : unit.stockholmShare;
  const min = rules.minStockholmShare;
  outcomes.push([
    'stockholm-share',
    unit.ownership !== 'private'
      ? { kind: 'n/a' }
      : !known(share) || share < 0 || share > 1
        ? {
            kind: 'unknown',
            text: {
              sv: `Andelen platser/brukare från Stockholms stad är ${known(share) ? `ogiltig (${share}, ska vara 0–1)` : 'okänd'}; enskilt drivna verksamheter behöver minst ${percent(min, 'sv')}.`,
              en: `The share of places/users from the City of Stockholm is ${known(share) ? `invalid (${share}, must be 0–1)` : 'unknown'}; privately run units need at least ${percent(min, 'en')}.`,
            },
          }
        : share >= min
          ? { kind: 'pass' }
          : {
              kind: 'fail',
              text: {
                sv: `Andelen platser/brukare från Stockholms stad är ${percent(share, 'sv')}; enskilt drivna verksamheter behöver minst ${percent(min, 'sv')}.`,
                en: `The share of places/users from the City of Stockholm is ${percent(share, 'en')}; privately run units need at least ${percent(min, 'en')}.`,
              },
            },
  ]);

  // Before 2024 only this year's forecast counted ("prognostisera en budget i balans innevarande år");
  // from 2024 neither last year's result nor this year's forecast may show a deficit.
  const budget = facts.budget ?? {};
  if (rules.budgetRule === 'no-deficit-last-year-or-forecast') {
    outcomes.push([
      'budget-last-year',
      budget.deficitLastYear === false
        ? { kind: 'pass' }
        : budget.deficitLastYear === true
          ? {
              kind: 'fail',
              text: {
                sv: 'Förra årets resultat visar ett underskott.',
                en: "Last year's result shows a deficit.",
              },
            }
          : {
              kind: 'unknown',
              text: {
                sv: 'Okänt om förra årets resultat visar ett underskott.',
                en: "Unknown whether last year's result shows a deficit.",
              },
            },
    ]);
  } else {
    outcomes.push(['budget-last-year', { kind: 'n/a' }]);
  }
  outcomes.push([
    'budget-forecast',
    budget.deficitInForecast === false
      ? { kind: 'pass' }
      : budget.deficitInForecast === true
        ? {
            kind: 'fail',
            text: {
              sv: 'Prognosen för innevarande år visar ett underskott (budgeten är inte i balans).',
              en: "This year's forecast shows a deficit (the budget is not in balance).",
            },
          }
        : {
            kind: 'unknown',
            text: {
              sv: 'Okänt om prognosen för innevarande år visar ett underskott.',
              en: "Unknown whether this year's forecast shows a deficit.",
            },
          },
  ]);

  // A winner sits out `winnerLockoutYears` cycles after the win; an honourable mention does not.
  const lockout = rules.winnerLockoutYears;
  if (facts.previousResults === undefined) {
    outcomes.push([
      'winner-lockout',
      lockout === 0
        ? { kind: 'pass' }
        : {
            kind: 'unknown',
            text: {
              sv: `Okänt om enheten har vunnit Kvalitetsutmärkelsen de senaste ${lockout} åren.`,
              en: `Unknown whether the unit has won the quality award in the last ${lockout} years.`,
            },
          },
    ]);
  } else {
    const win = facts.previousResults
      .filter((r) => r.result === 'winner' && r.year < cycle.year && cycle.year - r.year <= lockout)
      .sort((a, b) => b.year - a.year)[0];
    outcomes.push([
      'winner-lockout',
      win === undefined
        ? { kind: 'pass' }
        : {
            kind: 'fail',
            text: {
              sv: `Enheten vann Kvalitetsutmärkelsen ${win.year} och kan delta igen tidigast ${win.year + lockout + 1}.`,
              en: `The unit won the quality award in ${win.year} and may take part again from ${win.year + lockout + 1}.`,
            },
          },
    ]);
  }

  const result: EligibilityAssessment = {
    status: 'eligible',
    failed: [],
    needsChecking: [],
    passed: [],
    notApplicable: [],
  };
  for (const [rule, outcome] of outcomes) {
    if (outcome.kind === 'pass') result.passed.push(rule);
    else if (outcome.kind === 'n/a') result.notApplicable.push(rule);
    else
      (outcome.kind === 'fail' ? result.failed : result.needsChecking).push({
        rule,
        ...outcome.text,
      });
  }
  result.status =
    result.failed.length > 0
      ? 'not-eligible'
      : result.needsChecking.length > 0
        ? 'needs-checking'
        : 'eligible';
  return result;
}
