// The conformance suite on the embedded default, PGlite. One PGlite engine for the file, on a copy of
// a migrated template directory (starting PGlite costs about a second, initdb several): each test's
// "fresh" database is that engine with every table emptied, and each open() a Store over it that
// applies the migrations again, as openStore does. Opening a real data directory (first start,
// reopen, migrations a no-op) is tested on its own below.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, pgliteDir } from '../../store/index.js';
import { latestMigration, migrateToLatest } from '../../store/migrations.js';
import { pglitePool } from '../../store/pglite-pool.js';
import type { Database } from '../../store/schema.js';
import { createStore } from '../../store/store.js';
import { ensurePgliteTemplate } from '../support/pglite-template.js';
import { runConformance, type ConformanceTarget } from './conformance.js';
import { runVisitsConformance } from './visits-conformance.js';

let root: string;
let template: string;
let engine: PGlite;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'award-store-'));
  template = await ensurePgliteTemplate(); // migrated once per schema, copied here
  const shared = join(root, 'shared');
  await cp(pgliteDir(template), pgliteDir(shared), { recursive: true });
  engine = await PGlite.create(pgliteDir(shared));
});

afterAll(async () => {
  await engine?.close();
  await rm(root, { recursive: true, force: true });
});

/** Empties every table (the migrations' bookkeeping aside) and restarts identities, as a new database. */
async function emptyAll(): Promise<void> {
  const { rows } = await engine.query<{ name: string }>(
    `select quote_ident(table_name) as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`,
  );
  // A test that failed mid-way may have left session state (an advisory lock) behind.
  await engine.exec('select pg_advisory_unlock_all()');
  await engine.exec(`truncate ${rows.map((r) => r.name).join(', ')} restart identity cascade`);
}

const target: ConformanceTarget = {
  async fresh() {
    await emptyAll();
    return {
      async open(options = {}) {
        const db = new Kysely<Database>({
          dialect: new PostgresDialect({ pool: pglitePool(engine) }),
        });
        const store = createStore({
          kind: 'pglite',
          location: engine.dataDir ?? 'shared',
          db,
          now: options.clock ?? (() => new Date()),
          // The engine outlives each Store: closing one ends its pool, as openStore's would.
          onClose: async () => undefined,
        });
        await migrateToLatest(db);
        return store;
      },
    };
  },
};

runConformance('pglite', () => target, { sharedAccess: false });
runVisitsConformance('pglite', () => target);

describe('PGlite data directory', () => {
  it('is created on first start under the data dir', async () => {
    const dataDir = join(root, 'first-start', 'nested');
    const store = await openStore({ dataDir });
    try {
      expect(store.kind).toBe('pglite');
      expect(store.location).toBe(join(dataDir, 'pglite'));
      expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
      await store.units.upsert({
        id: 'u1',
        name: 'Ekorren',
        classId: 'forskola',
        organisationId: 'o',
        managerName: 'A',
        managerEmail: 'a@stockholm.example',
        ownership: 'municipal',
      });
    } finally {
      await store.close();
    }
    const again = await openStore({ dataDir });
    try {
      expect((await again.units.get('u1'))?.name).toBe('Ekorren');
      expect(await again.schemaVersion()).toBe(latestMigration);
    } finally {
      await again.close();
    }
    // initdb and every migration: 17 s on a loaded 2-core machine.
  }, 90_000);
});
