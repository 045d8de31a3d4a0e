// What reminders keep between runs, in the store's settings: which occurrences are done or paused,
// and the snoozes people asked for ("Påminn mig i morgon"). Small values read and written whole.
import type { Store } from '../../store/index.js';

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

export interface Snooze {
  occurrenceId: string;
  unitId: string;
  /** Entra object id of the person who asked. */
  objectId: string;
  dueAt: string;
}

const runKey = (occurrenceId: string) => `reminders:run:${occurrenceId}`;
const SNOOZES = 'reminders:snoozes';

export function reminderState(store: Pick<Store, 'settings'>) {
  return {
    run: (occurrenceId: string) => store.settings.get<RunRecord>(runKey(occurrenceId)),
    setRun: (occurrenceId: string, record: RunRecord) =>
      store.settings.set(runKey(occurrenceId), record),
    clearRun: (occurrenceId: string) => store.settings.delete(runKey(occurrenceId)),
    snoozes: async () => (await store.settings.get<Snooze[]>(SNOOZES)) ?? [],
    async addSnooze(s: Snooze) {
      const all = (await store.settings.get<Snooze[]>(SNOOZES)) ?? [];
      const rest = all.filter(
        (x) =>
          !(
            x.occurrenceId === s.occurrenceId &&
            x.unitId === s.unitId &&
            x.objectId === s.objectId
          ),
      );
      await store.settings.set(SNOOZES, [...rest, s]);
    },
    async removeSnoozes(done: Snooze[]) {
      const all = (await store.settings.get<Snooze[]>(SNOOZES)) ?? [];
      await store.settings.set(
        SNOOZES,
        all.filter(
          (x) =>
            !done.some(
              (d) =>
                d.occurrenceId === x.occurrenceId &&
                d.unitId === x.unitId &&
                d.objectId === x.objectId &&
                d.dueAt === x.dueAt,
            ),
        ),
      );
    },
  };
}
