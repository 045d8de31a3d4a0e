// The conformance suite on the embedded default, PGlite. Each test gets a copy of one migrated
// template directory (creating a PGlite database runs initdb, which takes seconds).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, pgliteDir } from '../../store/index.js';
import { runConformance, type ConformanceTarget } from './conformance.js';
import { runVisitsConformance } from './visits-conformance.js';

let root: string;
let template: string;
let counter = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'award-store-'));
  template = join(root, 'template');
  const store = await openStore({ dataDir: template });
  await store.close();
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const target: ConformanceTarget = {
  async fresh() {
    const dataDir = join(root, `db-${++counter}`);
    await cp(pgliteDir(template), pgliteDir(dataDir), { recursive: true });
    return { open: (options = {}) => openStore({ dataDir, ...options }) };
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
    } finally {
      await again.close();
    }
  });
});
