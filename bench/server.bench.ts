// The host process in local mode: how long until /healthz answers (emulator, storage and app
// starting), and how many "hjälp" activities per second the bot answers with expectReplies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { startServer } from '../server/start.js';

const REQUESTS = 1000;
const CONCURRENCY = 8;

export default async function serverBench(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kvalitet-bench-'));
  const started = performance.now();
  const config = loadConfig(
    { PORT: '0', EMULATOR_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    { envFile: false },
  );
  const server = await startServer(config, { logger: createLogger('silent'), host: '127.0.0.1' });
  try {
    while ((await fetch(`${server.url}/healthz`)).status !== 200)
      await new Promise((r) => setTimeout(r, 10));
    const startupMs = performance.now() - started;

    const activity = (i: number) =>
      JSON.stringify({
        type: 'message',
        id: String(i),
        text: 'hjälp',
        locale: 'sv-SE',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        deliveryMode: 'expectReplies',
        from: {
          id: `29:user-${i % 50}`,
          aadObjectId: `00000000-0000-4000-8000-${String(i % 50).padStart(12, '0')}`,
        },
        recipient: { id: '28:bot' },
        conversation: { id: `a:conversation-${i % 50}`, conversationType: 'personal' },
      });
    const post = async (i: number) => {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: activity(i),
      });
      const body = await res.text();
      if (res.status !== 200 || !body.includes('adaptive'))
        throw new Error(`bad answer ${res.status}`);
      return performance.now() - t0;
    };

    for (let i = 0; i < 50; i++) await post(i); // warm-up
    const latencies: number[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) latencies.push(await post(next++));
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
    return {
      'start-up to /healthz 200 (ms)': startupMs,
      'help card via expectReplies (req/s)': REQUESTS / seconds,
      'latency p50 (ms)': pct(50),
      'latency p95 (ms)': pct(95),
      'latency p99 (ms)': pct(99),
      [`requests (concurrency ${CONCURRENCY})`]: REQUESTS,
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
