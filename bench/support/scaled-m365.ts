// A local Microsoft 365 on a scaled clock, for the outbox tests and the intake benchmark: the
// emulator, a PGlite store and the outbox all read one clock that runs `factor` times faster than
// real time (and can jump ahead), so Exchange's per-minute and per-day sending limits are measured on
// the same time line as the sender that paces itself under them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type FaultConfig, type RunningEmulator } from '../../emulator/server.js';
import { buildDemoTenant } from '../../emulator/seed/tenant.js';
import type { DemoTenant } from '../../emulator/seed/types.js';
import type { OutboxClock } from '../../features/outbox/index.js';
import {
  createGraphApi,
  createGraphClient,
  createTokenProvider,
  type GraphApi,
  type RetryOptions,
} from '../../graph/index.js';
import { openStore, type Store } from '../../store/index.js';

/**
 * A clock `factor` times faster than real time from `start`, which tests may move ahead and
 * benchmarks may speed up once only waiting is left (real time while the pipeline works, then a
 * minute per second while the outbox waits out the sending limit).
 */
export class ScaledClock implements OutboxClock {
  private realBase = performance.now();
  private base: number;

  constructor(
    private speed: number,
    start: Date,
  ) {
    this.base = start.getTime();
  }

  get factor(): number {
    return this.speed;
  }

  now(): Date {
    return new Date(this.base + (performance.now() - this.realBase) * this.speed);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms / this.speed);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Jumps ahead (sleepers wake on their own schedule: wake workers after a jump). */
  advance(ms: number): void {
    this.base += ms;
  }

  /** Runs `factor` times real time from now on (time stays continuous; wake sleepers after). */
  setFactor(factor: number): void {
    const now = this.now().getTime();
    this.realBase = performance.now();
    this.base = now;
    this.speed = factor;
  }
}

export interface ScaledM365 {
  clock: ScaledClock;
  tenant: DemoTenant;
  emu: RunningEmulator;
  store: Store;
  /** Graph through graph/, as the app uses it, with the retry options asked for. */
  graph: GraphApi;
  shared: string;
  /** The PGlite directory (one store per directory: workers share `store`). */
  dataDir: string;
  close(): Promise<void>;
}

export interface ScaledM365Options {
  factor: number;
  start: Date;
  faults?: FaultConfig;
  tenant?: DemoTenant;
  /** Graph client retries (default: none, the caller handles 429 itself). */
  retry?: RetryOptions;
  maxConcurrencyPerMailbox?: number;
  /** Called with the new, empty data directory before the store opens it (tests put a migrated copy there). */
  prepareDataDir?: (dataDir: string) => void;
}

export async function startScaledM365(options: ScaledM365Options): Promise<ScaledM365> {
  const clock = new ScaledClock(options.factor, options.start);
  const tenant = options.tenant ?? (await buildDemoTenant());
  const emu = await startEmulator({
    port: 0,
    tenant,
    now: () => clock.now(),
    faults: { latencyMs: 0, ...options.faults },
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'kvalitet-outbox-'));
  options.prepareDataDir?.(dataDir);
  const store = await openStore({ dataDir, clock: () => clock.now() });
  const tokens = createTokenProvider({
    tenantId: tenant.tenantId,
    clientId: tenant.app.clientId,
    clientSecret: tenant.app.clientSecret,
    localTokenEndpoint: emu.url,
  });
  // The emulator checks token expiry on the scaled clock; msal caches on real time. Renew every
  // 20 scaled minutes so a token never outlives its hour on the emulator's clock.
  let token: { value: Promise<string>; at: number } | undefined;
  const tokenProvider = (): Promise<string> => {
    const now = clock.now().getTime();
    if (!token || now - token.at > 20 * 60_000 || now < token.at) {
      token = { value: tokens.getAppToken(undefined, { forceRefresh: true }), at: now };
      token.value.catch(() => {
        token = undefined;
      });
    }
    return token.value;
  };
  const client = createGraphClient({
    baseUrl: emu.graphUrl,
    tokenProvider,
    retry: options.retry ?? { maxRetries: 0 },
    maxConcurrencyPerMailbox: options.maxConcurrencyPerMailbox ?? 4,
    now: () => clock.now().getTime(),
    sleep: (ms) => clock.sleep(ms),
  });
  return {
    clock,
    tenant,
    emu,
    store,
    graph: createGraphApi(client),
    shared: `kvalitetsutmarkelsen@${tenant.domain}`,
    dataDir,
    async close() {
      await store.close().catch(() => undefined);
      await emu.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Send times (ms, on the emulator's clock) of everything the shared mailbox sent outside. */
export function externalSendTimes(emu: RunningEmulator, from: string): number[] {
  return emu.admin
    .outbox()
    .filter((o) => o.from.toLowerCase() === from.toLowerCase())
    .map((o) => Date.parse(o.sentAt))
    .sort((a, b) => a - b);
}

/** The most messages found in any sliding window of `windowMs` (the window Exchange counts). */
export function maxInWindow(times: number[], windowMs = 60_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** The emulator's own record of the mailbox's sends (ms, last 24 h): what its sending limits count. */
export function mailboxSendLog(
  emu: RunningEmulator,
  upn: string,
): Array<{ at: number; recipients: number }> {
  const state = emu.admin.state();
  const user = state.users.find(
    (u) => (u.userPrincipalName ?? '').toLowerCase() === upn.toLowerCase(),
  );
  if (!user?.id) throw new Error(`no user ${upn} in the emulator`);
  return [...(state.mailboxes[user.id]?.sendLog ?? [])].sort((a, b) => a.at - b.at);
}

/** The outbox key each external mail carried (x-kvalitet-outbox-key), in send order (the emulator appends). */
export function sentKeys(emu: RunningEmulator, from: string): string[] {
  return emu.admin
    .outbox()
    .filter((o) => o.from.toLowerCase() === from.toLowerCase())
    .map(
      (o) =>
        (o.message.internetMessageHeaders ?? []).find(
          (h) => h.name?.toLowerCase() === 'x-kvalitet-outbox-key',
        )?.value ?? '',
    );
}
