// Which award cycle a mail belongs to. A pre-registration in November is for next year; a submission
// a day late is still this year's (late, and said so); a protocol in July reports this year's units.
import { deadlineInstant } from '../deadlines.js';
import type { MailKind } from './facts.js';
import type { Cycle } from '../model.js';

const DAY = 86_400_000;

/** How long after a deadline a mail of that kind still belongs to the cycle. */
const GRACE: Partial<Record<MailKind, { deadline: 'submission' | 'protocol'; days: number }>> = {
  'pre-registration': { deadline: 'submission', days: 0 },
  'info-meeting-signup': { deadline: 'submission', days: 0 },
  withdrawal: { deadline: 'submission', days: 45 },
  submission: { deadline: 'submission', days: 45 },
  'board-protocol': { deadline: 'protocol', days: 90 },
};

/** A cycle opens about a year before its submission deadline; older mail is not about it. */
const CYCLE_OPENS_DAYS_BEFORE_SUBMISSION = 330;

/**
 * The cycle a mail of `kind` sent at `sentAt` concerns; the latest known cycle when none is open any
 * more; undefined for mail from before the first configured cycle (an old mailbox's history).
 */
export function cycleForMail(
  cycles: readonly Cycle[],
  kind: MailKind,
  sentAt: string | Date,
): Cycle | undefined {
  const sorted = [...cycles].sort((a, b) => a.year - b.year);
  if (sorted.length === 0) throw new Error('no award cycles configured');
  const at = new Date(sentAt).getTime();
  const first = sorted[0]!;
  const opens =
    new Date(deadlineInstant(first.timeline.submissionDeadline)).getTime() -
    CYCLE_OPENS_DAYS_BEFORE_SUBMISSION * DAY;
  if (at < opens) return undefined;
  const rule = GRACE[kind] ?? { deadline: 'protocol' as const, days: 90 };
  for (const cycle of sorted) {
    const date =
      rule.deadline === 'submission'
        ? cycle.timeline.submissionDeadline
        : cycle.timeline.boardProtocolDeadline;
    if (at < new Date(deadlineInstant(date)).getTime() + rule.days * DAY) return cycle;
  }
  return sorted[sorted.length - 1]!;
}
