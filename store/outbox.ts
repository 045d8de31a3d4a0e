// The paced outbox for mail from the shared mailbox. Enqueueing is idempotent by a caller's key
// (receipt:<mailId>), so a receipt is queued once however often its mail is processed. A sender claims
// the next due item (most urgent priority first, then oldest) with a lease, so two instances never
// hold the same item; sent counts over a window let the pacer stay under Exchange's limits.
import type { Selectable } from 'kysely';
import type { IsoInstant } from '../core/model.js';
import { inTransaction, json, type RepoContext } from './db.js';
import type { OutboxTable } from './schema.js';
import { addMs, compact, toDate, toIso, toIsoOrUndefined, type TimeInput } from './time.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** Priorities: lower is sent first. Anything in between is fine too. */
export const OutboxPriority = {
  /** Receipts and answers to a sender (a receipt before 24:00 on deadline day). */
  urgent: 0,
  normal: 50,
  /** Newsletter-like reminders. */
  bulk: 100,
} as const;

export interface NewOutboxItem<P = unknown> {
  /** The natural key: the same key is queued once (e.g. `receipt:<messageId>`). */
  key: string;
  /** What it is, for logs and counts: 'receipt', 'reminder', ... */
  kind: string;
  /** The sending mailbox (limits are per mailbox). */
  mailbox: string;
  /** What the sender needs to send it (JSON). */
  payload: P;
  /** Recipients (to + cc + bcc), counted against the per-day recipient limit. Default 1. */
  recipientCount?: number;
  /** Lower is sent first; default OutboxPriority.normal. */
  priority?: number;
  /** Not sent before this time; default now. */
  notBefore?: TimeInput;
}

export interface OutboxItem<P = unknown> {
  id: number;
  key: string;
  kind: string;
  mailbox: string;
  payload: P;
  recipientCount: number;
  priority: number;
  notBefore: IsoInstant;
  status: OutboxStatus;
  /**
   * Claims so far, this one included. More than 1 means an earlier sender failed or crashed, maybe
   * after sending: check the mailbox's Sent Items for the key before sending again.
   */
  attempts: number;
  leaseOwner?: string;
  leaseUntil?: IsoInstant;
  error?: string;
  sentAt?: IsoInstant;
  createdAt: IsoInstant;
  /**
   * The draft an earlier claim created for this item (immutable id): look it up before sending
   * again (in Sent Items: sent; still in Drafts: not sent yet).
   */
  draftId?: string;
  /**
   * The Message-ID of the mail sent for this item ('<…@…>'): Graph assigns it when the draft is
   * created, so it is kept with the draft id. A non-delivery report quotes it.
   */
  internetMessageId?: string;
  /** A non-delivery report came back for this (sent) mail: when the intake read it. */
  bouncedAt?: IsoInstant;
  /** The server's reason from the report ("550 5.2.2 …"), when it gave one. */
  bounceReason?: string;
}

export interface OutboxRepo {
  enqueue<P>(item: NewOutboxItem<P>): Promise<{ inserted: boolean; item: OutboxItem<P> }>;
  get<P = unknown>(id: number): Promise<OutboxItem<P> | undefined>;
  getByKey<P = unknown>(key: string): Promise<OutboxItem<P> | undefined>;
  /**
   * Claims the next due item: pending with notBefore reached, or sending under a lease that ran out;
   * lowest priority number first, then oldest. Null when nothing is due.
   */
  claimNext<P = unknown>(options: {
    owner: string;
    leaseMs: number;
    mailbox?: string;
  }): Promise<OutboxItem<P> | null>;
  /** Extends the lease on a claimed item (a slow send). False if the lease was lost. */
  renewLease(id: number, owner: string, leaseMs: number): Promise<boolean>;
  /**
   * Hands a claimed item back unsent, due again at `until` (the pacer found the sending window full).
   * Not a failure: no error is recorded and the claim does not count as an attempt.
   */
  defer(id: number, owner: string, until: TimeInput): Promise<boolean>;
  /**
   * Keeps the draft created for a claimed item (and its internetMessageId, when Graph gave one),
   * before it is sent. False if the lease was lost.
   */
  recordDraft(
    id: number,
    owner: string,
    draftId: string,
    internetMessageId?: string,
  ): Promise<boolean>;
  /** Marks a claimed item sent. False if the lease was lost (another sender may hold it now). */
  markSent(id: number, owner: string, sentAt?: TimeInput): Promise<boolean>;
  /** A failed send: pending again from `retryAt`, or failed for good without it. */
  markFailed(
    id: number,
    owner: string,
    failure: { error: string; retryAt?: TimeInput },
  ): Promise<boolean>;
  /** Items sent since an instant (newest first), optionally per mailbox: where a bounce is looked up. */
  listSentSince<P = unknown>(since: TimeInput, mailbox?: string): Promise<OutboxItem<P>[]>;
  /**
   * The item whose mail carries this Message-ID (exact; angle brackets as Graph writes them, and
   * without them too), sent or not; newest first if ids were ever reused. Undefined when none.
   */
  findByInternetMessageId<P = unknown>(
    internetMessageId: string,
    mailbox?: string,
  ): Promise<OutboxItem<P> | undefined>;
  /**
   * Marks a sent item as bounced (a non-delivery report arrived). Idempotent: a second report keeps
   * the first time. False when the item does not exist.
   */
  markBounced(id: number, bounce: { at?: TimeInput; reason?: string }): Promise<boolean>;
  /** Messages and recipients sent since an instant (now − 1 min, now − 24 h), optionally per mailbox. */
  sentSince(since: TimeInput, mailbox?: string): Promise<{ messages: number; recipients: number }>;
  /** The earliest notBefore among pending items (when the pacer should wake up), if any. */
  nextDueAt(mailbox?: string): Promise<IsoInstant | undefined>;
  /** Count per status (every status present, zeros included). */
  counts(mailbox?: string): Promise<Record<OutboxStatus, number>>;
}

export function outboxRepo({ db, now }: RepoContext): OutboxRepo {
  const one = async <P>(column: 'id' | 'idempotency_key', value: number | string) => {
    const row = await db
      .selectFrom('outbox')
      .selectAll()
      .where(column, '=', value as never)
      .executeTakeFirst();
    return row && toItem<P>(row);
  };

  // An update of an item `owner` claimed and is still sending; the caller adds the SET.
  const sending = (id: number, owner: string) =>
    db
      .updateTable('outbox')
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('lease_owner', '=', owner);

  return {
    async enqueue<P>(item: NewOutboxItem<P>) {
      const at = now();
      const inserted = await db
        .insertInto('outbox')
        .values({
          idempotency_key: item.key,
          kind: item.kind,
          mailbox: item.mailbox,
          payload: json(item.payload),
          recipient_count: item.recipientCount ?? 1,
          priority: item.priority ?? OutboxPriority.normal,
          not_before: item.notBefore === undefined ? at : toDate(item.notBefore),
          status: 'pending',
          attempts: 0,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { inserted: true, item: toItem<P>(inserted) };
      const existing = await one<P>('idempotency_key', item.key);
      if (existing === undefined) throw new Error(`outbox item ${item.key} vanished`);
      return { inserted: false, item: existing };
    },

    get: (id) => one('id', id),
    getByKey: (key) => one('idempotency_key', key),

    async claimNext<P>(options: { owner: string; leaseMs: number; mailbox?: string }) {
      const at = now();
      return inTransaction(db, async (trx) => {
        let candidate = trx
          .selectFrom('outbox')
          .select('id')
          .where((eb) =>
            eb.or([
              eb.and([eb('status', '=', 'pending'), eb('not_before', '<=', at)]),
              eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', at)]),
            ]),
          );
        if (options.mailbox !== undefined)
          candidate = candidate.where('mailbox', '=', options.mailbox);
        const next = await candidate
          .orderBy('priority')
          .orderBy('created_at')
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (next === undefined) return null;
        const row = await trx
          .updateTable('outbox')
          .set((eb) => ({
            status: 'sending',
            attempts: eb('attempts', '+', 1),
            lease_owner: options.owner,
            lease_until: addMs(at, options.leaseMs),
            updated_at: at,
          }))
          .where('id', '=', next.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return toItem<P>(row);
      });
    },

    async renewLease(id, owner, leaseMs) {
      const at = now();
      const result = await sending(id, owner)
        .where('lease_until', '>', at)
        .set({ lease_until: addMs(at, leaseMs), updated_at: at })
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async defer(id, owner, until) {
      const at = now();
      const result = await sending(id, owner)
        .set((eb) => ({
          status: 'pending',
          not_before: toDate(until),
          attempts: eb('attempts', '-', 1),
          lease_owner: null,
          lease_until: null,
          updated_at: at,
        }))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async recordDraft(id, owner, draftId, internetMessageId) {
      const result = await sending(id, owner)
        .set({
          draft_id: draftId,
          // A draft created again (the first was deleted) has a new Message-ID: keep the new one.
          internet_message_id: internetMessageId ?? null,
          updated_at: now(),
        })
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async markSent(id, owner, sentAt) {
      const at = now();
      const result = await sending(id, owner)
        .set({
          status: 'sent',
          sent_at: sentAt === undefined ? at : toDate(sentAt),
          lease_owner: null,
          lease_until: null,
          last_error: null,
          updated_at: at,
        })
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async markFailed(id, owner, failure) {
      const at = now();
      const result = await sending(id, owner)
        .set({
          status: failure.retryAt === undefined ? 'failed' : 'pending',
          not_before: failure.retryAt === undefined ? undefined : toDate(failure.retryAt),
          last_error: failure.error,
          lease_owner: null,
          lease_until: null,
          updated_at: at,
        })
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async listSentSince<P>(since: TimeInput, mailbox?: string) {
      let query = db
        .selectFrom('outbox')
        .selectAll()
        .where('status', '=', 'sent')
        .where('sent_at', '>', toDate(since));
      if (mailbox !== undefined) query = query.where('mailbox', '=', mailbox);
      const rows = await query.orderBy('sent_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map((row) => toItem<P>(row));
    },

    async findByInternetMessageId<P>(internetMessageId: string, mailbox?: string) {
      const bare = internetMessageId.trim().replace(/^<|>$/g, '');
      if (bare === '') return undefined;
      let query = db
        .selectFrom('outbox')
        .selectAll()
        .where('internet_message_id', 'in', [`<${bare}>`, bare]);
      if (mailbox !== undefined) query = query.where('mailbox', '=', mailbox);
      const row = await query.orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row && toItem<P>(row);
    },

    async markBounced(id, bounce) {
      const at = now();
      const result = await db
        .updateTable('outbox')
        .set((eb) => ({
          bounced_at: eb.fn.coalesce(
            'bounced_at',
            eb.val(bounce.at === undefined ? at : toDate(bounce.at)),
          ),
          bounce_reason: eb.fn.coalesce('bounce_reason', eb.val(bounce.reason ?? null)),
          updated_at: at,
        }))
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async sentSince(since, mailbox) {
      let query = db
        .selectFrom('outbox')
        .select((eb) => [
          eb.fn.countAll<number>().as('messages'),
          eb.fn.coalesce(eb.fn.sum<number>('recipient_count'), eb.lit(0)).as('recipients'),
        ])
        .where('status', '=', 'sent')
        .where('sent_at', '>', toDate(since));
      if (mailbox !== undefined) query = query.where('mailbox', '=', mailbox);
      const row = await query.executeTakeFirstOrThrow();
      return { messages: Number(row.messages), recipients: Number(row.recipients) };
    },

    async nextDueAt(mailbox) {
      let query = db
        .selectFrom('outbox')
        .select((eb) => eb.fn.min('not_before').as('due'))
        .where('status', '=', 'pending');
      if (mailbox !== undefined) query = query.where('mailbox', '=', mailbox);
      const row = await query.executeTakeFirst();
      return toIsoOrUndefined(row?.due ?? null);
    },

    async counts(mailbox) {
      let query = db
        .selectFrom('outbox')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status');
      if (mailbox !== undefined) query = query.where('mailbox', '=', mailbox);
      const rows = await query.execute();
      const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
      for (const row of rows) counts[row.status as OutboxStatus] = Number(row.n);
      return counts;
    },
  };
}

function toItem<P>(row: Selectable<OutboxTable>): OutboxItem<P> {
  return compact({
    id: row.id,
    key: row.idempotency_key,
    kind: row.kind,
    mailbox: row.mailbox,
    payload: row.payload as P,
    recipientCount: row.recipient_count,
    priority: row.priority,
    notBefore: toIso(row.not_before),
    status: row.status as OutboxStatus,
    attempts: row.attempts,
    leaseOwner: row.lease_owner ?? undefined,
    leaseUntil: toIsoOrUndefined(row.lease_until),
    error: row.last_error ?? undefined,
    sentAt: toIsoOrUndefined(row.sent_at),
    createdAt: toIso(row.created_at),
    draftId: row.draft_id ?? undefined,
    internetMessageId: row.internet_message_id ?? undefined,
    bouncedAt: toIsoOrUndefined(row.bounced_at),
    bounceReason: row.bounce_reason ?? undefined,
  });
}
