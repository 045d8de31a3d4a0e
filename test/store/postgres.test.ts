// The conformance suite on a real PostgreSQL server: a private cluster started for this file (Debian's
// postgresql package; the file fails, not skips, when it is missing), a new database per test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnitIndexCache } from '../../features/intake/unit-index.js';
import { isStoreError, openStore } from '../../store/index.js';
import { startPostgres, type PostgresCluster } from '../support/postgres.js';
import { runConformance, type ConformanceTarget } from './conformance.js';
import { runVisitsConformance } from './visits-conformance.js';

let cluster: PostgresCluster;

beforeAll(async () => {
  cluster = await startPostgres();
});

afterAll(async () => {
  await cluster?.stop();
});

const target: ConformanceTarget = {
  async fresh() {
    const databaseUrl = await cluster.createDatabase();
    return {
      open: (options = {}) =>
        openStore({ databaseUrl, dataDir: '/nonexistent-unused', ...options }),
    };
  },
};

runConformance('postgres', () => target, { sharedAccess: true });
runVisitsConformance('postgres', () => target);

describe('the intake unit index with the worker and the web server as two processes', () => {
  it('reloads the units another instance wrote, and only then', async () => {
    // Production may run the intake worker apart from the web server that imports and renames units:
    // each has its own store on one database, and the worker's cached index must follow the other's writes.
    const database = await target.fresh();
    const [worker, web] = await Promise.all([database.open(), database.open()]);
    try {
      const unit = {
        id: 'u-vitsippan',
        name: 'Förskolan Vitsippan',
        classId: 'forskola' as const,
        organisationId: 'sdn-norr',
        managerName: 'Vera Vit',
        managerEmail: 'vera.vit@stockholm.example',
        ownership: 'municipal' as const,
        staffCount: 9,
      };
      await web.units.upsert(unit);
      const index = createUnitIndexCache(worker.units);
      expect((await index.current()).units.map((u) => u.name)).toEqual(['Förskolan Vitsippan']);
      await index.current();
      expect(index.builds).toBe(1);
      await web.units.upsert({ ...unit, name: 'Förskolan Blåsippan' });
      const after = await index.current();
      expect(after.prepared.map((p) => p.unit.name)).toEqual(['Förskolan Blåsippan']);
      expect(index.builds).toBe(2);
    } finally {
      await Promise.all([worker.close(), web.close()]);
    }
  });
});

describe('a PostgreSQL server that refuses us', () => {
  it('is reported as rejected, naming the host', async () => {
    const error = await openStore({
      databaseUrl: `postgres://postgres:pw@${cluster.host}:${cluster.port}/no_such_database`,
      dataDir: '/nonexistent-unused',
    }).catch((e: unknown) => e);
    expect(isStoreError(error, 'rejected')).toBe(true);
    expect((error as Error).message).toContain(`${cluster.host}:${cluster.port}`);
    expect((error as Error).message).not.toContain(':pw@');
  });
});

describe('the test cluster without PostgreSQL installed', () => {
  it('fails with instructions instead of skipping', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'award-no-pg-'));
    try {
      await expect(startPostgres({ installRoot: empty })).rejects.toThrow(
        /PostgreSQL server binaries not found.*apt-get install -y postgresql/,
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
