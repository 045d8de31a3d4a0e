// Graceful shutdown: a request in flight when shutdown begins still gets its answer; afterwards the
// port is closed and storage is closed.
import { describe, expect, it } from 'vitest';
import { startTestServer } from './harness.js';
import { startStubEmulator } from './stub-emulator.js';

describe('shutdown', () => {
  it('finishes requests in flight, then stops accepting and closes storage', async () => {
    const server = await startTestServer(
      {},
      { startEmulator: (o) => startStubEmulator({ ...o, graphDelayMs: 400 }) },
    );
    const inFlight = fetch(`${server.url}/readyz`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = server.stop();

    const res = await inFlight;
    expect(res.status).toBe(200);
    await closing;

    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await expect(server.store.ping()).rejects.toThrow();
  });
});
