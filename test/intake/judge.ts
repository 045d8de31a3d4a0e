// The one judge of a labelled mail for the intake's measured sets (held-out, blind): runs the
// assessment over the mail's facts, then the plan's own rules for a signup that names no meeting, a
// late submission and a recent winner's pre-registration (with the cycle the intake picks for the
// mail, from cycles/), and says whether the automatic decision was right, rightly left to a
// coordinator, needlessly left, or a wrong automatic action (the kind, the unit, or acting at all
// when a coordinator should have looked).
import { assessMail, type MailAssessment } from '../../core/intake/assess.js';
import { cycleForMail } from '../../core/intake/cycle.js';
import type { MailFacts } from '../../core/intake/facts.js';
import { isLateSubmission } from '../../core/intake/late-submission.js';
import { laterCycleOfMail } from '../../core/intake/later-cycle.js';
import { htmlToText } from '../../core/intake/text.js';
import { signupNeedsCoordinator, signupText } from '../../core/intake/which-meeting.js';
import { lockedOutByWin } from '../../core/intake/winner-lockout.js';
import { loadCycles } from '../../server/cycles.js';
import type { LabelledMail } from '../fixtures/mails/mails.js';
import { FIXTURE_JURY_RESULTS, FIXTURE_UNITS, unitByName } from '../fixtures/mails/units.js';

export function factsOf(mail: LabelledMail): MailFacts {
  return {
    subject: mail.subject,
    body: mail.body ?? (mail.html ? htmlToText(mail.html) : ''),
    from: mail.from,
    attachments: mail.attachments ?? [],
    headers: mail.headers ?? [],
    sentAt: mail.sentAt,
  };
}

export type Verdict = 'auto-right' | 'triage-right' | 'triage-missed' | 'WRONG-AUTO';

const CYCLES = loadCycles();

/**
 * What the intake decides: the assessment's decision, unless the plan leaves it to a coordinator
 * anyway (core/intake/plan.ts: a signup naming no meeting while several are ahead; a submission
 * sent after the deadline; a pre-registration from a unit that won within the lockout, by the
 * fixture units' jury results; a registration, entry or signup naming a later cycle's year).
 */
function intakeDecision(facts: MailFacts, a: MailAssessment): MailAssessment['decision'] {
  if (a.decision === 'auto') {
    const cycle = cycleForMail(CYCLES, a.classification.kind, facts.sentAt);
    if (cycle && laterCycleOfMail(cycle, facts, a.classification) !== undefined) return 'triage';
  }
  if (a.decision === 'auto' && a.classification.kind === 'pre-registration' && a.match.unitId) {
    const cycle = cycleForMail(CYCLES, 'pre-registration', facts.sentAt);
    const results = FIXTURE_JURY_RESULTS.filter((r) => r.unitId === a.match.unitId);
    return cycle && lockedOutByWin(cycle, results) !== undefined ? 'triage' : 'auto';
  }
  if (a.decision === 'auto' && a.classification.kind === 'submission') {
    const cycle = cycleForMail(CYCLES, 'submission', facts.sentAt);
    return cycle && isLateSubmission(cycle, facts.sentAt) ? 'triage' : 'auto';
  }
  if (a.decision !== 'auto' || a.classification.kind !== 'info-meeting-signup') return a.decision;
  const cycle = cycleForMail(CYCLES, 'info-meeting-signup', facts.sentAt);
  return cycle && signupNeedsCoordinator(cycle, signupText(facts, a.classification), facts.sentAt)
    ? 'triage'
    : 'auto';
}

export function judge(mail: LabelledMail): { verdict: Verdict; line: string } {
  const facts = factsOf(mail);
  const a = assessMail(facts, FIXTURE_UNITS);
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
}

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
  const outcomes = mails.map((mail) => ({ mail, ...judge(mail) }));
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
      `wrong automatic actions ${count('WRONG-AUTO')}${knownWrong ? ` (known ${knownWrong.length})` : ''}`,
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
