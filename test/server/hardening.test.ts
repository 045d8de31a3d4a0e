// What a hostile caller sees of the running app: security headers on every answer, a readiness probe
// that names reasons but no upstream detail, "this machine only" decided on the socket and the Host,
// and the bot's 401 in the app's one error format naming no host.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, teamsMessage, type TestServer } from './harness.js';
import { startStubEmulator } from './stub-emulator.js';

let local: TestServer;
let withBot: TestServer;

beforeAll(async () => {
  // Graph refuses the app (as with a wrong secret): readiness fails on it.
  local = await startTestServer(
    {},
    { startEmulator: (o) => startStubEmulator({ ...o, graphStatus: 401 }) },
  );
  withBot = await startTestServer(
    { BOT_APP_ID: '33333333-4444-4555-8666-777777777777', BOT_TENANT_ID: 'stockholm.example' },
    { startEmulator: (o) => startStubEmulator(o) },
  );
}, 120_000);

afterAll(async () => {
  await local?.stop();
  await withBot?.stop();
});

/** A raw HTTP request, so the Host and proxy headers are exactly what a browser or proxy sends. */
function raw(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? 'GET',
        headers: { host: `localhost:${url.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const activity = JSON.stringify({ ...teamsMessage('hjälp'), deliveryMode: 'expectReplies' });
const postActivity = (base: string, headers: Record<string, string> = {}) =>
  raw(base, '/api/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: activity,
  });

describe('security headers', () => {
  it('every answer says nosniff, no referrer, and has a Content Security Policy', async () => {
    for (const [path, method] of [
      ['/healthz', 'GET'],
      ['/readyz', 'GET'],
      ['/no-such-page', 'GET'],
      ['/api/messages', 'POST'],
      ['/api/tab/triage', 'GET'],
      ['/tab/', 'GET'],
    ] as const) {
      const res = await raw(local.url, path, { method });
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
      expect(res.headers['content-security-policy'], path).toBeTruthy();
    }
  });

  it("the tab's policy names script and default sources and keeps Teams and Outlook as framers", async () => {
    const csp = String((await raw(local.url, '/tab/')).headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/frame-ancestors [^;]*https:\/\/teams\.microsoft\.com/);
    expect(csp).toMatch(/frame-ancestors [^;]*https:\/\/outlook\.office\.com/);
    const api = String((await raw(local.url, '/healthz')).headers['content-security-policy']);
    expect(api).toMatch(/frame-ancestors 'none'/);
  });
});

describe('readiness', () => {
  it('answers the probe with reason codes; no upstream text, address or id', async () => {
    const res = await raw(local.url, '/readyz');
    expect(res.status).toBe(503);
    const body = JSON.parse(res.body) as { failed: string[]; checks: Record<string, string> };
    expect(body.failed).toEqual(['graph']);
    expect(body.checks.graph).toMatch(/^[a-z-]+$/);
    expect(res.body).not.toMatch(/http|127\.0\.0\.1|Try again|ServiceNotAvailable|stockholm/i);
    expect(res.body).not.toContain(local.config.m365.clientId);
  });
});

describe('"this machine only" for the bot without an app id', () => {
  it('takes an activity from this machine', async () => {
    expect((await postActivity(local.url)).status).toBe(200);
    expect((await postActivity(local.url, { host: `127.0.0.1:${local.port}` })).status).toBe(200);
  });

  it.each([
    ['Forwarded', { forwarded: 'for=203.0.113.7' }],
    ['X-Real-IP', { 'x-real-ip': '203.0.113.7' }],
    ['X-Forwarded-Host', { 'x-forwarded-host': 'kvalitet.example' }],
    ['Via', { via: '1.1 proxy' }],
    ['a Host of another name (DNS rebinding)', { host: 'attacker.example:3978' }],
    ['a Host that only starts like ours', { host: 'localhost.attacker.example' }],
  ])('refuses a request with %s', async (_what, headers) => {
    const res = await postActivity(local.url, headers);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});

describe('the bot with an app id', () => {
  it('answers a missing or bad token with 401 in the one error format, naming no host', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not.a.token' },
      { authorization: 'Basic x' },
    ];
    for (const headers of attempts) {
      const res = await postActivity(withBot.url, headers);
      expect(res.status).toBe(401);
      const body = JSON.parse(res.body) as { error?: { code?: string; message?: string } };
      expect(body.error?.code).toBe('unauthenticated');
      expect(res.body).not.toMatch(
        /jwt-auth-error|https?:\/\/|login\.microsoftonline|127\.0\.0\.1/,
      );
    }
  });
});
