// Shared set-up of the outbox integration tests: one demo tenant built once per file, a scaled
// local Microsoft 365 per test, and small helpers to queue mail and wait for outcomes.
import { buildDemoTenant } from '../../emulator/seed/tenant.js';
import type { DemoTenant } from '../../emulator/seed/types.js';
import {
  MailPriority,
  enqueueMail,
  startOutboxWorker,
  type OutboxWorker,
  type OutboxWorkerOptions,
} from '../../features/outbox/index.js';
import type { Store } from '../../store/index.js';
import {
  startScaledM365,
  type ScaledM365,
  type ScaledM365Options,
} from '../../bench/support/scaled-m365.js';
import { seedPgliteDataDir } from '../support/pglite-template.js';

let tenant: Promise<DemoTenant> | undefined;

/**
 * Per-test timeout of the outbox tests. Most of a test is real work, not scaled time: a world takes
 * 10–15 s to start on the loaded 2-core machine (emulator, a PGlite copy opening) and 75 sends took
 * 60 s there, so a test may take several times what it takes on a quiet machine.
 */
export const OUTBOX_TEST_TIMEOUT = 240_000;

/** The demo tenant (4 s to build): once per test file. */
export function demoTenant(): Promise<DemoTenant> {
  tenant ??= buildDemoTenant();
  return tenant;
}

/** Deadline day, 21:00 in Stockholm: the evening rush. */
export const RUSH_START = new Date('2026-05-17T19:00:00Z');

export async function world(
  options: Partial<ScaledM365Options> = {},
): Promise<
  ScaledM365 & { workers: OutboxWorker[]; worker(o?: Partial<OutboxWorkerOptions>): OutboxWorker }
> {
  const m = await startScaledM365({
    factor: 60,
    start: RUSH_START,
    tenant: structuredClone(await demoTenant()),
    // A migrated copy instead of initdb: seconds of set-up per test (minutes on the ×60 clock).
    prepareDataDir: seedPgliteDataDir,
    ...options,
  });
  const workers: OutboxWorker[] = [];
  return {
    ...m,
    workers,
    worker(o = {}) {
      const w = startOutboxWorker({
        store: m.store,
        graph: m.graph,
        clock: m.clock,
        idleMs: 2_000,
        ...o,
      });
      workers.push(w);
      return w;
    },
    async close() {
      await Promise.allSettled(workers.map((w) => w.stop()));
      await m.close();
    },
  };
}

/** Queues `count` new mails to outside addresses; returns their keys in queue order. */
export async function queueSends(
  store: Store,
  mailbox: string,
  count: number,
  options: { prefix: string; priority?: number; to?: string[] } = { prefix: 'mail' },
): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const key = `${options.prefix}:${i}`;
    await enqueueMail(store, {
      key,
      priority: options.priority ?? MailPriority.answer,
      message: {
        kind: 'send',
        mailbox,
        to: (options.to ?? [`enhet-${i}@forskola.example`]).map((address) => ({ address })),
        subject: `Påminnelse ${i}`,
        html: `<p>Hej! Påminnelse nummer ${i}.</p>`,
      },
    });
    keys.push(key);
  }
  return keys;
}

/** Polls (real time) until `check` holds; fails with `what` after `timeoutMs`. */
export async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function duplicates(keys: string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
}
