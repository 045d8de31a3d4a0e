// The one judge of a labelled mail for the intake's measured sets (held-out, blind): runs the
// assessment over the mail's facts and then the intake's own plan (core/intake/plan.ts, with the
// cycles from cycles/ and the fixture units' jury results), and says whether the automatic decision
// was right, rightly left to a coordinator, needlessly left, or a wrong automatic action (the kind,
// the unit, or acting at all when a coordinator should have looked). Running the plan, not a copy of
// its rules, means a new plan rule is measured the day it is written.
import { assessMail, type MailAssessment } from '../../core/intake/assess.js';
import type { MailFacts, MailKind } from '../../core/intake/facts.js';
import { planMail, readsFor } from '../../core/intake/plan.js';
import type { ReaderModel } from '../../core/intake/second-reader.js';
import { loadCycles } from '../../server/cycles.js';
import type { LabelledMail } from '../fixtures/mails/mails.js';
import { FIXTURE_JURY_RESULTS, FIXTURE_UNITS, unitByName } from '../fixtures/mails/units.js';
import { factsOf } from './facts-of.js';
import { readerTrainedOn } from './reader-training.js';

export { factsOf };

export type Verdict = 'auto-right' | 'triage-right' | 'triage-missed' | 'WRONG-AUTO';

const CYCLES = loadCycles();
const MAILBOX = 'kvalitetsutmarkelsen@stockholm.example';

/**
 * What the intake decides: the plan's status for the mail as it arrives (no coordinator's decision
 * yet), given what the executor would read for it (the unit's earlier participations: here only the
 * fixture units' jury results). A non-delivery report is decided automatically (never answered, its
 * receipt marked) though the plan lists it for coordinators to see, so it counts as decided.
 */
function intakeDecision(facts: MailFacts, a: MailAssessment): 'auto' | 'triage' {
  if (a.classification.nonDelivery) return a.decision;
  const reads = readsFor(a, undefined);
  const participations = reads.participationsOf
    ? FIXTURE_JURY_RESULTS.filter((r) => r.unitId === reads.participationsOf).map((r) => ({
        year: r.year,
        state: 'submitted' as const,
        juryResult: r.juryResult,
      }))
    : [];
  const plan = planMail({
    facts,
    assessment: a,
    units: FIXTURE_UNITS,
    cycles: CYCLES,
    receivedAt: facts.sentAt,
    goLive: '2000-01-01T00:00:00Z',
    mailbox: MAILBOX,
    participations,
    documentsReadable: true,
  });
  return plan.status === 'triage' ? 'triage' : 'auto';
}

export function judge(
  mail: LabelledMail,
  reader: ReaderModel,
): { verdict: Verdict; line: string; kind: MailKind } {
  const facts = factsOf(mail);
  const a = assessMail(facts, FIXTURE_UNITS, {}, reader);
  const c = a.classification;
  const expected = mail.expected;
  const unitId =
    expected.unit === undefined ? undefined : expected.unit && unitByName(expected.unit).id;
  const unitRight =
    unitId === undefined ||
    (unitId === null ? a.match.status !== 'matched' : a.match.unitId === unitId) ||
    // A kind that needs no unit is not acted on for one, whatever the matcher found.
    (a.match.status !== 'matched' && unitId !== null && !needsUnit(expected.kind));
  let verdict: Verdict;
  if (intakeDecision(facts, a) === 'auto') {
    verdict =
      expected.kind !== 'triage' && c.kind === expected.kind && unitRight
        ? 'auto-right'
        : 'WRONG-AUTO';
  } else {
    verdict = expected.kind === 'triage' ? 'triage-right' : 'triage-missed';
  }
  const unit = a.match.status === 'matched' ? a.match.candidates[0]?.unitName : a.match.status;
  return {
    verdict,
    kind: c.kind,
    line: `${mail.id.padEnd(12)} ${verdict.padEnd(13)} ${c.kind.padEnd(19)} ${c.confidence.toFixed(2)} unit:${unit}  (expected ${expected.kind}${expected.unit ? ` / ${expected.unit}` : ''})`,
  };
}

export function needsUnit(kind: string): boolean {
  return ['pre-registration', 'withdrawal', 'submission', 'info-meeting-signup'].includes(kind);
}

export interface Outcome {
  mail: LabelledMail;
  verdict: Verdict;
  line: string;
  /** The kind the intake decided. */
  kind: MailKind;
}

/**
 * Kinds whose automatic handling changes a participation or answers the sender. A mail wrongly
 * filed as a question still waits for a coordinator to answer it, and one filed as an auto-reply or
 * other is only moved to its folder; both are wrong, but nothing was done in the unit's name.
 */
const CHANGES_OR_ANSWERS: readonly MailKind[] = [
  'pre-registration',
  'withdrawal',
  'submission',
  'board-protocol',
  'info-meeting-signup',
];

/**
 * One set judged: the share decided automatically and rightly, the wrong automatic actions, and the
 * report printed with them (the misses; every mail with INTAKE_REPORT set). `knownWrong` are the
 * set's recorded wrong actions, counted in the report so a new one stands out.
 */
export function measure(
  name: string,
  mails: LabelledMail[],
  knownWrong?: string[],
): {
  outcomes: Outcome[];
  share: number;
  decidableShare: number;
  wrong: Outcome[];
  report: string;
} {
  // The second reader this set is judged with has never seen it.
  const reader = readerTrainedOn(name);
  const outcomes = mails.map((mail) => ({ mail, ...judge(mail, reader) }));
  const count = (v: Verdict) => outcomes.filter((o) => o.verdict === v).length;
  const autoRight = count('auto-right');
  const share = autoRight / outcomes.length;
  // Mails a careful coordinator would decide alone (not labelled triage): the ceiling of `share`
  // is this set's decidable part, so both figures are reported.
  const decidable = outcomes.filter((o) => o.mail.expected.kind !== 'triage').length;
  const decidableShare = decidable ? autoRight / decidable : 0;
  const report = [
    `${name} intake: ${autoRight}/${outcomes.length} decided automatically and rightly (${(100 * share).toFixed(1)} %; ` +
      `${autoRight}/${decidable} = ${(100 * decidableShare).toFixed(1)} % of the mails not labelled triage), ` +
      `${count('triage-right')} rightly left to a coordinator, ${count('triage-missed')} left to a coordinator though decidable, ` +
      `wrong automatic actions ${count('WRONG-AUTO')}${knownWrong ? ` (known ${knownWrong.length})` : ''}, ` +
      `of which ${outcomes.filter((o) => o.verdict === 'WRONG-AUTO' && CHANGES_OR_ANSWERS.includes(o.kind)).length} changed a participation or answered the sender`,
    ...outcomes
      .filter((o) => o.verdict !== 'auto-right' || process.env.INTAKE_REPORT)
      .map((o) => o.line),
  ].join('\n');
  return {
    outcomes,
    share,
    decidableShare,
    wrong: outcomes.filter((o) => o.verdict === 'WRONG-AUTO'),
    report,
  };
}
