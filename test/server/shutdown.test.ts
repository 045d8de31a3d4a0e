// Graceful shutdown: a request in flight when shutdown begins still gets its answer; afterwards the
// port is closed and storage is closed.
import { describe, expect, it } from 'vitest';
import { startTestServer } from './harness.js';
import { startStubEmulator } from './stub-emulator.js';

describe('shutdown', () => {
  it('finishes requests in flight, then stops accepting and closes storage', async () => {
    let readinessRead = (): void => undefined;
    const server = await startTestServer(
      {},
      {
        startEmulator: (o) =>
          startStubEmulator({
            ...o,
            graphDelayMs: 400,
            // The readiness probe reads the shared mailbox's user; features read deeper paths.
            onGraphRead: (path) => /^\/v1\.0\/users\/[^/?]+(\?|$)/.test(path) && readinessRead(),
          }),
      },
    );
    // Shutdown begins once the readiness probe is in the server (its Graph read has arrived), not
    // after a fixed pause a slow machine may not have finished sending the request in.
    const readArrived = new Promise<void>((resolve) => (readinessRead = resolve));
    const inFlight = fetch(`${server.url}/readyz`);
    await readArrived;
    const closing = server.stop();

    const res = await inFlight;
    expect(res.status).toBe(200);
    await closing;

    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await expect(server.store.ping()).rejects.toThrow();
    // The server starts inside the test: 13 s on the shared machine under load.
  }, 60_000);
});
