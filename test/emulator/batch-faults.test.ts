// $batch (20 max, dependsOn, per-item statuses) and fault injection: injected 429/503 with Retry-After,
// per-item 429 inside a batch, the 4-concurrent-requests-per-mailbox limit, the mailbox rate limit,
// Exchange sending limits, latency, and request counts for benchmarks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server.js';
import { MANAGER, SHARED } from './fixture-tenant.js';
import { appToken, graph, start, type Call } from './helpers.js';

let emu: RunningEmulator;
let g: (m: string, p: string, b?: unknown, h?: Record<string, string>) => Promise<Call>;
const box = `/users/${SHARED}`;

beforeAll(async () => {
  emu = await start();
});
beforeEach(async () => {
  emu.admin.reset();
  g = graph(emu, await appToken(emu));
});
afterAll(async () => {
  await emu.close();
});

describe('$batch', () => {
  it('runs requests with per-item statuses and honours dependsOn', async () => {
    const res = await g('POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `${box}/mailFolders/inbox?$select=displayName` },
        {
          id: '2',
          method: 'POST',
          url: `${box}/mailFolders`,
          body: { displayName: 'Batchmapp' },
          headers: { 'Content-Type': 'application/json' },
        },
        {
          id: '3',
          method: 'GET',
          url: `${box}/mailFolders?$top=20&$select=displayName`,
          dependsOn: ['2'],
        },
        { id: '4', method: 'GET', url: '/users/nobody@stockholm.example' },
        { id: '5', method: 'GET', url: `${box}/messages`, dependsOn: ['4'] },
      ],
    });
    expect(res.status).toBe(200);
    const by = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(by['1'].status).toBe(200);
    expect(by['1'].body.displayName).toBe('Inbox');
    expect(by['2'].status).toBe(201);
    expect(by['3'].body.value.map((f: { displayName: string }) => f.displayName)).toContain(
      'Batchmapp',
    );
    expect(by['4'].status).toBe(404);
    expect(by['4'].body.error.code).toBe('Request_ResourceNotFound');
    expect(by['5'].status).toBe(424);
  });

  it('refuses more than 20 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: `${box}/mailFolders/inbox`,
    }));
    const res = await g('POST', '/$batch', { requests });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest');
  });

  it('gives per-item 429 with Retry-After from fault injection', async () => {
    emu.admin.setFaults({
      throttle: { count: 1, retryAfterSeconds: 7, pathContains: '/mailFolders/drafts' },
    });
    const res = await g('POST', '/$batch', {
      requests: [
        { id: 'a', method: 'GET', url: `${box}/mailFolders/inbox` },
        { id: 'b', method: 'GET', url: `${box}/mailFolders/drafts` },
      ],
    });
    expect(res.status).toBe(200);
    const b = res.body.responses.find((r: { id: string }) => r.id === 'b');
    expect(b.status).toBe(429);
    expect(b.headers['Retry-After']).toBe('7');
    expect(res.body.responses.find((r: { id: string }) => r.id === 'a').status).toBe(200);
    const counts = emu.admin.requestCounts();
    expect(counts.total).toBe(1);
    expect(counts.batchItems).toBe(2);
  });
});

describe('faults and limits', () => {
  it('injects 429 and 503 for the next N requests with Retry-After', async () => {
    emu.admin.setFaults({ throttle: { count: 1, retryAfterSeconds: 3 } });
    const first = await g('GET', `${box}/mailFolders/inbox`);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.body.error.code).toBe('TooManyRequests');
    expect((await g('GET', `${box}/mailFolders/inbox`)).status).toBe(200);
    emu.admin.setFaults({ unavailable: { count: 1 } });
    expect((await g('GET', `${box}/mailFolders/inbox`)).status).toBe(503);
  });

  it('lets a fifth concurrent request to one mailbox fail with MailboxConcurrency', async () => {
    emu.admin.setFaults({ latencyMs: 150 });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => g('GET', `${box}/mailFolders/inbox`)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const throttled = results.find((r) => r.status === 429)!;
    expect(throttled.body.error.code).toBe('ApplicationThrottled');
    expect(throttled.body.error.message).toMatch(/MailboxConcurrency/);
    expect(emu.admin.faultStats().peakConcurrency['11111111-0000-0000-0000-000000000001']).toBe(4);
  });

  it('rate-limits requests per app per mailbox per window', async () => {
    emu.admin.setFaults({ mailboxRateLimit: { requests: 3, windowSeconds: 600 } });
    for (let i = 0; i < 3; i++)
      expect((await g('GET', `${box}/mailFolders/inbox`)).status).toBe(200);
    const over = await g('GET', `${box}/mailFolders/inbox`);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    emu.admin.advanceClock(601_000);
    expect((await g('GET', `${box}/mailFolders/inbox`)).status).toBe(200);
  });

  it('queues past 30 messages a minute and bounces past the day’s recipients, never a 429', async () => {
    const send = (to: string[], subject = 'Påminnelse') =>
      g('POST', `${box}/sendMail`, {
        message: { subject, toRecipients: to.map((address) => ({ emailAddress: { address } })) },
        saveToSentItems: false,
      });
    const inbox = (upn: string) => emu.admin.messages(upn, 'inbox');
    const before = inbox(MANAGER).length;
    for (let i = 0; i < 30; i++) expect((await send([MANAGER])).status).toBe(202);
    expect(inbox(MANAGER).length).toBe(before + 30);
    // The 31st is accepted and waits in Exchange's queue until the minute has room.
    expect((await send([MANAGER])).status).toBe(202);
    expect(inbox(MANAGER).length).toBe(before + 30);
    expect(emu.admin.faultStats().sendLimitRejections).toBe(1);
    emu.admin.advanceClock(61_000);
    expect(inbox(MANAGER).length).toBe(before + 31);

    emu.admin.setFaults({ sendingLimits: { messagesPerMinute: 30, recipientsPerDay: 40 } });
    const many = Array.from({ length: 20 }, (_, i) => `r${i}@external.example`);
    const outboxBefore = emu.admin.outbox().length;
    const quota = await send(many, 'Nyhetsbrev');
    expect(quota.status).toBe(202);
    emu.admin.advanceClock(5_000);
    // Nobody got it; the sender got a non-delivery report from the postmaster.
    expect(emu.admin.outbox().length).toBe(outboxBefore);
    const ndr = inbox(SHARED).find((m) => m.subject === 'Undeliverable: Nyhetsbrev');
    expect(ndr?.from).toMatch(/^postmaster@/);
  });

  it('counts Graph requests by kind for benchmarks', async () => {
    emu.admin.resetRequestCounts();
    await g('GET', `${box}/mailFolders/inbox/messages`);
    await g('GET', `${box}/mailFolders/inbox/messages/delta`);
    const c = emu.admin.requestCounts();
    expect(c.total).toBe(2);
    expect(c.byKind).toMatchObject({ 'messages.list': 1, 'messages.delta': 1 });
  });
});
