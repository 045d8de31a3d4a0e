// Delivery end to end in the local mode: the real server, the emulator's Teams (Bot Connector stand-in
// at /smba/) and its Graph. A card reaches a unit manager's chat once (app installed through Graph,
// the conversation stored); a user who blocked the bot gets the same content by mail; Teams' 429s
// end in a card or a mail for everyone, never twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpCard } from '../../cards/help.js';
import type { Delivery, DeliveryMessage } from '../../features/delivery/index.js';
import type { FeatureContext, ServerFeature } from '../../server/features.js';
import { importDemoData } from '../../server/jobs/intake-demo-data.js';
import { startTestServer, type TestServer } from '../server/harness.js';

let server: TestServer;
let context: FeatureContext;
let delivery: Delivery;

const capture: ServerFeature = {
  name: 'capture',
  async start(ctx) {
    context = ctx;
    delivery = ctx.delivery;
    await importDemoData(ctx.store, ctx.clock.now());
    return {};
  },
};

beforeAll(async () => {
  server = await startTestServer({}, { features: [capture] });
});
afterAll(async () => {
  await server?.stop();
});

const admin = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${server.emulatorUrl}/_admin/${path}`, {
    ...init,
    headers: { 'content-type': 'application/json' },
  });
  return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
};
/** The activities with our test cards in the user's chat (the bot's welcome card left out). */
const chatOf = async (upn: string) =>
  (
    (await admin(`teams/messages?upn=${encodeURIComponent(upn)}`)).body as {
      value: Array<Record<string, unknown>>;
    }
  ).value.filter((a) => String(a.summary ?? '').startsWith('test:'));

const message = (key: string, to: DeliveryMessage['to']): DeliveryMessage => ({
  key,
  to,
  card: (person) => ({
    ...helpCard({ locale: person.locale }),
    fallbackText: `${key} (${person.locale})`,
  }),
  mail: (person) => ({ subject: `Test ${key}`, html: `<p>${person.locale}</p>` }),
});

async function units() {
  return (await context.store.units.list()).slice(0, 40);
}

describe('delivery', () => {
  it('puts a card in a unit manager’s chat once, installing the app through Graph', async () => {
    const [unit] = await units();
    const first = await delivery.deliver(message('test:once', { unitId: unit!.id }));
    expect(first.outcome).toBe('teams');
    const again = await delivery.deliver(message('test:once', { email: unit!.managerEmail }));
    expect(again.outcome).toBe('already');
    const chat = await chatOf(unit!.managerEmail);
    expect(chat).toHaveLength(1);
    expect((chat[0]!.attachments as Array<{ contentType: string }>)[0]!.contentType).toBe(
      'application/vnd.microsoft.card.adaptive',
    );
    const installed = (await admin(`installedApps?upn=${encodeURIComponent(unit!.managerEmail)}`))
      .body as Record<string, unknown[]>;
    expect(Object.values(installed)[0]).toHaveLength(1);
    // Teams told the bot about the install: the reference the bot stored is the same chat.
    const stored = await context.store.conversations.get(first.recipient);
    expect(stored?.serviceUrl).toBe(`${server.emulatorUrl}/smba/`);
  });

  it('sends the same content by mail to someone who blocked the bot', async () => {
    const [, unit] = await units();
    expect(
      (
        await admin('teams/block', {
          method: 'POST',
          body: JSON.stringify({ upn: unit!.managerEmail }),
        })
      ).status,
    ).toBe(204);
    const result = await delivery.deliver(message('test:blocked', { unitId: unit!.id }));
    expect(result.outcome).toBe('mail');
    expect(result.reason).toContain('403');
    expect(await chatOf(unit!.managerEmail)).toHaveLength(0);
    const record = await context.store.reminderDeliveries.get({
      reminderId: 'test:blocked',
      recipient: result.recipient,
    });
    expect(record).toMatchObject({ status: 'delivered', channel: 'mail' });
    const queued = await context.store.outbox.counts();
    expect(JSON.stringify(queued)).not.toBe('{}');
    // A second attempt (a restart) sends nothing more.
    expect((await delivery.deliver(message('test:blocked', { unitId: unit!.id }))).outcome).toBe(
      'already',
    );
  });

  it('ends in a card or a mail for everyone under random 429s, never twice', async () => {
    await admin('faults', {
      method: 'POST',
      body: JSON.stringify({
        throttle: { ratio: 0.3, pathContains: '/smba/', retryAfterSeconds: 0 },
      }),
    });
    try {
      const list = (await units()).slice(2, 30);
      const results = await delivery.deliverAll(
        list.map((u) => message('test:throttled', { unitId: u.id })),
        8,
      );
      for (const r of results) expect(['teams', 'mail']).toContain(r.outcome);
      const faults = (await admin('faults')).body as { stats: { throttled: number } };
      expect(faults.stats.throttled).toBeGreaterThan(0);
      for (const u of list) {
        const cards = (await chatOf(u.managerEmail)).length;
        expect(cards).toBeLessThanOrEqual(1);
      }
    } finally {
      await admin('faults', { method: 'POST', body: JSON.stringify({ throttle: null }) });
    }
  });

  it('opens the chat again when Teams no longer knows the stored one', async () => {
    const [, , , unit] = await units();
    const person = await delivery.resolve({ unitId: unit!.id });
    await context.store.conversations.upsert({
      aadObjectId: person!.key,
      conversationId: 'a:gone',
      serviceUrl: `${server.emulatorUrl}/smba/`,
      reference: { conversation: { id: 'a:gone' } },
    });
    const result = await delivery.deliver(message('test:reopened', { unitId: unit!.id }));
    expect(result.outcome).toBe('teams');
    const reopened = (await chatOf(unit!.managerEmail)).filter((a) =>
      String(a.summary).startsWith('test:reopened'),
    );
    expect(reopened).toHaveLength(1);
    expect((await context.store.conversations.get(person!.key))?.conversationId).not.toBe('a:gone');
  });

  it('answers the stand-in’s bad requests as Teams does', async () => {
    const res = await fetch(`${server.emulatorUrl}/smba/v3/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ members: [] }),
    });
    expect(res.status).toBe(400);
    const notInstalled = await fetch(`${server.emulatorUrl}/smba/v3/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ members: [{ id: 'anna.samordnare@stockholm.example' }] }),
    });
    expect([403, 404]).toContain(notInstalled.status);
  });
});
