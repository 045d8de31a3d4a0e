// What every repository shares: the Kysely handle (a plain one or a transaction), the clock, JSON
// encoding for jsonb, and running a unit of work in a transaction with retry on write races.
import type { Kysely } from 'kysely';
import { isRetryable, StoreError } from './errors.js';
import type { Database } from './schema.js';

/** A Kysely handle on our schema: the store's own, or a transaction (Transaction extends Kysely). */
export type Db = Kysely<Database>;

export interface RepoContext {
  db: Db;
  /** The store's clock (the app's, so AWARD_NOW and test clocks reach leases and timestamps). */
  now: () => Date;
}

// PostgreSQL stores neither U+0000 (text and jsonb) nor a lone UTF-16 surrogate (jsonb rejects the
// "\ud83d" escape JSON.stringify writes for it): a mail carrying either would fail every attempt.
// The one place text from outside is made storable: NUL dropped, a lone surrogate becomes U+FFFD.
const UNSTORABLE_SOURCE =
  '\\u0000|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const HAS_UNSTORABLE = new RegExp(UNSTORABLE_SOURCE);
const UNSTORABLE = new RegExp(UNSTORABLE_SOURCE, 'g');

/** Text as PostgreSQL can keep it (NUL removed, lone surrogates replaced by U+FFFD). */
export function storableText(value: string): string {
  return HAS_UNSTORABLE.test(value)
    ? value.replace(UNSTORABLE, (c) => (c === '\u0000' ? '' : '\ufffd'))
    : value;
}

export function storableTextOrNull(value: string | undefined | null): string | null {
  return value === undefined || value === null ? null : storableText(value);
}

const storableStrings = (_key: string, v: unknown): unknown =>
  typeof v === 'string' ? storableText(v) : v;

/** jsonb values go in as JSON text: pg would otherwise turn JS arrays into PostgreSQL arrays. */
export function json(value: unknown): string {
  return JSON.stringify(value, storableStrings);
}

export function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : json(value);
}

const MAX_ATTEMPTS = 8;

/**
 * Runs `work` in a transaction. On the store's own handle, a unique-key race, serialization failure or
 * deadlock reruns the whole transaction (it re-reads, so nothing is lost). Inside a caller's
 * transaction it joins that one and lets such an error abort the caller's unit of work.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new StoreError(
          'conflict',
          `a concurrent writer kept winning after ${attempt} attempts`,
          {
            cause: error,
          },
        );
      }
      // A little jitter so two retrying writers do not collide in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

/**
 * The `SET column = excluded.column` list of an upsert: every column of the inserted row except the
 * conflict key (and any other listed column to keep as it was, such as created_at).
 */
export function excludedSet<R extends Record<string, unknown>>(
  // Kysely's `ref` is typed per table; this helper serves every table, so it takes it loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ref: (reference: any) => any,
  row: R,
  keep: readonly (keyof R & string)[],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Record<string, any> {
  return Object.fromEntries(
    Object.keys(row)
      .filter((column) => !keep.includes(column))
      .map((column) => [column, ref(`excluded.${column}`)]),
  );
}
