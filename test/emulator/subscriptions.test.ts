// Subscriptions: the validationToken handshake (and its failure), the 4,230-minute limit, change
// notifications carrying clientState for new inbox mail, and lifecycle notifications from the admin API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server.js';
import { SHARED, TENANT_ID } from './fixture-tenant.js';
import { appToken, eventually, graph, start, type Call } from './helpers.js';

let emu: RunningEmulator;
let g: (m: string, p: string, b?: unknown, h?: Record<string, string>) => Promise<Call>;
let hook: Server;
let hookUrl = '';
let received: Array<{ path: string; body: any }> = []; // eslint-disable-line @typescript-eslint/no-explicit-any
let answerValidation = true;

beforeAll(async () => {
  // Graph's 10 s for the validation handshake (the default): the hook answers in this process, and
  // a busy machine can hold that answer up well past a second.
  emu = await start();
  hook = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const token = url.searchParams.get('validationToken');
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      if (token !== null) {
        if (!answerValidation) return res.writeHead(500).end();
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end(token);
        return;
      }
      received.push({ path: url.pathname, body: JSON.parse(data) });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
});
beforeEach(async () => {
  emu.admin.reset();
  received = [];
  answerValidation = true;
  g = graph(emu, await appToken(emu));
});
afterAll(async () => {
  await emu.close();
  await new Promise((r) => hook.close(r));
});

const inFuture = (minutes: number) =>
  new Date(emu.admin.now().getTime() + minutes * 60_000).toISOString();

describe('subscriptions', () => {
  it('validates the endpoint, then notifies new inbox mail with clientState', async () => {
    const sub = await g('POST', '/subscriptions', {
      changeType: 'created',
      notificationUrl: `${hookUrl}/notify`,
      lifecycleNotificationUrl: `${hookUrl}/lifecycle`,
      resource: `users/${SHARED}/mailFolders('inbox')/messages`,
      expirationDateTime: inFuture(4000),
      clientState: 'hemligt',
    });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ changeType: 'created', clientState: 'hemligt' });
    const { messageId } = emu.admin.deliver({
      to: SHARED,
      from: 'a@external.example',
      subject: 'Hej',
    })[0]!;
    await eventually('the notification', () => received.some((r) => r.path === '/notify'));
    const n = received.find((r) => r.path === '/notify')!.body.value[0];
    expect(n).toMatchObject({
      subscriptionId: sub.body.id,
      clientState: 'hemligt',
      changeType: 'created',
      tenantId: TENANT_ID,
      resourceData: { '@odata.type': '#Microsoft.Graph.Message', id: messageId },
    });
    expect(n.resource).toBe(n.resourceData['@odata.id']);
    expect(n.subscriptionExpirationDateTime).toBe(sub.body.expirationDateTime);

    await emu.admin.triggerLifecycle(sub.body.id, 'reauthorizationRequired');
    const life = received.find((r) => r.path === '/lifecycle')!.body.value[0];
    expect(life).toMatchObject({
      subscriptionId: sub.body.id,
      lifecycleEvent: 'reauthorizationRequired',
      clientState: 'hemligt',
    });
    await emu.admin.triggerLifecycle(sub.body.id, 'subscriptionRemoved');
    expect((await g('GET', `/subscriptions/${sub.body.id}`)).status).toBe(404);
  });

  it('renews with PATCH and deletes', async () => {
    const sub = await g('POST', '/subscriptions', {
      changeType: 'created,updated',
      notificationUrl: `${hookUrl}/notify`,
      resource: `/users/${SHARED}/messages`,
      expirationDateTime: inFuture(60),
    });
    const renewed = await g('PATCH', `/subscriptions/${sub.body.id}`, {
      expirationDateTime: inFuture(4200),
    });
    expect(renewed.status).toBe(200);
    expect(Date.parse(renewed.body.expirationDateTime)).toBeGreaterThan(
      Date.parse(sub.body.expirationDateTime),
    );
    expect((await g('GET', '/subscriptions')).body.value).toHaveLength(1);
    expect((await g('DELETE', `/subscriptions/${sub.body.id}`)).status).toBe(204);
  });

  it('refuses an expiry beyond 4,230 minutes and an endpoint that fails validation', async () => {
    const long = await g('POST', '/subscriptions', {
      changeType: 'created',
      notificationUrl: `${hookUrl}/notify`,
      resource: `users/${SHARED}/mailFolders('inbox')/messages`,
      expirationDateTime: inFuture(4231),
    });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/4230 minutes/);
    answerValidation = false;
    const bad = await g('POST', '/subscriptions', {
      changeType: 'created',
      notificationUrl: `${hookUrl}/notify`,
      resource: `users/${SHARED}/mailFolders('inbox')/messages`,
      expirationDateTime: inFuture(60),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('ValidationError');
  });

  it('can deliver notifications twice or drop them, as Graph may', async () => {
    await g('POST', '/subscriptions', {
      changeType: 'created',
      notificationUrl: `${hookUrl}/notify`,
      resource: `users/${SHARED}/mailFolders('inbox')/messages`,
      expirationDateTime: inFuture(60),
      clientState: 'c',
    });
    const about = (id: string) =>
      received.filter((r) => r.path === '/notify' && r.body.value[0].resourceData.id === id);
    emu.admin.setFaults({ notifications: { duplicate: true } });
    const [twice] = emu.admin.deliver({
      to: SHARED,
      from: 'a@external.example',
      subject: 'Två gånger',
    });
    await eventually('two notifications', () => about(twice!.messageId).length >= 2);
    expect(about(twice!.messageId)).toHaveLength(2);
    emu.admin.setFaults({ notifications: { dropNext: 1 } });
    const [dropped] = emu.admin.deliver({
      to: SHARED,
      from: 'a@external.example',
      subject: 'Tappad',
    });
    // The emulator sends what one turn of the event loop changed as one notification: the next
    // mail comes a turn later, and once its notification is in, the dropped one would have been too.
    await new Promise((r) => setImmediate(r));
    const [next] = emu.admin.deliver({ to: SHARED, from: 'a@external.example', subject: 'Nästa' });
    await eventually('the next notification', () => about(next!.messageId).length === 1);
    expect(about(dropped!.messageId)).toEqual([]);
    expect(received.filter((r) => r.path === '/notify')).toHaveLength(3);
  });
});
