// One reminder to 1,000 units through the path production takes (features/reminders → delivery →
// Graph install + Bot Connector), against the emulator's Teams with its limits (7/1 s per chat, 50/s
// per app) and 5 % random 429s, 2 % of the managers having blocked the bot. Figures: total time
// against the ceiling of 1,000 ÷ 50 s (Teams' per-app rate), duplicates and lost deliveries (both must
// be 0), the share that went by mail, and the 429s met.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnectorClient } from '../bot/connector-client.js';
import { newParticipation } from '../core/participation.js';
import { SAMPLE_CYCLE } from '../core/sample-cycle.js';
import { startEmulator } from '../emulator/server.js';
import { buildDemoTenant } from '../emulator/seed/tenant.js';
import { createDelivery } from '../features/delivery/index.js';
import { createReminders } from '../features/reminders/index.js';
import type { RoleResolver } from '../features/roles/types.js';
import { createGraphClient, createTokenProvider } from '../graph/index.js';
import { TEAMS_APP_ID } from '../manifest/build.js';
import { openStore } from '../store/index.js';

const UNITS = 1_000;
const THROTTLE = 0.05;
const BLOCKED = 0.02;

export default async function remindersBench(): Promise<Record<string, number | string>> {
  const now = new Date('2027-05-10T09:00:05+02:00');
  const tenant = await buildDemoTenant();
  const managers = Array.from({ length: UNITS }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return {
      id: `00000000-0000-4000-9000-00000000${n}`,
      userPrincipalName: `chef${n}@${tenant.domain}`,
      mail: `chef${n}@${tenant.domain}`,
      displayName: `Chef ${n}`,
      preferredLanguage: i % 10 === 0 ? 'en-GB' : 'sv-SE',
    };
  });
  tenant.users.push(...managers);
  const emu = await startEmulator({
    port: 0,
    tenant,
    now: () => now,
    teamsAppExternalId: TEAMS_APP_ID,
    faults: {
      throttle: { ratio: THROTTLE, pathContains: '/smba/', retryAfterSeconds: 1 },
      seed: 7,
    },
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'kvalitet-reminders-bench-'));
  const store = await openStore({ dataDir, clock: () => now });
  try {
    for (const o of tenant.extras.organisations) await store.organisations.upsert(o);
    const org = tenant.extras.organisations[0]!.id;
    for (const [i, m] of managers.entries()) {
      const unitId = `bench-unit-${i + 1}`;
      await store.units.upsert({
        id: unitId,
        name: `Enhet ${i + 1}`,
        classId: 'forskola',
        organisationId: org,
        managerName: m.displayName,
        managerEmail: m.mail,
        ownership: 'municipal',
      });
      await store.participations.applyTransition(
        unitId,
        2027,
        (c) =>
          c ??
          newParticipation(unitId, 2027, 'pre-registered', {
            at: '2027-03-10T10:00:00+01:00',
            actor: { id: 'bench' },
            source: { kind: 'system', ref: `bench:${unitId}` },
          }),
      );
    }
    const blocked = managers.filter((_, i) => i % Math.round(1 / BLOCKED) === 7);
    for (const m of blocked) emu.teams.block(m.userPrincipalName);

    const graph = createGraphClient({
      baseUrl: emu.graphUrl,
      tokenProvider: createTokenProvider({
        tenantId: tenant.tenantId,
        clientId: tenant.app.clientId,
        clientSecret: tenant.app.clientSecret,
        localTokenEndpoint: emu.url,
      }),
    });
    const delivery = createDelivery({
      store,
      graph,
      connector: createConnectorClient(),
      serviceUrl: `${emu.url}/smba/`,
      tenantId: tenant.tenantId,
      mailbox: `kvalitetsutmarkelsen@${tenant.domain}`,
      teamsAppExternalId: TEAMS_APP_ID,
    });
    const roles: RoleResolver = { resolve: async () => undefined, invalidate: () => undefined };
    const reminders = createReminders({
      store,
      delivery,
      cycles: [SAMPLE_CYCLE],
      now: () => now,
      mailbox: `kvalitetsutmarkelsen@${tenant.domain}`,
      roles,
    });

    const started = performance.now();
    const cpu = process.cpuUsage();
    const summary = await reminders.runDue();
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    // This one process also runs the emulator and PGlite: on a busy machine the wall time mostly
    // measures waiting for a core, so the CPU time it used is printed beside it.
    const cpuSeconds = (used.user + used.system) / 1e6;

    const results = summary.occurrences.flatMap((o) => o.results);
    let duplicates = 0;
    let inTeams = 0;
    for (const m of managers) {
      const cards = emu.teams
        .messages(m.userPrincipalName)
        .filter((a) => JSON.stringify(a).includes('reminder.done'));
      if (cards.length > 1) duplicates += cards.length - 1;
      inTeams += cards.length ? 1 : 0;
    }
    const outbox = await store.outbox.counts();
    const byMail = results.filter((r) => r.outcome === 'mail').length;
    const lost = UNITS - inTeams - byMail;
    const ceiling = UNITS / 50;
    return {
      occurrences: summary.occurrences.map((o) => o.id).join(' '),
      units: results.length,
      'total time (s)': seconds,
      'ceiling 1,000 ÷ 50/s (s)': ceiling,
      'time ÷ ceiling (target ≤ 1.3)': seconds / ceiling,
      'CPU time of app + emulator + PGlite (s)': cpuSeconds,
      'load average (1 min) at the end': (await import('node:os')).loadavg()[0]!,
      'delivered in Teams': inTeams,
      'by mail (blocked)': byMail,
      'share by mail (%)': (100 * byMail) / UNITS,
      duplicates,
      lost,
      'failed outcomes': results.filter((r) => r.outcome === 'failed').length,
      '429s from Teams': emu.teams.stats().throttled,
      'outbox queued': JSON.stringify(outbox),
    };
  } finally {
    await store.close().catch(() => undefined);
    await emu.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
}
