// /readyz says which dependency is down: Graph failing, storage closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { startStubEmulator } from './stub-emulator.js';

let server: TestServer;

beforeAll(async () => {
  // Graph answers 404 for the shared mailbox (a wrong SHARED_MAILBOX, say).
  server = await startTestServer(
    {},
    { startEmulator: (o) => startStubEmulator({ ...o, graphStatus: 404 }) },
  );
});

afterAll(async () => {
  await server?.stop();
});

describe('readiness', () => {
  it('answers 503 naming Graph when the shared mailbox cannot be read', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { failed: string[]; checks: Record<string, string> };
    expect(body.failed).toEqual(['graph']);
    expect(body.checks.storage).toBe('ok');
    expect(body.checks.graph).not.toBe('ok');
  });

  it('names storage too once the database is gone, while /healthz still answers', async () => {
    await server.store.close();
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { failed: string[] }).failed).toEqual(['storage', 'graph']);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
