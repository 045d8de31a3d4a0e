// The Agents Playground stands for a demo unit manager (LOCAL_PLAYGROUND_USER): once the Playground's
// user has written to the bot, what delivery sends that manager goes to the Playground's chat (its
// own serviceUrl and conversation), not to the emulator's Teams.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpCard } from '../../cards/help.js';
import type { FeatureContext, ServerFeature } from '../../server/features.js';
import { importDemoData } from '../../server/jobs/intake-demo-data.js';
import { postActivity, startTestServer, teamsMessage, type TestServer } from '../server/harness.js';

const MANAGER = 'anna.bergqvist@stockholm.example';
let server: TestServer;
let context: FeatureContext;
let playground: Server;
let playgroundUrl: string;
const received: Array<{ url: string; body: Record<string, unknown> }> = [];

beforeAll(async () => {
  playground = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      received.push({
        url: req.url ?? '',
        body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `pg-${received.length}` }));
    });
  });
  await new Promise<void>((r) => playground.listen(0, '127.0.0.1', () => r()));
  playgroundUrl = `http://127.0.0.1:${(playground.address() as AddressInfo).port}/`;
  const capture: ServerFeature = {
    name: 'capture',
    async start(ctx) {
      context = ctx;
      await importDemoData(ctx.store, ctx.clock.now());
      return {};
    },
  };
  server = await startTestServer({ LOCAL_PLAYGROUND_USER: MANAGER }, { features: [capture] });
}, 180_000);
afterAll(async () => {
  await server?.stop();
  await new Promise((r) => playground?.close(r));
});

// Like the tab's browser tests: a browser's waits (30 s each by default) need more than the
// runner's 30 s per test on a loaded machine.
describe('the Agents Playground as a demo unit manager', { timeout: 120_000 }, () => {
  it('gets the cards delivery sends that manager', async () => {
    const hello = await postActivity(
      server,
      teamsMessage('hej', {
        serviceUrl: playgroundUrl,
        from: {
          id: 'user-id-0',
          name: 'Alex Wilber',
          aadObjectId: '00000000-0000-0000-0000-0000000000020',
        },
        conversation: {
          conversationType: 'personal',
          id: 'personal-chat-id',
          tenantId: '00000000-0000-0000-0000-0000000000001',
        },
      }),
    );
    expect(hello.status).toBe(200);
    const unit = (await context.store.units.findByManagerEmail(MANAGER))[0]!;
    const result = await context.delivery.deliver({
      key: 'test:playground',
      to: { unitId: unit.id },
      card: (person) => ({
        ...helpCard({ locale: person.locale }),
        fallbackText: 'test:playground',
      }),
      mail: () => ({ subject: 'x', html: '<p>x</p>' }),
    });
    expect(result.outcome).toBe('teams');
    const posted = received.filter((r) => JSON.stringify(r.body).includes('test:playground'));
    expect(posted).toHaveLength(1);
    expect(posted[0]!.url).toBe('/v3/conversations/personal-chat-id/activities');
  });
});
