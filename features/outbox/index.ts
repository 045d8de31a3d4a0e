// The outbox's public surface: what producers queue (enqueueMail, priorities, payload types) and the
// paced worker that sends it (startOutboxWorker), plus the clocks it runs on.
export {
  MailPriority,
  OUTBOX_KEY_HEADER,
  enqueueMail,
  receiptPriority,
  recipientCountOf,
  type EnqueueMailInput,
  type EnqueuedMail,
  type MailAddress,
  type MailPurpose,
  type OutboxMessage,
  type OutboxReply,
  type OutboxSend,
} from './types.js';
export {
  startOutboxWorker,
  type OutboxLogger,
  type OutboxMailboxStats,
  type OutboxWorker,
  type OutboxWorkerOptions,
  type OutboxWorkerStats,
} from './sender.js';
export { scaledClock, systemClock, type OutboxClock } from './clock.js';
export { EXCHANGE_SENDING_LIMITS, type SendLimits } from './pacer.js';
export { classifySendError, type SendFailure } from './failures.js';
