// Intake's processing state per mail, keyed by mailbox + immutable message id. Seeing a mail is an
// idempotent insert (notification and delta may both report it); processing is claimed with a lease
// so two instances never work the same mail, and a crashed worker's lease runs out so the mail is
// finished once after a restart.
import type { IsoInstant } from '../core/model.js';
import {
  inTransaction,
  jsonOrNull,
  storableText,
  storableTextOrNull,
  type RepoContext,
} from './db.js';
import type { Database, MailsTable } from './schema.js';
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import { addMs, compact, toDate, toIso, toIsoOrUndefined, type TimeInput } from './time.js';

export type MailStatus = 'received' | 'processing' | 'processed' | 'triage' | 'failed';

export interface MailKey {
  mailbox: string;
  /** Graph's immutable id (Prefer: IdType="ImmutableId"). */
  messageId: string;
}

export interface NewMail extends MailKey {
  internetMessageId?: string;
  conversationId?: string;
  from?: string;
  subject?: string;
  receivedAt: TimeInput;
  sentAt?: TimeInput;
}

export interface MailRecord extends MailKey {
  internetMessageId?: string;
  conversationId?: string;
  from?: string;
  subject?: string;
  receivedAt: IsoInstant;
  sentAt?: IsoInstant;
  status: MailStatus;
  classification?: string;
  confidence?: number;
  unitId?: string;
  year?: number;
  /** How many times processing was claimed (1 on the first run; more means a retry or a crash). */
  attempts: number;
  error?: string;
  leaseOwner?: string;
  leaseUntil?: IsoInstant;
  /** A failed mail becomes pending again at this time (absent: failed for good). */
  retryAt?: IsoInstant;
  processedAt?: IsoInstant;
  details?: Record<string, unknown>;
  firstSeenAt: IsoInstant;
  updatedAt: IsoInstant;
}

/** What processing learned; any subset, written while the lease is held. */
export interface MailFindings {
  classification?: string;
  confidence?: number;
  unitId?: string;
  year?: number;
  /** Replaces the stored details (intake's own structure: reasons, triage suggestion, ...). */
  details?: Record<string, unknown>;
}

export interface ClaimOptions {
  /** Who claims: an instance id unique per process. */
  owner: string;
  /** How long the claim holds without renewal. */
  leaseMs: number;
}

export interface MailsRepo {
  /** Records a mail; a mail already recorded is left as it is (`inserted: false`). */
  recordSeen(mail: NewMail): Promise<{ inserted: boolean; mail: MailRecord }>;
  get(key: MailKey): Promise<MailRecord | undefined>;
  /**
   * Claims this mail for processing if it is pending: received, failed with a retry time that has
   * come, or processing under a lease that ran out. Null when someone else holds it or it is done.
   */
  claim(key: MailKey, options: ClaimOptions): Promise<MailRecord | null>;
  /** Claims the oldest pending mail (by received time), optionally of one mailbox. */
  claimNext(options: ClaimOptions & { mailbox?: string }): Promise<MailRecord | null>;
  /** Extends a held lease. False if the lease was lost (expired and taken by another). */
  renewLease(key: MailKey, options: ClaimOptions): Promise<boolean>;
  /** Saves findings while processing. False if the lease was lost. */
  update(key: MailKey, owner: string, findings: MailFindings): Promise<boolean>;
  /** Ends processing: processed, or handed to a coordinator for triage. False if the lease was lost. */
  complete(
    key: MailKey,
    owner: string,
    outcome: MailFindings & { status: 'processed' | 'triage' },
  ): Promise<boolean>;
  /** Ends processing with an error; with `retryAt` the mail is pending again from then. */
  fail(
    key: MailKey,
    owner: string,
    failure: { error: string; retryAt?: TimeInput },
  ): Promise<boolean>;
  /**
   * A coordinator's decision on a mail not being processed (triage confirmed or corrected, a failed
   * mail resolved by hand). `status: 'received'` sends it through processing again.
   */
  resolve(
    key: MailKey,
    outcome: MailFindings & { status: 'processed' | 'triage' | 'received' },
  ): Promise<boolean>;
  /**
   * When the next mail that is not pending now becomes pending by itself: the earliest running-out
   * lease (a crashed instance's mail) or retry time. Undefined when nothing waits on a timer.
   */
  nextPendingAt(options?: { mailbox?: string }): Promise<IsoInstant | undefined>;
  /** Mails that need (re)processing now, oldest first: what a restart must finish. */
  listPending(options?: { mailbox?: string; limit?: number }): Promise<MailRecord[]>;
  /** Newest first. */
  list(filter?: {
    status?: MailStatus | readonly MailStatus[];
    mailbox?: string;
    unitId?: string;
    /**
     * Only mails waiting for a coordinator: in triage, or failed with no retry planned (the rule of
     * features/intake/details.ts `awaitingTriage`), filtered before the limit.
     */
    awaitingTriage?: true;
    limit?: number;
  }): Promise<MailRecord[]>;
  /** Count per status (every status present, zeros included). */
  counts(mailbox?: string): Promise<Record<MailStatus, number>>;
  /**
   * Processed mails of a mailbox that signed up for one of these info meetings (intake's
   * `details.infoMeeting.id`), oldest first. A look-up on an indexed expression, with no limit: a
   * mailbox of any size keeps every signup.
   */
  listInfoMeetingSignups(filter: {
    mailbox: string;
    meetingIds: readonly string[];
  }): Promise<MailRecord[]>;
}

type Row = Selectable<MailsTable>;

export function mailsRepo({ db, now }: RepoContext): MailsRepo {
  const byKey = (key: MailKey) =>
    db
      .selectFrom('mails')
      .selectAll()
      .where('mailbox', '=', key.mailbox)
      .where('message_id', '=', key.messageId);

  /** The condition "pending at `at`", shared by claim, claimNext and listPending. */
  const pending = (eb: ExpressionBuilder<Database, 'mails'>, at: Date) =>
    eb.or([
      eb('status', '=', 'received'),
      eb.and([eb('status', '=', 'processing'), eb('lease_until', '<=', at)]),
      eb.and([eb('status', '=', 'failed'), eb('retry_at', '<=', at)]),
    ]);

  const claimSet = (options: ClaimOptions, at: Date) => ({
    status: 'processing',
    lease_owner: options.owner,
    lease_until: addMs(at, options.leaseMs),
    retry_at: null,
    updated_at: at,
  });

  const held = (key: MailKey, owner: string, at: Date) =>
    db
      .updateTable('mails')
      .where('mailbox', '=', key.mailbox)
      .where('message_id', '=', key.messageId)
      .where('status', '=', 'processing')
      .where('lease_owner', '=', owner)
      .where('lease_until', '>', at);

  return {
    async recordSeen(mail) {
      const at = now();
      const inserted = await db
        .insertInto('mails')
        .values({
          mailbox: mail.mailbox,
          message_id: mail.messageId,
          internet_message_id: mail.internetMessageId ?? null,
          conversation_id: mail.conversationId ?? null,
          from_address: storableTextOrNull(mail.from),
          subject: storableTextOrNull(mail.subject),
          received_at: toDate(mail.receivedAt),
          sent_at: mail.sentAt === undefined ? null : toDate(mail.sentAt),
          status: 'received',
          attempts: 0,
          first_seen_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.columns(['mailbox', 'message_id']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { inserted: true, mail: toRecord(inserted) };
      const existing = await byKey(mail).executeTakeFirstOrThrow();
      return { inserted: false, mail: toRecord(existing) };
    },

    async get(key) {
      const row = await byKey(key).executeTakeFirst();
      return row && toRecord(row);
    },

    async claim(key, options) {
      const at = now();
      const row = await db
        .updateTable('mails')
        .set((eb) => ({ ...claimSet(options, at), attempts: eb('attempts', '+', 1) }))
        .where('mailbox', '=', key.mailbox)
        .where('message_id', '=', key.messageId)
        .where((eb) => pending(eb, at))
        .returningAll()
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async claimNext(options) {
      const at = now();
      return inTransaction(db, async (trx) => {
        let candidate = trx
          .selectFrom('mails')
          .select(['mailbox', 'message_id'])
          .where((eb) => pending(eb, at));
        if (options.mailbox !== undefined)
          candidate = candidate.where('mailbox', '=', options.mailbox);
        const next = await candidate
          .orderBy('received_at')
          .orderBy('message_id')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (next === undefined) return null;
        const row = await trx
          .updateTable('mails')
          .set((eb) => ({ ...claimSet(options, at), attempts: eb('attempts', '+', 1) }))
          .where('mailbox', '=', next.mailbox)
          .where('message_id', '=', next.message_id)
          .where((eb) => pending(eb, at))
          .returningAll()
          .executeTakeFirst();
        return row ? toRecord(row) : null;
      });
    },

    async renewLease(key, options) {
      const at = now();
      const result = await held(key, options.owner, at)
        .set({ lease_until: addMs(at, options.leaseMs), updated_at: at })
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async update(key, owner, findings) {
      const at = now();
      const result = await held(key, owner, at)
        .set({ ...findingsSet(findings), updated_at: at })
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async complete(key, owner, outcome) {
      const at = now();
      const result = await held(key, owner, at)
        .set({
          ...findingsSet(outcome),
          status: outcome.status,
          lease_owner: null,
          lease_until: null,
          last_error: null,
          // A retry time left from an earlier failed attempt means nothing once the mail is done.
          retry_at: null,
          processed_at: at,
          updated_at: at,
        })
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async fail(key, owner, failure) {
      const at = now();
      const result = await held(key, owner, at)
        .set({
          status: 'failed',
          last_error: storableText(failure.error),
          retry_at: failure.retryAt === undefined ? null : toDate(failure.retryAt),
          lease_owner: null,
          lease_until: null,
          updated_at: at,
        })
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async resolve(key, outcome) {
      const at = now();
      const result = await db
        .updateTable('mails')
        .set({
          ...findingsSet(outcome),
          status: outcome.status,
          last_error: null,
          retry_at: null,
          processed_at: outcome.status === 'received' ? null : at,
          updated_at: at,
        })
        .where('mailbox', '=', key.mailbox)
        .where('message_id', '=', key.messageId)
        .where((eb) => eb.or([eb('status', '!=', 'processing'), eb('lease_until', '<=', at)]))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async nextPendingAt(options = {}) {
      let query = db
        .selectFrom('mails')
        .select((eb) =>
          eb.fn
            .min(
              eb
                .case()
                .when('status', '=', 'processing')
                .then(eb.ref('lease_until'))
                .when('status', '=', 'failed')
                .then(eb.ref('retry_at'))
                .else(null)
                .end(),
            )
            .as('at'),
        )
        .where('status', 'in', ['processing', 'failed']);
      if (options.mailbox !== undefined) query = query.where('mailbox', '=', options.mailbox);
      const row = await query.executeTakeFirst();
      return toIsoOrUndefined(row?.at as Date | string | null | undefined);
    },

    async listPending(options = {}) {
      const at = now();
      let query = db
        .selectFrom('mails')
        .selectAll()
        .where((eb) => pending(eb, at));
      if (options.mailbox !== undefined) query = query.where('mailbox', '=', options.mailbox);
      const rows = await query
        .orderBy('received_at')
        .orderBy('message_id')
        .limit(options.limit ?? 1000)
        .execute();
      return rows.map(toRecord);
    },

    async list(filter = {}) {
      let query = db.selectFrom('mails').selectAll();
      if (filter.status !== undefined) {
        const statuses = typeof filter.status === 'string' ? [filter.status] : [...filter.status];
        if (statuses.length === 0) return [];
        query = query.where('status', 'in', statuses);
      }
      if (filter.mailbox !== undefined) query = query.where('mailbox', '=', filter.mailbox);
      if (filter.unitId !== undefined) query = query.where('unit_id', '=', filter.unitId);
      if (filter.awaitingTriage)
        query = query.where((eb) =>
          eb.or([
            eb('status', '=', 'triage'),
            eb.and([eb('status', '=', 'failed'), eb('retry_at', 'is', null)]),
          ]),
        );
      const rows = await query
        .orderBy('received_at', 'desc')
        .orderBy('message_id')
        .limit(filter.limit ?? 1000)
        .execute();
      return rows.map(toRecord);
    },

    async counts(mailbox) {
      let query = db
        .selectFrom('mails')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status');
      if (mailbox !== undefined) query = query.where('mailbox', '=', mailbox);
      const rows = await query.execute();
      const counts: Record<MailStatus, number> = {
        received: 0,
        processing: 0,
        processed: 0,
        triage: 0,
        failed: 0,
      };
      for (const row of rows) counts[row.status as MailStatus] = Number(row.n);
      return counts;
    },

    async listInfoMeetingSignups({ mailbox, meetingIds }) {
      if (meetingIds.length === 0) return [];
      // The expression and the status are written as in the index (migration 0009) so it is used.
      const rows = await db
        .selectFrom('mails')
        .selectAll()
        .where('mailbox', '=', mailbox)
        .where('status', '=', 'processed')
        .where(INFO_MEETING_ID, 'in', [...meetingIds])
        .orderBy('received_at')
        .orderBy('message_id')
        .execute();
      return rows.map(toRecord);
    },
  };
}

/** The info meeting a signup mail was recorded for (intake's details), as the index has it. */
const INFO_MEETING_ID = sql<string>`(details -> 'infoMeeting' ->> 'id')`;

function findingsSet(findings: MailFindings) {
  return compact({
    classification: findings.classification,
    confidence: findings.confidence,
    unit_id: findings.unitId,
    year: findings.year,
    details: findings.details === undefined ? undefined : jsonOrNull(findings.details),
  });
}

function toRecord(row: Row): MailRecord {
  return compact({
    mailbox: row.mailbox,
    messageId: row.message_id,
    internetMessageId: row.internet_message_id ?? undefined,
    conversationId: row.conversation_id ?? undefined,
    from: row.from_address ?? undefined,
    subject: row.subject ?? undefined,
    receivedAt: toIso(row.received_at),
    sentAt: toIsoOrUndefined(row.sent_at),
    status: row.status as MailStatus,
    classification: row.classification ?? undefined,
    confidence: row.confidence ?? undefined,
    unitId: row.unit_id ?? undefined,
    year: row.year ?? undefined,
    attempts: row.attempts,
    error: row.last_error ?? undefined,
    leaseOwner: row.lease_owner ?? undefined,
    leaseUntil: toIsoOrUndefined(row.lease_until),
    retryAt: toIsoOrUndefined(row.retry_at),
    processedAt: toIsoOrUndefined(row.processed_at),
    details: row.details ?? undefined,
    firstSeenAt: toIso(row.first_seen_at),
    updatedAt: toIso(row.updated_at),
  });
}
