// Nobody twice across a crash: a reminder's fan-out to 120 units is killed (SIGKILL) half way, the
// process starts again and finishes. Every manager ends with exactly one card, or the same content by
// mail; a delivery the crash interrupted while its post was in flight is recorded as uncertain and
// never posted again (at most one per delivery in flight).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newParticipation } from '../../core/participation.js';
import { startEmulator, type RunningEmulator } from '../../emulator/server.js';
import { buildDemoTenant } from '../../emulator/seed/tenant.js';
import { TEAMS_APP_ID } from '../../manifest/build.js';
import { openStore } from '../../store/index.js';
import { seedPgliteDataDir } from '../support/pglite-template.js';

const UNITS = 120;
const START = '2027-05-10T09:00:05+02:00';
let emu: RunningEmulator;
let dataDir: string;
let managers: { upn: string; id: string }[];
let input: string;

beforeAll(async () => {
  const tenant = await buildDemoTenant();
  managers = Array.from({ length: UNITS }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return { upn: `krasch${n}@${tenant.domain}`, id: `00000000-0000-4000-a000-00000000${n}` };
  });
  tenant.users.push(
    ...managers.map((m) => ({
      id: m.id,
      userPrincipalName: m.upn,
      mail: m.upn,
      displayName: m.upn,
    })),
  );
  emu = await startEmulator({ port: 0, tenant, teamsAppExternalId: TEAMS_APP_ID });
  // Some blocked the bot: their reminder goes by mail, once too.
  for (const m of managers.filter((_, i) => i % 25 === 3)) emu.teams.block(m.upn);
  dataDir = mkdtempSync(join(tmpdir(), 'kvalitet-crash-'));
  seedPgliteDataDir(dataDir); // a migrated copy: no initdb
  const store = await openStore({ dataDir, clock: () => new Date(START) });
  const org = tenant.extras.organisations[0]!;
  await store.organisations.upsert(org);
  for (const [i, m] of managers.entries()) {
    const unitId = `crash-unit-${i + 1}`;
    await store.units.upsert({
      id: unitId,
      name: `Enhet ${i + 1}`,
      classId: 'skola',
      organisationId: org.id,
      managerName: m.upn,
      managerEmail: m.upn,
      ownership: 'municipal',
    });
    await store.participations.applyTransition(
      unitId,
      2027,
      (c) =>
        c ??
        newParticipation(unitId, 2027, 'pre-registered', {
          at: '2027-03-10T10:00:00+01:00',
          actor: { id: 'test' },
          source: { kind: 'system', ref: unitId },
        }),
    );
  }
  await store.close();
  input = JSON.stringify({
    dataDir,
    emulatorUrl: emu.url,
    tenantId: tenant.tenantId,
    clientId: tenant.app.clientId,
    clientSecret: tenant.app.clientSecret,
    mailbox: `kvalitetsutmarkelsen@${tenant.domain}`,
    start: START,
    anchorMs: Date.now(),
    occurrenceId: '2027:submission-7d',
  });
}, 300_000);
afterAll(async () => {
  await emu?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function worker(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'test/reminders/crash-worker.ts', input], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
const cards = (upn: string) =>
  emu.teams.messages(upn).filter((a) => JSON.stringify(a).includes('reminder.done')).length;
const posted = () => managers.reduce((n, m) => n + cards(m.upn), 0);

describe('a crash in the middle of a fan-out', () => {
  it(
    'leaves nobody with two cards after the restart, and nobody without one',
    { timeout: 300_000 },
    async () => {
      const first = worker();
      const end = Date.now() + 180_000;
      while (posted() < UNITS / 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(posted()).toBeGreaterThanOrEqual(UNITS / 3);
      first.kill('SIGKILL');
      await exited(first);
      const before = posted();
      expect(before).toBeLessThan(UNITS);

      const second = worker();
      let stderr = '';
      second.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      expect(await exited(second), stderr).toBe(0);

      const store = await openStore({ dataDir, clock: () => new Date() });
      try {
        const records = await store.reminderDeliveries.listByPrefix('reminder:2027:submission-7d:');
        expect(records).toHaveLength(UNITS);
        let uncertain = 0;
        for (const [i, m] of managers.entries()) {
          const record = records.find((r) => r.reminderId.endsWith(`:crash-unit-${i + 1}`))!;
          expect(record.status).toBe('delivered');
          const n = cards(m.upn);
          expect(n, m.upn).toBeLessThanOrEqual(1);
          if (record.details?.uncertain) uncertain++;
          else if (record.channel === 'mail') expect(n).toBe(0);
          else expect(n, m.upn).toBe(1);
        }
        // Only deliveries whose post was in flight at the kill (8 at a time) can be uncertain.
        expect(uncertain).toBeLessThanOrEqual(8);
      } finally {
        await store.close();
      }
    },
  );
});
