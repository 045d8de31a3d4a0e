// Ready means running: /readyz answers 503 while a feature is still starting (the intake's first
// delta round and subscription), and the intake's own check passes only while it runs and holds its
// Graph subscription, so a load balancer sends no traffic to an instance whose intake is not there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFeature } from '../../server/features.js';
import { createIntakeFeature } from '../../server/jobs/intake.js';
import { startTestServer, type TestServer } from './harness.js';
import { startStubEmulator } from './stub-emulator.js';

interface Ready {
  status: string;
  failed?: string[];
  checks: Record<string, string>;
}
const ready = async (url: string): Promise<[number, Ready]> => {
  const res = await fetch(`${url}/readyz`);
  return [res.status, (await res.json()) as Ready];
};

describe('readiness while features start', () => {
  it('is not ready until every feature has started', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let url = '';
    let asked!: (answer: [number, Ready]) => void;
    const answered = new Promise<[number, Ready]>((r) => (asked = r));
    const slow: ServerFeature = {
      name: 'slow',
      async start(context) {
        url = context.publicUrl;
        asked(await ready(url));
        await released;
        return {};
      },
    };
    const starting = startTestServer({}, { startEmulator: startStubEmulator, features: [slow] });
    // The feature's own probe, or the start-up's failure (not a poll until the test's timeout).
    const failed = new Promise<never>((_, reject) => void starting.catch(reject));
    const during = await Promise.race([answered, failed]);
    expect(during[0]).toBe(503);
    expect(during[1]).toMatchObject({ failed: ['slow'], checks: { slow: 'starting' } });
    release();
    const server = await starting;
    try {
      const [status, body] = await ready(url);
      expect([status, body.checks.slow]).toEqual([200, undefined]);
    } finally {
      await server.stop();
    }
  }, 60_000);
});

describe('the intake’s readiness', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({}, { features: [createIntakeFeature()] });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('is ready once the intake runs and holds its subscription, and not without it', async () => {
    const deadline = Date.now() + 30_000;
    let last: [number, Ready] = await ready(server.url);
    while (last[0] !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      last = await ready(server.url);
    }
    expect(last).toEqual([
      200,
      expect.objectContaining({ checks: expect.objectContaining({ intake: 'ok' }) }),
    ]);
    // The subscription is gone (Graph removed it, the store lost it): not ready until renewed.
    for (const s of await server.store.sync.listSubscriptions())
      await server.store.sync.deleteSubscription(s.id);
    const [status, body] = await ready(server.url);
    expect(status).toBe(503);
    expect(body.checks.intake).toBe('intake-unsubscribed');
  }, 60_000);
});
