// Migrations move an older database forward and keep its data; run again they change nothing.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedMigration, latestMigration, migrateToLatest, migrations } from './migrations.js';
import { pglitePool } from './pglite-pool.js';
import type { Database } from './schema.js';
import { reminderSnoozesRepo } from './snoozes.js';

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

describe('0006_reminder_snoozes', () => {
  it('carries the snoozes of the old settings value into their table (latest per person and reminder), then drops the value', async () => {
    const engine = await PGlite.create();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(engine) }) });
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('0005_outbox_bounce')).error).toBeUndefined();
      const old = [
        {
          occurrenceId: '2027:submission-7d',
          unitId: 'u1',
          objectId: 'anna',
          dueAt: '2027-05-11T09:00:00+02:00',
        },
        {
          occurrenceId: '2027:submission-7d',
          unitId: 'u2',
          objectId: 'bo',
          dueAt: '2027-05-11T09:00:00+02:00',
        },
        {
          occurrenceId: '2027:submission-7d',
          unitId: 'u2',
          objectId: 'bo',
          dueAt: '2027-05-12T09:00:00+02:00',
        },
        { occurrenceId: '2027:submission-7d', unitId: 'u3' }, // not a snooze: left behind
        'garbage',
      ];
      await sql`insert into settings (key, value, updated_at)
                values ('reminders:snoozes', ${JSON.stringify(old)}::jsonb, now()),
                       ('reminders:run:2027:submission-7d', '{"status":"done"}'::jsonb, now())`.execute(
        db,
      );

      await migrateToLatest(db);

      const snoozes = reminderSnoozesRepo({ db, now: () => new Date('2027-05-10T12:00:00Z') });
      // Not due before its time; due at it, for the same person, unit and reminder.
      expect(await snoozes.due('2027-05-11T06:59:59Z')).toEqual([]);
      expect(await snoozes.due('2027-05-11T07:00:00Z')).toEqual([
        {
          occurrenceId: '2027:submission-7d',
          unitId: 'u1',
          objectId: 'anna',
          dueAt: '2027-05-11T07:00:00.000Z',
        },
      ]);
      expect(
        await snoozes.get({ occurrenceId: '2027:submission-7d', unitId: 'u2', objectId: 'bo' }),
      ).toMatchObject({ dueAt: '2027-05-12T07:00:00.000Z' });
      expect(await snoozes.due('2030-01-01T00:00:00Z')).toHaveLength(2);
      const { rows } = await sql<{ key: string }>`select key from settings order by key`.execute(
        db,
      );
      expect(rows.map((r) => r.key)).toEqual(['reminders:run:2027:submission-7d']);
    } finally {
      await db.destroy();
      await engine.close();
    }
  });
});
