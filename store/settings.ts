// Small named values the app keeps between restarts (a generated webhook clientState, the go-live
// instant of mailbox intake, ...). getOrSet is first-writer-wins, so two instances starting together
// agree on one generated value.
import type { RepoContext } from './db.js';
import { excludedSet, json } from './db.js';

export interface SettingsRepo {
  get<T = unknown>(key: string): Promise<T | undefined>;
  /** Inserts or replaces. */
  set(key: string, value: unknown): Promise<void>;
  /** The stored value; if there is none, stores `value` and returns it. Concurrent callers all get the first one stored. */
  getOrSet<T>(key: string, value: T): Promise<T>;
  delete(key: string): Promise<void>;
}

export function settingsRepo({ db, now }: RepoContext): SettingsRepo {
  const get = async <T>(key: string): Promise<T | undefined> => {
    const row = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value as T | undefined;
  };
  return {
    get,
    async set(key, value) {
      const row = { key, value: json(value), updated_at: now() };
      await db
        .insertInto('settings')
        .values(row)
        .onConflict((oc) =>
          oc.column('key').doUpdateSet(({ ref }) => excludedSet(ref, row, ['key'])),
        )
        .execute();
    },
    async getOrSet<T>(key: string, value: T) {
      const inserted = await db
        .insertInto('settings')
        .values({ key, value: json(value), updated_at: now() })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('value')
        .executeTakeFirst();
      if (inserted) return inserted.value as T;
      const stored = await get<T>(key);
      if (stored === undefined) throw new Error(`setting ${key} vanished`);
      return stored;
    },
    async delete(key) {
      await db.deleteFrom('settings').where('key', '=', key).execute();
    },
  };
}
