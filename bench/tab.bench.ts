// The tab with 1,000 units in storage: the JavaScript the first view loads (gzipped), first render
// to an interactive unit table in headless Chromium (a coordinator's deep link, signed in), and the
// latency of the unit-table API the table reads (all rows of the year in one answer; p50/p95 over
// sequential requests).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Unit, UnitClassId } from '../core/model.js';
import { buildTab } from '../scripts/tab-build.mjs';
import { loadConfig } from '../server/config.js';
import { tabFeature } from '../server/jobs/tab.js';
import { createLogger } from '../server/logger.js';
import { startServer } from '../server/start.js';
import { launchChromium } from '../test/support/chromium.js';
import { DEMO_COORDINATOR, tabToken } from '../test/support/tab-token.js';

const UNITS = 1000;
const YEAR = 2027;
const API_REQUESTS = 200;
const RENDERS = 5;
const CLASSES: UnitClassId[] = ['forskola', 'skola', 'aldreomsorg', 'socialtjanst', 'andra'];
const STATES = ['pre-registered', 'submitted', 'in-protocol', 'eligible', 'withdrawn'] as const;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

export default async function tabBench(): Promise<Record<string, number>> {
  await buildTab();
  const dataDir = mkdtempSync(join(tmpdir(), 'kvalitet-bench-tab-'));
  const config = loadConfig(
    {
      PORT: '0',
      EMULATOR_PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      AWARD_NOW: '2027-04-01T10:00:00+02:00',
    },
    { envFile: false },
  );
  const server = await startServer(config, {
    logger: createLogger('silent'),
    host: '127.0.0.1',
    features: [tabFeature()],
  });
  const browser = await launchChromium();
  try {
    // 1,000 units across 20 boards, each taking part in the cycle in some state.
    for (let b = 0; b < 20; b++)
      await server.store.organisations.upsert({
        id: `org-${b}`,
        name: `Nämnd ${b + 1}`,
        kind: 'district',
      } as never);
    for (let i = 0; i < UNITS; i++) {
      const unit: Unit = {
        id: `bench-unit-${i}`,
        name: `Enhet ${String(i).padStart(4, '0')} ${['Solen', 'Månen', 'Eken', 'Björken'][i % 4]}`,
        classId: CLASSES[i % CLASSES.length]!,
        organisationId: `org-${i % 20}`,
        managerName: `Chef ${i}`,
        managerEmail: `chef${i}@bench.example`,
        ownership: 'municipal',
        staffCount: 5 + (i % 40),
      } as Unit;
      await server.store.units.upsert(unit);
      await server.store.participations.applyTransition(
        unit.id,
        YEAR,
        () => ({
          unitId: unit.id,
          year: YEAR,
          state: STATES[i % STATES.length]!,
          history: [
            {
              from: null,
              to: STATES[i % STATES.length]!,
              at: '2027-03-01T09:00:00+01:00',
              actor: { id: 'bench' },
              source: { kind: 'system', ref: `bench-${i}` },
            },
          ],
        }),
        { idempotencyKey: `bench:${i}` },
      );
    }
    const token = await tabToken(server.emulatorUrl!, DEMO_COORDINATOR);
    const auth = { authorization: `Bearer ${token}` };

    // The unit-table API, as the table reads it: every row of the year at once.
    const unitsUrl = `${server.url}/api/tab/units?year=${YEAR}&all=true`;
    for (let i = 0; i < 10; i++) await (await fetch(unitsUrl, { headers: auth })).json();
    const latencies: number[] = [];
    for (let i = 0; i < API_REQUESTS; i++) {
      const t0 = performance.now();
      const res = await fetch(unitsUrl, { headers: auth });
      const body = (await res.json()) as { total: number; items: unknown[] };
      if (body.total !== UNITS || body.items.length !== UNITS)
        throw new Error(`expected ${UNITS} units, got ${body.total}`);
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);

    // JavaScript the first view loads: the entry script and what it preloads (teams-js loads only in a host).
    const page = await (await fetch(`${server.url}/tab/`)).text();
    const scripts = [...page.matchAll(/(?:src|href)="(\/tab\/assets\/[^"]+\.js)"/g)].map(
      (m) => m[1]!,
    );
    let jsGzipBytes = 0;
    for (const src of new Set(scripts))
      jsGzipBytes += gzipSync(
        Buffer.from(await (await fetch(`${server.url}${src}`)).arrayBuffer()),
      ).length;

    // First render to an interactive unit table: navigation start until the rows' unit links exist
    // and the last page of rows has arrived (the count reads "1000 av 1000").
    const renders: number[] = [];
    const firstRows: number[] = [];
    for (let i = 0; i < RENDERS; i++) {
      const context = await browser.newContext({ locale: 'sv-SE' });
      await context.addInitScript((t) => sessionStorage.setItem('kvalitet.localToken', t), token);
      const tab = await context.newPage();
      await tab.goto(`${server.url}/tab/?view=units&year=${YEAR}`);
      await tab.getByTestId('unit-table').getByRole('button').first().waitFor({ timeout: 60_000 });
      firstRows.push(await tab.evaluate(() => performance.now()));
      await tab.getByText(`${UNITS} av ${UNITS}`).waitFor({ timeout: 60_000 });
      renders.push(await tab.evaluate(() => performance.now()));
      await context.close();
    }
    renders.sort((a, b) => a - b);
    firstRows.sort((a, b) => a - b);

    return {
      units: UNITS,
      'first view JS gzipped (KB)': jsGzipBytes / 1024,
      'first rows clickable, median (ms)': pct(firstRows, 0.5),
      'first render to interactive table, all rows, median (ms)': pct(renders, 0.5),
      'first render to interactive table, all rows, worst (ms)': renders.at(-1)!,
      'load average (1 min) while measuring': Number(loadavg()[0]!.toFixed(1)),
      'unit-table API p50 (ms)': pct(latencies, 0.5),
      'unit-table API p95 (ms)': pct(latencies, 0.95),
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
