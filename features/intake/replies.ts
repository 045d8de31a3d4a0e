// Answers to senders go through the paced outbox as replies in the sender's thread, keyed by the mail
// (`receipt:<mailbox>:<messageId>`), so a mail processed twice (a crash, a duplicate notification)
// still gets one receipt. Mails received before go-live, auto-replies and newsletters get none.
import type { Receipt } from '../../core/intake/index.js';
import { deadlineInstant } from '../../core/deadlines.js';
import type { Cycle } from '../../core/model.js';
import { enqueueMail, receiptPriority, MailPriority } from '../outbox/types.js';
import type { IntakeContext } from './context.js';

export function receiptKey(mailbox: string, messageId: string): string {
  return `receipt:${mailbox}:${messageId}`;
}

export interface ReplyRequest {
  messageId: string;
  receipt: Receipt;
  receivedAt: string;
  /** Receipts before a deadline are the most urgent mail the app sends. */
  cycle: Cycle;
  purpose: 'receipt' | 'confirmation';
}

/** Queues the reply once; returns whether it was queued now (false: it was queued before). */
export async function queueReply(ctx: IntakeContext, request: ReplyRequest): Promise<boolean> {
  const { messageId, receipt, cycle } = request;
  const deadline = nextDeadline(cycle, request.receivedAt);
  const priority =
    request.purpose === 'receipt'
      ? receiptPriority(request.receivedAt, deadline)
      : MailPriority.confirmation;
  const { inserted } = await enqueueMail(ctx.store, {
    key: receiptKey(ctx.mailbox, messageId),
    purpose: request.purpose,
    priority,
    message: {
      kind: 'reply',
      mailbox: ctx.mailbox,
      messageId,
      subject: receipt.subject,
      html: receipt.html,
      text: receipt.text,
    },
  });
  if (inserted) ctx.onMailQueued?.();
  return inserted;
}

/** The cycle deadline the mail was racing (pre-registration, submission or protocol), if any. */
function nextDeadline(cycle: Cycle, receivedAt: string): string | undefined {
  const t = new Date(receivedAt).getTime();
  const dates = [
    cycle.timeline.preRegistrationDeadline,
    cycle.timeline.submissionDeadline,
    cycle.timeline.boardProtocolDeadline,
  ].map(deadlineInstant);
  return dates.find((d) => new Date(d).getTime() + 86_400_000 > t);
}
