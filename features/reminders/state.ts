// What reminders keep between runs: which occurrences are done or paused (small settings values read
// and written whole), and the snoozes people asked for ("Påminn mig i morgon"), a row per person and
// reminder in the store's own table so concurrent snoozes never overwrite each other.
import type { ReminderSnooze, Store } from '../../store/index.js';

export interface RunRecord {
  status: 'done' | 'paused';
  at: string;
  /** Units it went to (done). */
  recipients?: number;
  /** Sent by a coordinator ahead of time. */
  by?: string;
  /** Not sent: a newer reminder for the same deadline was due at the same time (after downtime). */
  supersededBy?: string;
}

export type Snooze = ReminderSnooze;

const runKey = (occurrenceId: string) => `reminders:run:${occurrenceId}`;

export function reminderState(store: Pick<Store, 'settings' | 'reminderSnoozes'>) {
  return {
    run: (occurrenceId: string) => store.settings.get<RunRecord>(runKey(occurrenceId)),
    setRun: (occurrenceId: string, record: RunRecord) =>
      store.settings.set(runKey(occurrenceId), record),
    clearRun: (occurrenceId: string) => store.settings.delete(runKey(occurrenceId)),
    /** Snoozes due at or before `now`. */
    dueSnoozes: (now: Date) => store.reminderSnoozes.due(now),
    nextSnoozeAfter: (now: Date) => store.reminderSnoozes.nextDueAfter(now),
    addSnooze: (s: Snooze) => store.reminderSnoozes.upsert(s),
    /** Prunes snoozes the scheduler has taken (sent, or expired with their reminder). */
    removeSnoozes: (done: Snooze[]) => store.reminderSnoozes.remove(done),
  };
}
