// The PGlite pool adapter: one borrower at a time in arrival order, a stuck borrower reported as
// 'busy' instead of hanging, no use after end, and pg-shaped results for Kysely.
import { describe, expect, it } from 'vitest';
import { isStoreError } from './errors.js';
import { pglitePool, type PgliteQueryable } from './pglite-pool.js';

function fakePglite(log: string[] = []): PgliteQueryable {
  return {
    async query<T>(sql: string) {
      log.push(sql);
      if (sql.startsWith('update')) return { rows: [] as T[], affectedRows: 3, command: 'UPDATE' };
      return { rows: [{ n: 1 }, { n: 2 }] as T[], affectedRows: 0, command: 'SELECT' };
    },
  };
}

describe('pglitePool', () => {
  it('lends the one connection to one borrower at a time, in arrival order', async () => {
    const log: string[] = [];
    const pool = pglitePool(fakePglite(log));
    const first = await pool.connect();
    const order: string[] = [];
    const second = pool.connect().then((c) => {
      order.push('second');
      return c;
    });
    const third = pool.connect().then((c) => {
      order.push('third');
      return c;
    });
    await first.query('begin', []);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([]);
    first.release();
    const c2 = await second;
    expect(order).toEqual(['second']);
    first.release(); // a second release of the same lease must not let a third borrower in
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['second']);
    c2.release();
    (await third).release();
    expect(order).toEqual(['second', 'third']);
  });

  it('answers like pg: command, affected rows for writes, rows for reads', async () => {
    const pool = pglitePool(fakePglite());
    const client = await pool.connect();
    expect(await client.query('update t set x = 1', [])).toEqual({
      command: 'UPDATE',
      rowCount: 3,
      rows: [],
    });
    expect(await client.query('select n', [])).toMatchObject({ command: 'SELECT', rowCount: 2 });
    client.release();
    await expect(client.query('select n', [])).rejects.toThrow(/after release/);
  });

  it('fails a borrower that waits too long with busy instead of hanging', async () => {
    const pool = pglitePool(fakePglite(), { acquireTimeoutMs: 20 });
    const holder = await pool.connect();
    await expect(pool.connect()).rejects.toSatisfy((e) => isStoreError(e, 'busy'));
    holder.release();
    (await pool.connect()).release();
  });

  it('refuses new borrowers after end, and lets the one in flight finish first', async () => {
    const pool = pglitePool(fakePglite());
    const holder = await pool.connect();
    let ended = false;
    const ending = pool.end().then(() => {
      ended = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ended).toBe(false);
    holder.release();
    await ending;
    await expect(pool.connect()).rejects.toSatisfy((e) => isStoreError(e, 'closed'));
  });
});
