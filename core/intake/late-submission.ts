// A submission sent after the cycle's deadline (17 May kl. 24.00 = before 18 May 00:00 Stockholm,
// judged by the sent time). The instructions set the deadline and say nothing of late entries, so
// whether one is accepted is the coordinators' call: the intake keeps the document (the version is
// recorded, marked late) and asks a coordinator "accept or reject?" instead of answering on its own.
import { isLate } from '../deadlines.js';
import { formatShortDate, monthName } from '../format.js';
import type { Bilingual, Cycle, IsoInstant } from '../model.js';
import { toStockholm } from '../time.js';

/** True when a submission sent at `sentAt` missed the cycle's deadline. */
export function isLateSubmission(cycle: Cycle, sentAt: IsoInstant): boolean {
  return isLate(sentAt, cycle.timeline.submissionDeadline);
}

/**
 * The coordinator's question: "Inkom 00:03 den 18 maj, efter sista dag 17 maj kl. 24.00 – godta
 * eller avvisa?" (the sent time, in Stockholm).
 */
export function lateSubmissionReason(cycle: Cycle, sentAt: IsoInstant): Bilingual {
  const at = toStockholm(sentAt);
  const time = (sep: string) =>
    `${String(at.hour).padStart(2, '0')}${sep}${String(at.minute).padStart(2, '0')}`;
  const deadline = cycle.timeline.submissionDeadline;
  return {
    sv: `Inkom ${time(':')} den ${at.day} ${monthName(at.month, 'sv')}, efter sista dag ${formatShortDate(deadline, 'sv')} kl. 24.00 – godta eller avvisa?`,
    en: `Arrived at ${time(':')} on ${at.day} ${monthName(at.month, 'en')}, after the deadline ${formatShortDate(deadline, 'en')} at 24:00 – accept or reject?`,
  };
}
