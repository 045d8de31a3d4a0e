// Exactly one receipt when the sending process is killed between "Graph accepted the send" and
// "the store recorded it": the next sender looks the draft up by its id and records it as sent,
// although the Sent Items copy carries no outbox header and shows only after a delay.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server.js';
import {
  MailPriority,
  enqueueMail,
  startOutboxWorker,
  type OutboxClock,
} from '../../features/outbox/index.js';
import { createGraphApi, createGraphClient, createTokenProvider } from '../../graph/index.js';
import { openStore } from '../../store/index.js';
import { sentKeys } from '../../bench/support/scaled-m365.js';
import { seedPgliteDataDir } from '../support/pglite-template.js';
import { demoTenant, until } from './helpers.js';

let root: string;
let emu: RunningEmulator;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'outbox-crash-'));
  emu = await startEmulator({ port: 0, tenant: structuredClone(await demoTenant()) });
}, 60_000);
afterAll(async () => {
  await emu?.close();
  await rm(root, { recursive: true, force: true });
});

it('a sender killed between sent and recorded ends with exactly one receipt', async () => {
  const tenant = await demoTenant();
  const shared = `kvalitetsutmarkelsen@${tenant.domain}`;
  const dataDir = join(root, 'data');
  seedPgliteDataDir(dataDir); // a migrated copy: no initdb
  const [mail] = emu.admin.deliver({
    to: shared,
    from: { name: 'Chef Solen', address: 'chef@solen-forskola.example' },
    subject: 'Vårt bidrag',
    body: 'Hej! Här kommer vårt bidrag.',
  });
  const key = `receipt:${mail!.messageId}`;
  const first = await openStore({ dataDir });
  await enqueueMail(first, {
    key,
    purpose: 'receipt',
    priority: MailPriority.receipt,
    message: { kind: 'reply', mailbox: shared, messageId: mail!.messageId, html: '<p>Tack!</p>' },
  });
  await first.close();

  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, 'crash-sender.ts'),
      dataDir,
      emu.url,
      emu.graphUrl,
      tenant.tenantId,
      tenant.app.clientId,
      tenant.app.clientSecret,
      shared,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (out += String(chunk)));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, sig) => resolve(sig)),
  );
  expect(signal, out).toBe('SIGKILL');
  expect(out).toContain('sent, not recorded');
  expect(sentKeys(emu, shared)).toEqual([key]);

  // A new process, after the dead one's lease has run out.
  const later = (): Date => new Date(Date.now() + 10 * 60_000);
  const clock: OutboxClock = {
    now: later,
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      }),
  };
  const store = await openStore({ dataDir, clock: later });
  try {
    const left = await store.outbox.getByKey(key);
    expect(left).toMatchObject({ status: 'sending' });
    expect(left?.draftId).toBeTruthy();
    const tokens = createTokenProvider({
      tenantId: tenant.tenantId,
      clientId: tenant.app.clientId,
      clientSecret: tenant.app.clientSecret,
      localTokenEndpoint: emu.url,
    });
    const graph = createGraphApi(
      createGraphClient({ baseUrl: emu.graphUrl, tokenProvider: () => tokens.getAppToken() }),
    );
    const worker = startOutboxWorker({ store, graph, clock, mailboxes: [shared], idleMs: 200 });
    await until('the receipt recorded', async () => (await store.outbox.counts()).sent === 1);
    await worker.stop();

    expect(sentKeys(emu, shared)).toEqual([key]);
    expect(worker.stats()).toMatchObject({ recovered: 1, sent: 0 });
    expect(await store.outbox.getByKey(key)).toMatchObject({ status: 'sent' });
    // However long one waits: still the one receipt.
    emu.admin.advanceClock(60_000);
    expect(sentKeys(emu, shared)).toEqual([key]);
  } finally {
    await store.close();
  }
}, 120_000);
