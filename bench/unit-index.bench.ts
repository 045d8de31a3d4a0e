// What the unit register costs the intake per mail, with 1,000 units in a PGlite store (the embedded
// default). Before: every mail read every unit and built the matcher's index again
// (`units.list()` + `prepareUnits`); now: one read of the units version and the index kept per
// process (features/intake/unit-index.ts), rebuilt when a unit is written. Figures: CPU and wall
// time per mail for both paths over 1,000 mails, and for the new path with a unit renamed every
// 100 mails (a register import during a rush), with how often the index was built.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareUnits } from '../core/intake/index.js';
import type { Unit } from '../core/model.js';
import { toMatchable } from '../features/intake/protocol.js';
import { createUnitIndexCache } from '../features/intake/unit-index.js';
import { openStore, type Store } from '../store/index.js';

const UNITS = 1_000;
const MAILS = 1_000;
const RENAME_EVERY = 100;
const KINDS = ['Förskolan', 'Skolan', 'Äldreboendet', 'Hemtjänsten', 'Resursenheten'];
const WORDS = ['Solrosen', 'Kastanjen', 'Linden', 'Hamnen', 'Ekorren', 'Björken', 'Vitsippan'];

export default async function unitIndexBench(): Promise<Record<string, number | string>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kvalitet-unit-index-bench-'));
  const store = await openStore({ dataDir });
  try {
    for (let i = 0; i < UNITS; i++) await store.units.upsert(unit(i));

    const before = await perMail(async () => {
      const units = await store.units.list();
      prepareUnits(units.map(toMatchable));
    });
    const cache = createUnitIndexCache(store.units);
    await cache.current(); // the first mail after start builds it
    const after = await perMail(() => cache.current());
    const steadyBuilds = cache.builds;
    const withRenames = await perMail(async (i) => {
      if (i % RENAME_EVERY === 0) await rename(store, i);
      await cache.current();
    });
    return {
      units: UNITS,
      mails: MAILS,
      beforeCpuMsPerMail: before.cpuMs,
      beforeWallMsPerMail: before.wallMs,
      afterCpuMsPerMail: after.cpuMs,
      afterWallMsPerMail: after.wallMs,
      cpuRatioBeforeToAfter: round(before.cpuMs / after.cpuMs, 0),
      indexBuildsWithoutChanges: steadyBuilds,
      renameEveryMails: RENAME_EVERY,
      withRenamesCpuMsPerMail: withRenames.cpuMs,
      indexBuildsWithRenames: cache.builds - steadyBuilds,
    };
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function perMail(mail: (i: number) => Promise<unknown>) {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (let i = 0; i < MAILS; i++) await mail(i);
  const used = process.cpuUsage(cpu);
  return {
    cpuMs: round((used.user + used.system) / 1000 / MAILS, 3),
    wallMs: round((performance.now() - wall) / MAILS, 3),
  };
}

function unit(i: number, name?: string): Unit {
  return {
    id: `bench-unit-${i}`,
    name: name ?? `${KINDS[i % KINDS.length]} ${WORDS[i % WORDS.length]} ${i}`,
    classId: 'forskola',
    organisationId: 'sdf-bench',
    managerName: `Chef ${i}`,
    managerEmail: `chef${i}@stockholm.example`,
    ownership: 'municipal',
    staffCount: 10,
  };
}

async function rename(store: Store, i: number): Promise<void> {
  await store.units.upsert(unit(i % UNITS, `Förskolan Nya Namnet ${i}`));
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
