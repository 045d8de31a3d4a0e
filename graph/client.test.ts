// Resilience of the Graph client: scripted transport, fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGraphClient, type GraphClientOptions } from './client.js';
import { GraphError } from './errors.js';
import { mailboxKeyOf, mergePrefer } from './middleware.js';
import {
  FakeTransport,
  graphErrorResponse,
  hang,
  jsonResponse,
  sequence,
  type FakeRequest,
} from './fake-transport.js';

const BASE = 'http://127.0.0.1:3979/v1.0';

function setup(extra: Partial<GraphClientOptions> = {}) {
  const t = new FakeTransport();
  const logs: { level: string; obj: object; msg?: string }[] = [];
  const logger = {
    debug: (obj: object, msg?: string) => logs.push({ level: 'debug', obj, msg }),
    info: (obj: object, msg?: string) => logs.push({ level: 'info', obj, msg }),
    warn: (obj: object, msg?: string) => logs.push({ level: 'warn', obj, msg }),
  };
  const graph = createGraphClient({
    baseUrl: BASE,
    tokenProvider: async () => 'secret-token-abc',
    fetch: t.fetch,
    logger,
    random: () => 0.5,
    ...extra,
  });
  return { t, graph, logs };
}

async function settle<T>(p: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return p.then(
    (value) => ({ value }),
    (error) => ({ error }),
  );
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-24T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('headers', () => {
  it('sends the bearer token over plain http and immutable ids on every call', async () => {
    const { t, graph } = setup();
    t.on('GET', '/users/a/messages', () => jsonResponse(200, { value: [] }));
    await graph.json({ path: '/users/a/messages' });
    const h = t.calls[0]!.headers;
    expect(h.get('authorization')).toBe('Bearer secret-token-abc');
    expect(h.get('prefer')).toBe('IdType="ImmutableId"');
    expect(h.get('client-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('merges other Prefer values with the immutable-id preference', async () => {
    const { t, graph } = setup();
    t.on('GET', '/users/a/calendarView', () => jsonResponse(200, { value: [] }));
    await graph.json({
      path: '/users/a/calendarView',
      prefer: ['odata.maxpagesize=200', 'outlook.timezone="W. Europe Standard Time"'],
    });
    const prefer = t.calls[0]!.headers.get('prefer')!;
    expect(prefer).toContain('IdType="ImmutableId"');
    expect(prefer).toContain('odata.maxpagesize=200');
    expect(prefer).toContain('outlook.timezone="W. Europe Standard Time"');
    expect(prefer.split(', ')).toHaveLength(3);
  });

  it('keeps immutable ids on retries and on nextLinks with another host', async () => {
    const { t, graph } = setup();
    t.on('GET', '/users/a/messages', (r) =>
      r.n === 1 ? graphErrorResponse(503, 'ServiceUnavailable') : jsonResponse(200, { value: [] }),
    );
    const p = graph.json({ path: 'http://localhost:3979/v1.0/users/a/messages?$skiptoken=x%3D1' });
    await vi.advanceTimersByTimeAsync(10_000);
    await p;
    expect(t.calls).toHaveLength(2);
    for (const c of t.calls) {
      expect(c.url.startsWith(BASE)).toBe(true);
      expect(c.query.get('$skiptoken')).toBe('x=1');
      expect(c.headers.get('prefer')).toContain('IdType="ImmutableId"');
      expect(c.headers.get('authorization')).toBe('Bearer secret-token-abc');
    }
  });
});

describe('header and key helpers', () => {
  it('merges Prefer values, keeping quoted commas and letting a later value of a name win', () => {
    expect(
      mergePrefer('IdType="ImmutableId", odata.maxpagesize=10', [
        'odata.maxpagesize=500',
        'x="a,b"',
      ]),
    ).toBe('IdType="ImmutableId", odata.maxpagesize=500, x="a,b"');
  });

  it('finds the mailbox of a request in every URL form Graph uses', () => {
    expect(mailboxKeyOf('/users/Shared%40Stockholm.example/messages?$top=1')).toBe(
      'shared@stockholm.example',
    );
    expect(
      mailboxKeyOf(
        "https://graph.microsoft.com/v1.0/users('ABC-1')/mailFolders('inbox')/messages/delta",
      ),
    ).toBe('abc-1');
    expect(mailboxKeyOf('/subscriptions')).toBeUndefined();
  });

  it('leaves an IdType the caller chose alone', async () => {
    const { t, graph } = setup();
    t.on('GET', '/users/a', () => jsonResponse(200, {}));
    await graph.json({ path: '/users/a', headers: { Prefer: 'IdType="RestId"' } });
    expect(t.calls[0]!.headers.get('prefer')).toBe('IdType="RestId"');
  });
});

describe('auth', () => {
  it('answers a 401 once with a freshly issued token, then gives up as unauthorized', async () => {
    const issued: boolean[] = [];
    const { t, graph } = setup({
      tokenProvider: async (o) => (issued.push(!!o?.forceRefresh), o?.forceRefresh ? 'new' : 'old'),
    });
    t.on('GET', '/users/a', (r) =>
      r.headers.get('authorization') === 'Bearer new'
        ? jsonResponse(200, { id: 'a' })
        : graphErrorResponse(401, 'InvalidAuthenticationToken', 'Access token has expired.'),
    );
    expect(await graph.json({ path: '/users/a' })).toEqual({ id: 'a' });
    expect(issued).toEqual([false, true]);
    t.on('GET', '/users/b', () => graphErrorResponse(401, 'InvalidAuthenticationToken'));
    const { error } = await settle(graph.json({ path: '/users/b' }));
    expect(error).toMatchObject({ reason: 'unauthorized', status: 401 });
    expect(t.callsTo('GET', '/users/b')).toHaveLength(2);
  });
});

describe('retry', () => {
  it('waits exactly the Retry-After seconds before sending again', async () => {
    const { t, graph } = setup();
    t.on(
      'GET',
      '/users/a',
      sequence(
        () => graphErrorResponse(429, 'ApplicationThrottled', 'slow down', { 'Retry-After': '7' }),
        () => jsonResponse(200, { id: 'a' }),
      ),
    );
    const p = graph.json<{ id: string }>({ path: '/users/a' });
    await vi.advanceTimersByTimeAsync(6_999);
    expect(t.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await p).toEqual({ id: 'a' });
    expect(t.calls).toHaveLength(2);
    expect(graph.stats()).toMatchObject({ requests: 2, retries: 1, throttled: 1 });
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const { t, graph } = setup();
    const when = new Date(Date.now() + 12_000).toUTCString();
    t.on(
      'GET',
      '/users/a',
      sequence(
        () => graphErrorResponse(429, 'TooManyRequests', 'x', { 'Retry-After': when }),
        () => jsonResponse(200, { id: 'a' }),
      ),
    );
    const p = graph.json({ path: '/users/a' });
    await vi.advanceTimersByTimeAsync(11_000);
    expect(t.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await p;
    expect(t.calls).toHaveLength(2);
  });

  it('gives up after the configured retries with a throttled GraphError carrying Retry-After', async () => {
    const { t, graph } = setup({ retry: { maxRetries: 3 } });
    t.on('GET', '/users/a', () =>
      graphErrorResponse(429, 'ApplicationThrottled', 'x', {
        'Retry-After': '2',
        'request-id': 'rq-9',
      }),
    );
    const p = settle(graph.json({ path: '/users/a' }));
    await vi.advanceTimersByTimeAsync(60_000);
    const { error } = await p;
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({
      reason: 'throttled',
      status: 429,
      code: 'ApplicationThrottled',
      requestId: 'rq-9',
      retryAfterMs: 2000,
    });
    expect(t.calls).toHaveLength(4);
  });

  it('does not sleep through a Retry-After longer than the cap: the caller gets it to reschedule', async () => {
    const { t, graph } = setup({ retry: { maxDelayMs: 30_000 } });
    t.on('GET', '/users/a', () =>
      graphErrorResponse(429, 'MailboxConcurrency', 'x', { 'Retry-After': '600' }),
    );
    const { error } = await settle(graph.json({ path: '/users/a' }));
    expect(error).toMatchObject({ reason: 'throttled', retryAfterMs: 600_000 });
    expect(t.calls).toHaveLength(1);
  });

  it('retries 503 and 504 with growing backoff when no Retry-After is given', async () => {
    const { t, graph } = setup({ retry: { baseDelayMs: 1000 } });
    const times: number[] = [];
    t.on(
      'GET',
      '/users/a',
      sequence(
        () => (times.push(Date.now()), graphErrorResponse(503, 'ServiceUnavailable')),
        () => (times.push(Date.now()), graphErrorResponse(504, 'GatewayTimeout')),
        () => (times.push(Date.now()), jsonResponse(200, { id: 'a' })),
      ),
    );
    const p = graph.json({ path: '/users/a' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await p).toEqual({ id: 'a' });
    // random() = 0.5: waits are 0.75 × 1000 and 0.75 × 2000
    expect([times[1]! - times[0]!, times[2]! - times[1]!]).toEqual([750, 1500]);
  });

  it('does not send a mail twice after a 504 (the send may have happened)', async () => {
    const { t, graph } = setup();
    t.on('POST', '/users/shared/sendMail', () => graphErrorResponse(504, 'GatewayTimeout'));
    const { error } = await settle(
      graph.json({ method: 'POST', path: '/users/shared/sendMail', body: { message: {} } }),
    );
    expect(error).toMatchObject({ reason: 'timeout', status: 504 });
    expect(t.calls).toHaveLength(1);
  });

  it('does send a mail again after a 429 (Graph did not take it)', async () => {
    const { t, graph } = setup();
    t.on(
      'POST',
      '/users/shared/sendMail',
      sequence(
        () => graphErrorResponse(429, 'x', 'x', { 'Retry-After': '1' }),
        () => new Response(null, { status: 202 }),
      ),
    );
    const p = graph.json({ method: 'POST', path: '/users/shared/sendMail', body: { message: {} } });
    await vi.advanceTimersByTimeAsync(1_000);
    await p;
    expect(t.calls).toHaveLength(2);
    expect(t.calls[1]!.body).toEqual({ message: {} });
  });
});

describe('timeout', () => {
  it('aborts a request that takes too long and raises a timeout GraphError', async () => {
    const { t, graph } = setup({ timeoutMs: 5_000, retry: { maxRetries: 0 } });
    t.on('GET', '/users/a', hang);
    const p = settle(graph.json({ path: '/users/a' }));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(t.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const { error } = await p;
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ reason: 'timeout' });
    expect(t.calls[0]!.signal?.aborted).toBe(true);
  });

  it('tries a timed-out read again and succeeds when the service answers', async () => {
    const { t, graph } = setup({ timeoutMs: 5_000 });
    t.on(
      'GET',
      '/users/a',
      sequence(hang, () => jsonResponse(200, { id: 'a' })),
    );
    const p = graph.json({ path: '/users/a' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await p).toEqual({ id: 'a' });
  });

  it('does not resend a timed-out write', async () => {
    const { t, graph } = setup({ timeoutMs: 5_000 });
    t.on('POST', '/users/a/events', hang);
    const p = settle(graph.json({ method: 'POST', path: '/users/a/events', body: {} }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect((await p).error).toMatchObject({ reason: 'timeout' });
    expect(t.calls).toHaveLength(1);
  });

  it('stops at once when the caller aborts', async () => {
    const { t, graph } = setup({ timeoutMs: 60_000 });
    t.on('GET', '/users/a', hang);
    const ac = new AbortController();
    const p = settle(graph.json({ path: '/users/a', signal: ac.signal }));
    await vi.advanceTimersByTimeAsync(10);
    ac.abort();
    await vi.advanceTimersByTimeAsync(0);
    const { error } = await p;
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ reason: 'timeout', code: 'Aborted' });
    expect(t.calls).toHaveLength(1);
  });
});

describe('per-mailbox concurrency', () => {
  it('never has more than 4 requests in flight per mailbox, and other mailboxes are not held up', async () => {
    const { t, graph } = setup();
    const release: (() => void)[] = [];
    const held = (r: FakeRequest) =>
      new Promise<Response>((resolve) =>
        release.push(() => resolve(jsonResponse(200, { p: r.path }))),
      );
    t.on('GET', /^\/users\/shared@stockholm\.example\//, held);
    t.on('GET', /^\/users\/other\//, () => jsonResponse(200, { ok: true }));

    const shared = Array.from({ length: 12 }, (_, i) =>
      graph.json({ path: `/users/shared@stockholm.example/messages/m${i}` }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(t.calls).toHaveLength(4);

    // Another mailbox goes straight through while the shared one is saturated.
    await graph.json({ path: '/users/other/messages/x' });
    expect(t.callsTo('GET', /^\/users\/other\//)).toHaveLength(1);

    while (release.length) {
      release.shift()!();
      await vi.advanceTimersByTimeAsync(0);
    }
    await Promise.all(shared);
    expect(t.callsTo('GET', /shared/)).toHaveLength(12);
    expect(t.maxInFlight.get('shared@stockholm.example')).toBe(4);
    expect(graph.stats().maxInFlightByMailbox['shared@stockholm.example']).toBe(4);
  });

  it('does not hold a mailbox slot while waiting out a Retry-After', async () => {
    const { t, graph } = setup();
    t.on('GET', /^\/users\/a\/messages\/slow/, (r) =>
      r.n <= 4 ? graphErrorResponse(429, 'x', 'x', { 'Retry-After': '30' }) : jsonResponse(200, {}),
    );
    t.on('GET', '/users/a/messages/fast', () => jsonResponse(200, { fast: true }));
    const slow = Array.from({ length: 4 }, (_, i) =>
      graph.json({ path: `/users/a/messages/slow${i}` }),
    );
    await vi.advanceTimersByTimeAsync(0);
    // Four requests are sleeping on Retry-After; a fifth still gets through now.
    expect(await graph.json({ path: '/users/a/messages/fast' })).toEqual({ fast: true });
    await vi.advanceTimersByTimeAsync(30_000);
    await Promise.all(slow);
  });
});

describe('error mapping', () => {
  const cases: [number, string, string][] = [
    [400, 'BadRequest', 'bad-request'],
    [401, 'InvalidAuthenticationToken', 'unauthorized'],
    [403, 'ErrorAccessDenied', 'forbidden'],
    [404, 'ErrorItemNotFound', 'not-found'],
    [409, 'ErrorFolderExists', 'conflict'],
    [410, 'SyncStateNotFound', 'gone'],
    [400, 'syncStateNotFound', 'gone'],
    [413, 'RequestEntityTooLarge', 'too-large'],
    [500, 'InternalServerError', 'unavailable'],
  ];
  for (const [status, code, reason] of cases) {
    it(`${status} ${code} → ${reason}`, async () => {
      const { t, graph } = setup();
      t.on('GET', '/users/a', () =>
        graphErrorResponse(status, code, 'msg', { 'request-id': 'rid-1' }),
      );
      const { error } = await settle(graph.json({ path: '/users/a' }));
      expect(error).toBeInstanceOf(GraphError);
      expect(error).toMatchObject({ reason, status, code, requestId: 'rid-1' });
    });
  }

  it('a network failure becomes an unavailable GraphError after retries', async () => {
    const { graph } = setup({
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
      retry: { maxRetries: 2 },
    });
    const p = settle(graph.json({ path: '/users/a' }));
    await vi.advanceTimersByTimeAsync(60_000);
    const { error } = await p;
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ reason: 'unavailable' });
    expect(graph.stats().requests).toBe(3);
  });
});

describe('logging', () => {
  it('logs request ids and outcomes without tokens', async () => {
    const { t, graph, logs } = setup();
    t.on('GET', /delta/, () => jsonResponse(200, { value: [] }, { 'request-id': 'srv-1' }));
    t.on('GET', '/users/a', () => graphErrorResponse(404, 'ErrorItemNotFound'));
    await graph.json({ path: '/users/a/mailFolders/inbox/messages/delta?$deltatoken=SECRETSTATE' });
    await settle(graph.json({ path: '/users/a' }));
    const text = JSON.stringify(logs);
    expect(text).toContain('srv-1');
    expect(text).toContain('"status":404');
    expect(text).not.toContain('secret-token-abc');
    expect(text).not.toContain('SECRETSTATE');
  });
});
