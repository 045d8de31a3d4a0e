// The local mode against an emulator running on its own (`npm run emulator`), named by GRAPH_BASE_URL:
// the app starts no emulator of its own and gets its tokens from the one given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server.js';
import { startTestServer, type TestServer } from './harness.js';

let emulator: RunningEmulator;
let server: TestServer;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  server = await startTestServer({ GRAPH_BASE_URL: `${emulator.url}/v1.0` });
});

afterAll(async () => {
  await server?.stop();
  await emulator?.close();
});

describe('local mode with GRAPH_BASE_URL', () => {
  it('starts no emulator of its own and is ready against the given one', async () => {
    expect(server.emulatorUrl).toBeUndefined();
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(server.graph.baseUrl).toBe(`${emulator.url}/v1.0`);
  });
});
