// Reminder snoozes ("Påminn mig i morgon"), one row per person and reminder (occurrence + unit): a
// snooze is an upsert on that natural key, so two managers snoozing at once both keep theirs and a
// person snoozing again moves their own. The scheduler takes the due ones and removes them after.
import type { Selectable } from 'kysely';
import type { IsoInstant } from '../core/model.js';
import type { RepoContext } from './db.js';
import type { ReminderSnoozesTable } from './schema.js';
import { toDate, toIso, type TimeInput } from './time.js';

export interface ReminderSnoozeKey {
  /** Entra object id of the person who asked. */
  objectId: string;
  occurrenceId: string;
  unitId: string;
}

export interface ReminderSnooze extends ReminderSnoozeKey {
  dueAt: IsoInstant;
}

export interface ReminderSnoozesRepo {
  /** Snoozes the reminder for this person until `dueAt` (replacing their earlier snooze of it). */
  upsert(snooze: ReminderSnoozeKey & { dueAt: TimeInput }): Promise<void>;
  get(key: ReminderSnoozeKey): Promise<ReminderSnooze | undefined>;
  /** Every snooze due at or before `at`, oldest first. */
  due(at: TimeInput): Promise<ReminderSnooze[]>;
  /** The earliest due time after `at`, if any (the scheduler's next wake-up). */
  nextDueAfter(at: TimeInput): Promise<IsoInstant | undefined>;
  /**
   * Removes these snoozes, each only while it still has the `dueAt` given: one snoozed again
   * meanwhile (a new time) stays.
   */
  remove(snoozes: ReminderSnooze[]): Promise<number>;
}

function record(row: Selectable<ReminderSnoozesTable>): ReminderSnooze {
  return {
    objectId: row.object_id,
    occurrenceId: row.occurrence_id,
    unitId: row.unit_id,
    dueAt: toIso(row.due_at),
  };
}

export function reminderSnoozesRepo({ db, now }: RepoContext): ReminderSnoozesRepo {
  return {
    async upsert(s) {
      const dueAt = toDate(s.dueAt);
      await db
        .insertInto('reminder_snoozes')
        .values({
          object_id: s.objectId,
          occurrence_id: s.occurrenceId,
          unit_id: s.unitId,
          due_at: dueAt,
          updated_at: now(),
        })
        .onConflict((oc) =>
          oc
            .columns(['object_id', 'occurrence_id', 'unit_id'])
            .doUpdateSet({ due_at: dueAt, updated_at: now() }),
        )
        .execute();
    },
    async get(key) {
      const row = await db
        .selectFrom('reminder_snoozes')
        .selectAll()
        .where('object_id', '=', key.objectId)
        .where('occurrence_id', '=', key.occurrenceId)
        .where('unit_id', '=', key.unitId)
        .executeTakeFirst();
      return row ? record(row) : undefined;
    },
    async due(at) {
      const rows = await db
        .selectFrom('reminder_snoozes')
        .selectAll()
        .where('due_at', '<=', toDate(at))
        .orderBy('due_at')
        .orderBy('object_id')
        .orderBy('occurrence_id')
        .orderBy('unit_id')
        .execute();
      return rows.map(record);
    },
    async nextDueAfter(at) {
      const row = await db
        .selectFrom('reminder_snoozes')
        .select((eb) => eb.fn.min('due_at').as('next'))
        .where('due_at', '>', toDate(at))
        .executeTakeFirst();
      return row?.next ? toIso(row.next) : undefined;
    },
    async remove(snoozes) {
      let removed = 0;
      for (const s of snoozes) {
        const result = await db
          .deleteFrom('reminder_snoozes')
          .where('object_id', '=', s.objectId)
          .where('occurrence_id', '=', s.occurrenceId)
          .where('unit_id', '=', s.unitId)
          .where('due_at', '=', toDate(s.dueAt))
          .executeTakeFirst();
        removed += Number(result.numDeletedRows);
      }
      return removed;
    },
  };
}
