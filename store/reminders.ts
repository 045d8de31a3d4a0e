// Reminder deliveries, one per reminder id + recipient: the claim is an insert on that natural key, so
// a reminder reaches each recipient once across restarts and instances. A claim that is never marked
// delivered (the sender crashed) can be taken again after its lease.
import type { Selectable } from 'kysely';
import type { IsoInstant } from '../core/model.js';
import { inTransaction, jsonOrNull, type RepoContext } from './db.js';
import type { ReminderDeliveriesTable } from './schema.js';
import { addMs, compact, toIso, toIsoOrUndefined } from './time.js';

export type ReminderChannel = 'teams' | 'mail';
export type ReminderDeliveryStatus = 'claimed' | 'delivered' | 'failed';

export interface ReminderDeliveryKey {
  reminderId: string;
  /** A user's AAD object id or e-mail address. */
  recipient: string;
}

export interface ReminderDelivery extends ReminderDeliveryKey {
  channel: ReminderChannel;
  status: ReminderDeliveryStatus;
  attempts: number;
  leaseUntil?: IsoInstant;
  claimedAt: IsoInstant;
  deliveredAt?: IsoInstant;
  error?: string;
  details?: Record<string, unknown>;
}

export interface ReminderDeliveriesRepo {
  /**
   * Claims the delivery. True when this caller should deliver: the first claim, or a retake of a
   * claim whose lease ran out or that failed. False when delivered or held by someone else.
   */
  claim(key: ReminderDeliveryKey & { channel: ReminderChannel; leaseMs: number }): Promise<boolean>;
  /** `channel` records how it went out when that differs from the claim's (a mail fallback). */
  markDelivered(
    key: ReminderDeliveryKey,
    details?: Record<string, unknown>,
    channel?: ReminderChannel,
  ): Promise<void>;
  /** Replaces the details of a claim in progress (e.g. "posting" before an unrepeatable call). */
  note(key: ReminderDeliveryKey, details: Record<string, unknown>): Promise<void>;
  markFailed(key: ReminderDeliveryKey, error: string): Promise<void>;
  get(key: ReminderDeliveryKey): Promise<ReminderDelivery | undefined>;
  listByReminder(reminderId: string): Promise<ReminderDelivery[]>;
  /** Every delivery whose reminder id starts with `prefix` (one reminder's per-unit keys). */
  listByPrefix(prefix: string): Promise<ReminderDelivery[]>;
}

export function reminderDeliveriesRepo({ db, now }: RepoContext): ReminderDeliveriesRepo {
  return {
    async claim(key) {
      const at = now();
      return inTransaction(db, async (trx) => {
        const inserted = await trx
          .insertInto('reminder_deliveries')
          .values({
            reminder_id: key.reminderId,
            recipient: key.recipient,
            channel: key.channel,
            status: 'claimed',
            attempts: 1,
            lease_until: addMs(at, key.leaseMs),
            claimed_at: at,
          })
          .onConflict((oc) => oc.columns(['reminder_id', 'recipient']).doNothing())
          .executeTakeFirst();
        if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return true;
        const retaken = await trx
          .updateTable('reminder_deliveries')
          .set((eb) => ({
            channel: key.channel,
            status: 'claimed',
            attempts: eb('attempts', '+', 1),
            lease_until: addMs(at, key.leaseMs),
            claimed_at: at,
          }))
          .where('reminder_id', '=', key.reminderId)
          .where('recipient', '=', key.recipient)
          .where((eb) =>
            eb.or([
              eb('status', '=', 'failed'),
              eb.and([eb('status', '=', 'claimed'), eb('lease_until', '<=', at)]),
            ]),
          )
          .executeTakeFirst();
        return retaken.numUpdatedRows > 0n;
      });
    },
    async markDelivered(key, details, channel) {
      await db
        .updateTable('reminder_deliveries')
        .set({
          ...(channel ? { channel } : {}),
          status: 'delivered',
          delivered_at: now(),
          lease_until: null,
          last_error: null,
          details: details === undefined ? undefined : jsonOrNull(details),
        })
        .where('reminder_id', '=', key.reminderId)
        .where('recipient', '=', key.recipient)
        .execute();
    },
    async note(key, details) {
      await db
        .updateTable('reminder_deliveries')
        .set({ details: jsonOrNull(details) })
        .where('reminder_id', '=', key.reminderId)
        .where('recipient', '=', key.recipient)
        .where('status', '=', 'claimed')
        .execute();
    },
    async markFailed(key, error) {
      await db
        .updateTable('reminder_deliveries')
        .set({ status: 'failed', lease_until: null, last_error: error })
        .where('reminder_id', '=', key.reminderId)
        .where('recipient', '=', key.recipient)
        .where('status', '!=', 'delivered')
        .execute();
    },
    async get(key) {
      const row = await db
        .selectFrom('reminder_deliveries')
        .selectAll()
        .where('reminder_id', '=', key.reminderId)
        .where('recipient', '=', key.recipient)
        .executeTakeFirst();
      return row && toDelivery(row);
    },
    async listByPrefix(prefix) {
      const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await db
        .selectFrom('reminder_deliveries')
        .selectAll()
        .where('reminder_id', 'like', pattern)
        .orderBy('reminder_id')
        .orderBy('recipient')
        .execute();
      return rows.map(toDelivery);
    },
    async listByReminder(reminderId) {
      const rows = await db
        .selectFrom('reminder_deliveries')
        .selectAll()
        .where('reminder_id', '=', reminderId)
        .orderBy('recipient')
        .execute();
      return rows.map(toDelivery);
    },
  };
}

function toDelivery(row: Selectable<ReminderDeliveriesTable>): ReminderDelivery {
  return compact({
    reminderId: row.reminder_id,
    recipient: row.recipient,
    channel: row.channel as ReminderChannel,
    status: row.status as ReminderDeliveryStatus,
    attempts: row.attempts,
    leaseUntil: toIsoOrUndefined(row.lease_until),
    claimedAt: toIso(row.claimed_at),
    deliveredAt: toIsoOrUndefined(row.delivered_at),
    error: row.last_error ?? undefined,
    details: row.details ?? undefined,
  });
}
