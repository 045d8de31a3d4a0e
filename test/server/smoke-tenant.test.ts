// The tenant smoke test (npm run smoke:tenant) run against the emulator: every step passes where
// the tenant is set up as the README says, the subscription step is skipped without a public URL,
// and the command prints one line per step.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server.js';
import { buildDemoTenant } from '../../emulator/seed/tenant.js';
import type { DemoTenant } from '../../emulator/seed/types.js';
import { createGraphApi, createGraphClient, createTokenProvider } from '../../graph/index.js';
import { runTenantSmokeTest } from '../../server/smoke/steps.js';

let emu: RunningEmulator;
let tenant: DemoTenant;
let hook: Server;
let hookUrl: string;
beforeAll(async () => {
  tenant = await buildDemoTenant();
  emu = await startEmulator({ port: 0, tenant });
  // The app's notification endpoint, as far as Graph's validation handshake needs it.
  hook = createServer((req, res) => {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('validationToken');
    req.resume();
    res.writeHead(token ? 200 : 202, { 'Content-Type': 'text/plain' });
    res.end(token ?? '');
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/api/graph/notifications`;
}, 60_000);
afterAll(async () => {
  await new Promise<void>((r) => hook?.close(() => r()));
  await emu?.close();
});

it('passes every step against a tenant set up as the README says, and cleans up', async () => {
  const shared = `kvalitetsutmarkelsen@${tenant.domain}`;
  const api = createGraphApi(
    createGraphClient({
      baseUrl: emu.graphUrl,
      tokenProvider: createTokenProvider({
        tenantId: tenant.tenantId,
        clientId: tenant.app.clientId,
        clientSecret: tenant.app.clientSecret,
        localTokenEndpoint: emu.url,
      }),
    }),
  );
  const results = await runTenantSmokeTest({
    api,
    mailbox: shared,
    notificationUrl: hookUrl,
    clientState: 'smoke-client-state-0123456789abcdef',
    waitMs: 20_000,
    pollMs: 100,
  });
  expect(results.map((r) => [r.step, r.outcome, r.outcome === 'pass' ? '' : r.detail])).toEqual([
    ['read the shared mailbox', 'pass', ''],
    ['create and remove a category (MailboxSettings.ReadWrite)', 'pass', ''],
    ['create and remove a folder', 'pass', ''],
    ['reply to a test mail and find the reply by its draft id', 'pass', ''],
    ['create and cancel a calendar event', 'pass', ''],
    ['getSchedule for the shared mailbox', 'pass', ''],
    ['create and delete a subscription', 'pass', ''],
  ]);
  expect(emu.admin.subscriptions()).toEqual([]);
  expect(emu.admin.messages(shared, 'drafts')).toEqual([]);
  expect(emu.admin.outbox()).toEqual([]);
}, 90_000);

it('npm run smoke:tenant prints pass, fail or skip per step and exits 0 when nothing failed', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../../server/smoke/main.ts')],
    {
      env: {
        PATH: process.env.PATH ?? '',
        GRAPH_BASE_URL: emu.graphUrl,
        DATA_DIR: join(import.meta.dirname, '../../test-artifacts/smoke-data'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += String(c)));
  child.stderr.on('data', (c: Buffer) => (out += String(c)));
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  expect(out).toMatch(/^PASS {2}read the shared mailbox/m);
  expect(out).toMatch(/^PASS {2}reply to a test mail and find the reply by its draft id/m);
  expect(out).toMatch(/^SKIP {2}create and delete a subscription .*PUBLIC_URL/m);
  expect(out).toMatch(/6 passed, 0 failed, 1 skipped/);
  expect(code, out).toBe(0);
}, 90_000);
