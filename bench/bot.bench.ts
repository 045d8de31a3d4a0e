// The bot's status turns on 1,000 units (`npm run bench -- bot`): the real server in local mode with
// the status feature, activities posted to /api/messages with expectReplies as Teams' clients do,
// turn latency p50/p95 for "läget", a 200-unit list and a unit's detail, and the Graph requests
// per turn once the coordinator's roles are cached (counted by a proxy in front of the emulator).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UNIT_CLASS_IDS } from '../core/classes.js';
import type { Participation, ParticipationState, Unit } from '../core/model.js';
import { newParticipation, transition } from '../core/participation.js';
import { getUser } from '../graph/users.js';
import { loadConfig } from '../server/config.js';
import { createStatusFeature } from '../server/jobs/status.js';
import { createLogger } from '../server/logger.js';
import { startLocalEmulator } from '../server/services.js';
import { startServer } from '../server/start.js';

const UNITS = 1000;
const NOT_SUBMITTED = 200;
const TURNS = 60;
const YEAR = 2027;
const NOW = '2027-06-10T10:00:00+02:00';

/** Forwards to the emulator and counts Graph requests (not token requests). */
async function countingProxy(target: string) {
  const counter = { graph: 0 };
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/v1.0/')) counter.graph++;
    const upstream = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counter,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export default async function botBench(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kvalitet-bench-bot-'));
  const config = loadConfig(
    { PORT: '0', EMULATOR_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', AWARD_NOW: NOW },
    { envFile: false },
  );
  let proxy: Awaited<ReturnType<typeof countingProxy>> | undefined;
  const server = await startServer(config, {
    logger: createLogger('silent'),
    host: '127.0.0.1',
    features: [createStatusFeature()],
    startEmulator: async (options) => {
      const emulator = await startLocalEmulator(options);
      proxy = await countingProxy(emulator.url);
      return {
        url: proxy.url,
        close: async () => {
          await proxy!.close();
          await emulator.close();
        },
      };
    },
  });
  try {
    // 1,000 units in 14 boards and five classes; 200 have pre-registered and not submitted, the
    // rest submitted, some also in a protocol or judged.
    const store = server.store;
    for (let o = 0; o < 14; o++)
      await store.organisations.upsert({ id: `org-${o}`, name: `Nämnd ${o}`, kind: 'district' });
    const words = ['Ek', 'Björk', 'Lind', 'Asp', 'Al', 'Rönn', 'Gran', 'Tall', 'Lönn', 'Hassel'];
    const at = '2027-05-01T10:00:00+02:00';
    const seeding = performance.now();
    for (let i = 0; i < UNITS; i++) {
      const unit: Unit = {
        id: `unit-${i}`,
        name: `${words[i % 10]}${words[Math.floor(i / 10) % 10]!.toLowerCase()}ens enhet ${i}`,
        classId: UNIT_CLASS_IDS[i % 5]!,
        organisationId: `org-${i % 14}`,
        managerName: `Chef ${i}`,
        managerEmail: `chef.${i}@extern.example`,
        ownership: 'municipal',
        staffCount: 10 + (i % 30),
      };
      await store.units.upsert(unit);
      const states: ParticipationState[] =
        i < NOT_SUBMITTED
          ? ['pre-registered']
          : i % 3 === 0
            ? ['pre-registered', 'submitted', 'in-protocol', 'eligible']
            : ['pre-registered', 'submitted'];
      const input = (s: string) => ({
        at,
        actor: { id: 'system' },
        source: { kind: 'mail' as const, ref: `bench-${i}-${s}` },
      });
      await store.participations.applyTransition(unit.id, YEAR, (): Participation =>
        states
          .slice(1)
          .reduce(
            (p, s) => transition(p, s, input(s)),
            newParticipation(unit.id, YEAR, states[0]!, input(states[0]!)),
          ),
      );
      if (i >= NOT_SUBMITTED)
        await store.submissions.add({
          unitId: unit.id,
          year: YEAR,
          mailbox: config.m365.sharedMailbox,
          messageId: `AAMk-bench-${i}`,
          receivedAt: at,
          sentAt: at,
          characterCount: 60_000 + i * 30,
          answeredQuestions: Array.from({ length: 24 }, (_, q) => q + 1),
          late: i % 97 === 0,
          fileNames: ['bidrag.docx'],
          problems: i % 97 === 0 ? ['late'] : [],
        });
    }
    const seedSeconds = (performance.now() - seeding) / 1000;
    const coordinator = (await getUser(server.graph, 'maria.lindqvist@stockholm.example', ['id']))
      .id!;

    let n = 0;
    const turn = async (text: string, expect: string) => {
      const body = JSON.stringify({
        type: 'message',
        id: String(++n),
        text,
        locale: 'sv-SE',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        deliveryMode: 'expectReplies',
        from: { id: '29:maria', name: 'Maria Lindqvist', aadObjectId: coordinator },
        recipient: { id: '28:bot' },
        conversation: { id: 'a:maria', conversationType: 'personal' },
      });
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const answer = await res.text();
      const ms = performance.now() - t0;
      if (res.status !== 200 || !answer.includes(expect))
        throw new Error(`"${text}" answered ${res.status}: ${answer.slice(0, 300)}`);
      return ms;
    };
    const measure = async (text: string, expect: string) => {
      await turn(text, expect); // warm-up (roles resolved and cached on the first)
      const before = proxy!.counter.graph;
      const times: number[] = [];
      for (let i = 0; i < TURNS; i++) times.push(await turn(text, expect));
      times.sort((a, b) => a - b);
      const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
      return {
        p50: pct(0.5),
        p95: pct(0.95),
        graphPerTurn: (proxy!.counter.graph - before) / TURNS,
      };
    };

    const status = await measure('läget', 'Läget i Kvalitetsutmärkelsen');
    const list = await measure('vilka har inte skickat in?', `${NOT_SUBMITTED} enheter`);
    const detail = await measure('Lindeken enhet 502', 'Lindekens enhet 502');
    return {
      units: UNITS,
      'seed 1,000 units (s)': seedSeconds,
      'status turn p50 (ms)': status.p50,
      'status turn p95 (ms)': status.p95,
      '200-unit list turn p50 (ms)': list.p50,
      '200-unit list turn p95 (ms)': list.p95,
      'unit detail turn p50 (ms)': detail.p50,
      'unit detail turn p95 (ms)': detail.p95,
      'Graph requests per turn, roles cached': Math.max(
        status.graphPerTurn,
        list.graphPerTurn,
        detail.graphPerTurn,
      ),
      'turns measured per kind': TURNS,
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
