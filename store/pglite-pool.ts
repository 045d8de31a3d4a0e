// PGlite behind the pool interface Kysely's PostgresDialect expects. PGlite is one connection: the pool
// hands out that one connection to one borrower at a time (a FIFO mutex), so a Kysely transaction
// holds it from BEGIN to COMMIT and nothing else interleaves. Everything else (transactions, savepoints,
// COMMIT-that-rolled-back detection) is Kysely's own PostgresDriver, the same code pg goes through.
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { StoreError } from './errors.js';

/** The part of PGlite we use (kept narrow so tests can drive the pool with a fake). */
export interface PgliteQueryable {
  query<T>(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: T[]; affectedRows?: number; rowCount?: number; command?: string }>;
}

export interface PglitePoolOptions {
  /**
   * How long a borrower waits for the connection before failing with StoreError 'busy'. Waiting that
   * long means a borrower holds it and waits for itself, e.g. a query on the store inside a
   * transaction that should have gone through the transaction; failing beats hanging forever.
   */
  acquireTimeoutMs?: number;
}

const DML = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

export function pglitePool(pg: PgliteQueryable, options: PglitePoolOptions = {}): PostgresPool {
  const acquireTimeoutMs = options.acquireTimeoutMs ?? 60_000;
  const mutex = new Mutex();
  let ended = false;

  const pool: PostgresPool = {
    async connect(): Promise<PostgresPoolClient> {
      if (ended) throw new StoreError('closed', 'the store is closed');
      await mutex.acquire(acquireTimeoutMs);
      if (ended) {
        mutex.release();
        throw new StoreError('closed', 'the store is closed');
      }
      let released = false;
      const client = {
        async query(
          sql: string,
          parameters: readonly unknown[],
        ): Promise<PostgresQueryResult<unknown>> {
          if (released) throw new Error('PGlite connection used after release');
          const result = await pg.query<unknown>(sql, [...parameters]);
          const command = (result.command ?? '').toUpperCase();
          const affected = result.affectedRows ?? result.rowCount ?? 0;
          return {
            command: command as PostgresQueryResult<unknown>['command'],
            rowCount: DML.has(command) ? affected : result.rows.length,
            rows: result.rows,
          };
        },
        release(): void {
          if (released) return;
          released = true;
          mutex.release();
        },
      };
      return client as unknown as PostgresPoolClient;
    },
    async end(): Promise<void> {
      ended = true;
      // Let the borrower in flight finish before the caller closes PGlite underneath it.
      await mutex.acquire(acquireTimeoutMs);
      mutex.release();
    },
  };
  return pool;
}

/** A FIFO lock; waiters give up with StoreError 'busy' after the timeout. */
class Mutex {
  #locked = false;
  readonly #waiters: Array<() => void> = [];

  acquire(timeoutMs: number): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(
          new StoreError(
            'busy',
            `the embedded database stayed busy for ${timeoutMs} ms (is a store call waiting inside a transaction that should go through the transaction?)`,
          ),
        );
      }, timeoutMs);
      timer.unref?.();
      this.#waiters.push(waiter);
    });
  }

  release(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#locked = false;
  }
}
