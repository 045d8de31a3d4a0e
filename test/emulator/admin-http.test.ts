// The admin API over HTTP (/_admin), as tests in another process or a benchmark script would use it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server.js';
import { COORD, MANAGER, SHARED } from './fixture-tenant.js';
import { appToken, graph, start } from './helpers.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(async () => {
  await emu.close();
});

const admin = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${emu.url}/_admin/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};

describe('/_admin', () => {
  it('delivers, sends as a user, reads the outbox, counts requests and resets', async () => {
    const delivered = await admin('POST', 'deliver', {
      to: SHARED,
      from: 'x@external.example',
      subject: 'Utifrån',
    });
    expect(delivered.body.value).toHaveLength(1);
    const sent = await admin('POST', 'send', {
      from: MANAGER,
      message: {
        subject: 'Intresseanmälan',
        body: { contentType: 'text', content: 'Vi vill vara med' },
        toRecipients: [
          { emailAddress: { address: SHARED } },
          { emailAddress: { address: 'ext@external.example' } },
        ],
      },
    });
    expect(sent.status).toBe(202);
    const inbox = await admin('GET', `messages?upn=${SHARED}&folder=inbox`);
    expect(inbox.body.value.map((m: { subject: string }) => m.subject)).toEqual(
      expect.arrayContaining(['Utifrån', 'Intresseanmälan']),
    );
    expect((await admin('GET', 'outbox')).body.value[0].to).toEqual(['ext@external.example']);

    const g = graph(emu, await appToken(emu));
    await admin('DELETE', 'requests');
    await g('GET', `/users/${SHARED}/mailFolders/inbox`);
    const counts = await admin('GET', 'requests');
    expect(counts.body).toMatchObject({ total: 1, byKind: { 'mailFolders.get': 1 } });

    await admin('POST', 'reset');
    expect((await admin('GET', 'outbox')).body.value).toEqual([]);
    expect((await admin('GET', `messages?upn=${SHARED}&folder=inbox`)).body.value).toHaveLength(3);
  });

  it('sets faults and the clock, invalidates delta, mints user tokens', async () => {
    const f = await admin('POST', 'faults', { throttle: { count: 1, retryAfterSeconds: 2 } });
    expect(f.body.config.throttle.count).toBe(1);
    const g = graph(emu, await appToken(emu));
    expect((await g('GET', `/users/${SHARED}/mailFolders/inbox`)).status).toBe(429);
    const clock = await admin('POST', 'clock', { now: '2027-05-17T21:59:00Z' });
    expect(clock.body.now).toBe('2027-05-17T21:59:00.000Z');
    await admin('POST', 'clock', { advanceMs: 60_000 });
    expect((await admin('GET', 'clock')).body.now).toBe('2027-05-17T22:00:00.000Z');
    await admin('POST', 'clock', {});
    const d = await g('GET', `/users/${SHARED}/mailFolders/inbox/messages/delta`);
    const link = d.body['@odata.nextLink'] ?? d.body['@odata.deltaLink'];
    expect((await admin('POST', 'delta/invalidate', { upn: SHARED })).status).toBe(204);
    expect((await g('GET', link)).status).toBe(410);
    const tok = await admin('POST', 'tokens/user', { upn: COORD });
    expect(tok.body.access_token.split('.')).toHaveLength(3);
  });

  it('answers a send without a sender or a message with 400 saying what to give', async () => {
    for (const body of [
      { message: { subject: 'x' } },
      { sender: MANAGER, message: {} },
      { from: MANAGER },
    ]) {
      const res = await admin('POST', 'send', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/from.*message/);
    }
  });

  it('answers unknown admin routes with 404', async () => {
    expect((await admin('GET', 'nothing')).status).toBe(404);
  });
});
