// What goes into the paced outbox: the payload of one outbox item (a reply in a mail's thread or a
// new mail from the shared mailbox), the priorities that order the queue, and enqueueMail(), the one
// call producers (intake receipts, mail reminders) use. Enqueueing is idempotent by the caller's key,
// so a receipt is queued once however often its mail is processed; the sender (sender.ts) does the rest.
import type { IsoInstant } from '../../core/model.js';
import type { OutboxRepo, TimeInput } from '../../store/index.js';

export interface MailAddress {
  address: string;
  name?: string;
}

/** A reply in the thread of a mail in `mailbox` (a `createReply` draft, then sent). */
export interface OutboxReply {
  kind: 'reply';
  /** The sending mailbox (UPN or id): the shared mailbox. Limits are counted per mailbox. */
  mailbox: string;
  /** The mail answered (immutable id). */
  messageId: string;
  /** Extra recipients on the reply (the unit's other address). */
  cc?: MailAddress[];
  /** Overrides Graph's "RE: <original subject>". */
  subject?: string;
  html: string;
  /** A plain-text rendering, for logs and previews; Graph gets the html. */
  text?: string;
}

/** A new mail from `mailbox` (a draft created with `POST /users/{mailbox}/messages`, then sent). */
export interface OutboxSend {
  kind: 'send';
  mailbox: string;
  to: MailAddress[];
  cc?: MailAddress[];
  bcc?: MailAddress[];
  subject: string;
  html: string;
  text?: string;
  /** What this mail is about (e.g. `reminder:<cycle>:<unit>`), for logs and triage; not sent. */
  conversationHint?: string;
}

export type OutboxMessage = OutboxReply | OutboxSend;

/**
 * Lower is sent first (the store orders by priority, then age). Gaps leave room for later kinds.
 * A receipt for a mail that arrived on deadline day (before 24:00) overtakes everything: the sender
 * is waiting to know their submission counted.
 */
export const MailPriority = {
  /** Receipt of a mail that arrived within the last 24 h before a deadline (or after it). */
  deadlineReceipt: 0,
  /** Receipts of pre-registrations, submissions, protocols. */
  receipt: 10,
  /** Confirmations (withdrawal confirmed, info-meeting signup confirmed). */
  confirmation: 20,
  /** Answers and notices to one person. */
  answer: 40,
  /** Mail reminders to units (fallback when Teams cannot reach them). */
  reminder: 80,
  /** Newsletter-like mail to many. */
  newsletter: 100,
} as const;

export type MailPurpose = keyof typeof MailPriority;

/** The header every outgoing mail carries, so Sent Items tells whether an item was sent already. */
export const OUTBOX_KEY_HEADER = 'x-kvalitet-outbox-key';

/**
 * The priority of a receipt: `deadlineReceipt` when the mail was received in the 24 hours before
 * `deadline` (or after it: a late sender needs the answer as much), `receipt` otherwise.
 */
export function receiptPriority(
  receivedAt: TimeInput,
  deadline: TimeInput | undefined,
): (typeof MailPriority)['deadlineReceipt' | 'receipt'] {
  if (deadline === undefined) return MailPriority.receipt;
  const received = new Date(receivedAt).getTime();
  const due = new Date(deadline).getTime();
  return received >= due - 24 * 3_600_000 ? MailPriority.deadlineReceipt : MailPriority.receipt;
}

/** Recipients counted against the 10,000-per-day limit; a reply goes to the sender (1) plus cc. */
export function recipientCountOf(message: OutboxMessage): number {
  if (message.kind === 'reply') return 1 + (message.cc?.length ?? 0);
  return message.to.length + (message.cc?.length ?? 0) + (message.bcc?.length ?? 0);
}

export interface EnqueueMailInput {
  /** Natural key: the same key is queued once (e.g. `receipt:<messageId>`). Max a few hundred chars. */
  key: string;
  message: OutboxMessage;
  /** What it is (logs, counts); default: from the priority, or 'answer'. */
  purpose?: MailPurpose | (string & {});
  /** MailPriority.* (lower first); default: MailPriority[purpose] or MailPriority.answer. */
  priority?: number;
  /** Not sent before this instant (e.g. a reminder scheduled for 08:00). */
  notBefore?: TimeInput;
  /** Override the counted recipients (a reply to a mail with several Reply-To addresses). */
  recipientCount?: number;
}

export interface EnqueuedMail {
  id: number;
  /** False when the key was queued before (nothing changed). */
  inserted: boolean;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  createdAt: IsoInstant;
}

/**
 * Queues one mail. Pass `store` or a transaction's repositories (`tx`), so a receipt is queued in
 * the same transaction as the state change it reports.
 */
export async function enqueueMail(
  repos: { outbox: Pick<OutboxRepo, 'enqueue'> },
  input: EnqueueMailInput,
): Promise<EnqueuedMail> {
  const { message } = input;
  if (message.mailbox.trim() === '') throw new RangeError('outbox mail without a mailbox');
  if (message.kind === 'send' && message.to.length === 0)
    throw new RangeError(`outbox mail ${input.key} has no recipients`);
  const purpose =
    input.purpose ??
    (Object.entries(MailPriority).find(([, p]) => p === input.priority)?.[0] as
      MailPurpose | undefined) ??
    'answer';
  const priority =
    input.priority ??
    (purpose in MailPriority ? MailPriority[purpose as MailPurpose] : MailPriority.answer);
  const { inserted, item } = await repos.outbox.enqueue<OutboxMessage>({
    key: input.key,
    kind: purpose,
    mailbox: message.mailbox.toLowerCase(),
    payload: message,
    recipientCount: input.recipientCount ?? recipientCountOf(message),
    priority,
    ...(input.notBefore === undefined ? {} : { notBefore: input.notBefore }),
  });
  return { id: item.id, inserted, status: item.status, createdAt: item.createdAt };
}
