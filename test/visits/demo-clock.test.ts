// The demo's 2026 participations follow the clock the local mode starts at: examined units are
// eligible (the coordinator's decision, awaiting assignment) while the jury has not met, and keep the
// jury's results from the jury's day on (the default clock, 6 December 2026, is at feedback visits).
// One PGlite store per clock, through the same import the local mode runs at start.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importDemoData } from '../../server/jobs/intake-demo-data.js';
import { openStore, type Store } from '../../store/index.js';
import { seedPgliteDataDir } from '../support/pglite-template.js';

const dirs: string[] = [];
const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function importedAt(now: string): Promise<Store> {
  const dataDir = await mkdtemp(join(tmpdir(), 'demo-clock-'));
  dirs.push(dataDir);
  seedPgliteDataDir(dataDir); // a migrated copy: no initdb
  const store = await openStore({ dataDir, clock: () => new Date(now) });
  stores.push(store);
  await importDemoData(store, new Date(now));
  return store;
}

const states = async (store: Store) =>
  (await store.participations.list({ year: 2026 })).reduce<Record<string, number>>((acc, p) => {
    acc[p.state] = (acc[p.state] ?? 0) + 1;
    return acc;
  }, {});

// Each test opens a store and imports the demo data: 10 s of the runner's 30 s under load.
describe('the demo data at the clock it starts at', { timeout: 120_000 }, () => {
  it('before the jury: the examined units are eligible by the coordinator, without jury results', async () => {
    const store = await importedAt('2026-08-24T09:00:00+02:00');
    const byState = await states(store);
    expect(byState['jury-decided']).toBeUndefined();
    expect(byState.eligible).toBeGreaterThanOrEqual(20);
    // The units the seed found not eligible, or that withdrew, stay so.
    expect(byState['not-eligible']).toBeGreaterThan(0);
    expect(byState.withdrawn).toBeGreaterThan(0);
    for (const p of await store.participations.list({ year: 2026, state: 'eligible' })) {
      expect(p.juryResult).toBeUndefined();
      const decision = p.history.at(-1)!;
      expect(decision).toMatchObject({ from: 'in-protocol', to: 'eligible' });
      expect(decision.actor.name).toBe('Maria Lindqvist');
      expect(decision.at < '2026-08-24').toBe(true);
    }
    // Last year's cycle is over: its results stay.
    expect(
      (await store.participations.list({ year: 2025 })).every(
        (p) => p.state === 'feedback-visit-held',
      ),
    ).toBe(true);
  });

  it('from the jury’s day on (the default clock): the jury’s results as the seed has them', async () => {
    const store = await importedAt('2026-12-06T10:00:00+01:00');
    const byState = await states(store);
    expect(byState.eligible).toBeUndefined();
    expect(byState['jury-decided']).toBeGreaterThanOrEqual(20);
    const winners = (await store.participations.list({ year: 2026, state: 'jury-decided' })).filter(
      (p) => p.juryResult === 'winner',
    );
    expect(winners.length).toBeGreaterThan(0);
  });
});
