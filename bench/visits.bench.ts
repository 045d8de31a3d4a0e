// `npm run bench -- visits`: a planning round of site visits at city scale, as production runs it
// (features/visits planRound's path): 300 units, 60 examiners in 20 teams of 3, a 6-week window,
// every calendar seeded in the emulator as dense as the demo tenant's (meetings, tentative holds,
// private and all-day absences).
// Figures: getSchedule calls against the minimum (ceil(people ÷ 20) per window), CPU time of slot
// finding for all units (target < 2 s), the share of units with at least 3 proposals, and the
// examiners' load spread (max − min visits, taking each unit's first proposal as booked).
import type * as MG from '@microsoft/microsoft-graph-types';
import { DateTime } from 'luxon';
import { startEmulator } from '../emulator/server.js';
import { buildDemoTenant } from '../emulator/seed/tenant.js';
import { proposeAssignments } from '../core/visits/index.js';
import { planProposals, type PlanTeam } from '../features/visits/plan.js';
import { fetchSchedules } from '../features/visits/schedule.js';
import { createGraphClient, createTokenProvider } from '../graph/index.js';

const UNITS = 300;
const EXAMINERS = 60;
const TEAM_SIZE = 3;
const WINDOW = { from: '2026-09-07', to: '2026-10-16' };
const NOW = '2026-08-24T09:00:00+02:00';
const ZONE = 'Europe/Stockholm';
const ORGS = Array.from({ length: 14 }, (_, i) => `org-${i}`);

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function calendar(address: string, seed: number, perDay: number[]): MG.Event[] {
  const r = random(seed);
  const events: MG.Event[] = [];
  const at = (d: DateTime) => ({
    dateTime: d.toFormat("yyyy-MM-dd'T'HH:mm:ss"),
    timeZone: 'W. Europe Standard Time',
  });
  const from = DateTime.fromISO('2026-09-01', { zone: ZONE });
  for (let day = from; day.toISODate()! <= '2026-10-23'; day = day.plus({ days: 1 })) {
    if (day.weekday > 5) continue;
    if (r() < 0.02) {
      events.push({
        subject: 'Ledig',
        isAllDay: true,
        showAs: 'oof',
        sensitivity: 'private',
        start: at(day),
        end: at(day.plus({ days: 1 })),
      });
      continue;
    }
    const n = perDay[Math.floor(r() * perDay.length)]!;
    for (let i = 0; i < n; i++) {
      const start = day.set({ hour: 8 + Math.floor(r() * 8), minute: r() < 0.5 ? 0 : 30 });
      const minutes = [30, 60, 60, 90, 120][Math.floor(r() * 5)]!;
      events.push({
        subject: `Möte ${i}`,
        showAs: r() < 0.1 ? 'tentative' : 'busy',
        sensitivity: r() < 0.1 ? 'private' : 'normal',
        start: at(start),
        end: at(start.plus({ minutes })),
      });
    }
  }
  return events.map((e, i) => ({ ...e, id: `${address}-${i}` }));
}

export default async function visitsBench(): Promise<Record<string, number | string>> {
  const tenant = await buildDemoTenant();
  const domain = tenant.domain;
  const examiners = Array.from({ length: EXAMINERS }, (_, i) => ({
    address: `bench.examinator${i}@${domain}`,
    organisationId: ORGS[i % ORGS.length]!,
  }));
  const units = Array.from({ length: UNITS }, (_, i) => ({
    id: `bench-unit-${i}`,
    organisationId: ORGS[(i * 7) % ORGS.length]!,
    managerEmail: `bench.chef${i}@${domain}`,
    managerName: `Chef ${i}`,
  }));
  const people = [...examiners.map((e) => e.address), ...units.map((u) => u.managerEmail)];
  people.forEach((address, i) => {
    tenant.users.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      displayName: address,
      mail: address,
      userPrincipalName: address,
      accountEnabled: true,
    });
    tenant.mailboxes[address] = {
      messages: [],
      events: calendar(address, i + 1, i < EXAMINERS ? [0, 1, 1, 2, 2, 3] : [0, 0, 1, 1, 2]),
    };
  });
  tenant.app.calendarScope.push(...people);

  const emu = await startEmulator({
    port: 0,
    tenant,
    now: () => new Date(NOW),
    faults: { latencyMs: 0 },
  });
  try {
    const tokens = createTokenProvider({
      tenantId: tenant.tenantId,
      clientId: tenant.app.clientId,
      clientSecret: tenant.app.clientSecret,
      localTokenEndpoint: emu.url,
    });
    const graph = createGraphClient({
      baseUrl: emu.graphUrl,
      tokenProvider: () => tokens.getAppToken(),
      retry: { maxRetries: 0 },
    });
    await tokens.getAppToken();

    const teams: PlanTeam[] = Array.from({ length: EXAMINERS / TEAM_SIZE }, (_, t) => ({
      id: `team-${t}`,
      members: examiners.slice(t * TEAM_SIZE, (t + 1) * TEAM_SIZE),
    }));
    const { assignments, unassignable } = proposeAssignments({
      units,
      teams: teams as never,
      conflicts: [],
    });
    const teamOf = new Map(
      assignments.map((a) => [a.unitId, teams.find((t) => t.id === a.teamId)!]),
    );

    const before = graph.stats().requests;
    const startedFetch = performance.now();
    const from = DateTime.fromISO(WINDOW.from, { zone: ZONE }).toISO()!;
    const to = DateTime.fromISO(WINDOW.to, { zone: ZONE }).plus({ days: 1 }).toISO()!;
    const schedules = await fetchSchedules(graph, {
      asUser: `kvalitetsutmarkelsen@${domain}`,
      addresses: people,
      from,
      to,
    });
    const fetchMs = performance.now() - startedFetch;
    const calls = graph.stats().requests - before;
    const minimum = Math.ceil(people.length / 20);

    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    const answers = planProposals({
      units: units
        .filter((u) => teamOf.has(u.id))
        .map((unit) => ({ unit, team: teamOf.get(unit.id)! })),
      schedules,
      booked: [],
      now: NOW,
      window: WINDOW,
      kind: 'site',
      mode: 'on-site',
    });
    const cpu = process.cpuUsage(cpu0);
    const wallMs = performance.now() - wall0;

    const counts = [...answers.values()].map((a) => a.slots.length);
    const withThree = counts.filter((c) => c >= 3).length;
    const load = new Map(examiners.map((e) => [e.address, 0]));
    for (const [unitId, answer] of answers) {
      if (!answer.slots[0]) continue;
      for (const m of teamOf.get(unitId)!.members) load.set(m.address, load.get(m.address)! + 1);
    }
    const loads = [...load.values()];
    return {
      people: people.length,
      'getSchedule calls': calls,
      'getSchedule minimum (ceil(people/20) × 1 window)': minimum,
      'getSchedule round (ms)': fetchMs,
      'slot finding CPU, all units (ms)': (cpu.user + cpu.system) / 1000,
      'slot finding wall, all units (ms)': wallMs,
      'units planned': answers.size,
      'units unassignable': unassignable.length,
      'share with ≥ 3 proposals': withThree / answers.size,
      'units with no proposal': counts.filter((c) => c === 0).length,
      'examiner load min': Math.min(...loads),
      'examiner load max': Math.max(...loads),
      'examiner load spread (max − min)': Math.max(...loads) - Math.min(...loads),
    };
  } finally {
    await emu.close();
  }
}
