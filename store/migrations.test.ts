// Migrations move an older database forward and keep its data; run again they change nothing.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedMigration, latestMigration, migrateToLatest, migrations } from './migrations.js';
import { pglitePool } from './pglite-pool.js';

describe('migrations', () => {
  let engine: PGlite;
  let db: Kysely<unknown>;

  beforeAll(async () => {
    engine = await PGlite.create(); // in memory
    db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: pglitePool(engine) }) });
  });
  afterAll(async () => {
    await db.destroy();
    await engine.close();
  });

  it('brings a database of the first release to the latest schema, keeping its rows', async () => {
    const names = Object.keys(migrations).sort();
    expect(names.length).toBeGreaterThan(1);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const first = await migrator.migrateTo(names[0]!);
    expect(first.error).toBeUndefined();
    expect(await appliedMigration(db)).toBe(names[0]);
    await sql`insert into units (id, name, class_id, organisation_id, manager_email, data, updated_at)
              values ('u1', 'Ekorren', 'forskola', 'o', 'a@x', '{}', now())`.execute(db);

    expect(await migrateToLatest(db)).toEqual(names.slice(1));
    expect(await appliedMigration(db)).toBe(latestMigration);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from units`.execute(db);
    expect(rows[0]?.n).toBe(1);

    expect(await migrateToLatest(db)).toEqual([]);
  });
});
