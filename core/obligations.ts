// Who still owes what before a deadline: the rule reminders use to reach only the units that have to act.
import type { DeadlineKind } from './deadlines.js';
import type { Participation } from './model.js';
import { milestones } from './participation.js';

/**
 * True when the unit behind `p` still has something to do before a deadline of `kind`:
 * - pre-registration: it has shown interest but not pre-registered (nor already submitted);
 * - submission: it takes part (not withdrawn or found ineligible) and no application has arrived;
 * - board-protocol: it takes part and is not yet in its board's protocol (the unit asks its
 *   administration or company to report it);
 * - site-visit-documents: it is under examination (the site visit is ahead);
 * - feedback-visit-booking: the jury has decided and the feedback visit is not held yet.
 * Kinds that concern everybody or nobody in particular (info meetings, site-visit and feedback-visit
 * windows, jury, ceremony) return false: they are announcements, not obligations.
 */
export function stillToAct(p: Participation, kind: DeadlineKind): boolean {
  const m = milestones(p);
  const active = p.state !== 'withdrawn' && p.state !== 'not-eligible';
  switch (kind) {
    case 'pre-registration':
      return p.state === 'interested';
    case 'submission':
      return (
        active && !m.submitted && ['interested', 'pre-registered', 'in-protocol'].includes(p.state)
      );
    case 'board-protocol':
      return (
        active && !m.inProtocol && ['interested', 'pre-registered', 'submitted'].includes(p.state)
      );
    case 'site-visit-documents':
      return p.state === 'under-examination';
    case 'feedback-visit-booking':
      return p.state === 'jury-decided';
    default:
      return false;
  }
}
