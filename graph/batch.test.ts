// $batch: chunks of 20, per-item 429 retried after its own Retry-After, order kept, dependsOn.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batch, planBatches, type BatchItem } from './batch.js';
import { createGraphClient } from './client.js';
import { FakeTransport, jsonResponse, type FakeRequest } from './fake-transport.js';

interface WireReq {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  dependsOn?: string[];
}

function setup(
  answer: (
    item: WireReq,
    call: number,
  ) => { status: number; headers?: Record<string, string>; body?: unknown },
) {
  const t = new FakeTransport();
  let call = 0;
  t.on('POST', '/$batch', (r: FakeRequest) => {
    call++;
    const requests = (r.body as { requests: WireReq[] }).requests;
    // Graph may answer in any order: reverse to prove we match by id.
    const responses = requests.map((q) => ({ id: q.id, ...answer(q, call) })).reverse();
    return jsonResponse(200, { responses });
  });
  const graph = createGraphClient({
    baseUrl: 'https://graph.microsoft.com/v1.0',
    tokenProvider: async () => 't',
    fetch: t.fetch,
    random: () => 0.5,
  });
  return { t, graph };
}

const batchBodies = (t: FakeTransport) =>
  t.callsTo('POST', '/$batch').map((c) => (c.body as { requests: WireReq[] }).requests);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('$batch', () => {
  it('sends at most 20 per batch and returns results in input order', async () => {
    const { t, graph } = setup((q) => ({ status: 200, body: { url: q.url } }));
    const items: BatchItem[] = Array.from({ length: 45 }, (_, i) => ({
      url: `/users/u${i}/messages?$top=1`,
    }));
    const results = await batch(graph, items);
    expect(batchBodies(t).map((b) => b.length)).toEqual([20, 20, 5]);
    expect(results.map((r) => (r.body as { url: string }).url)).toEqual(items.map((i) => i.url));
    expect(results.every((r) => r.status === 200 && !r.error)).toBe(true);
  });

  it('asks for immutable ids on every item', async () => {
    const { t, graph } = setup(() => ({ status: 200, body: {} }));
    await batch(graph, [
      { url: '/users/a/messages/1', headers: { Prefer: 'outlook.body-content-type="text"' } },
    ]);
    const h = batchBodies(t)[0]![0]!.headers;
    expect(h.Prefer).toContain('IdType="ImmutableId"');
    expect(h.Prefer).toContain('outlook.body-content-type="text"');
  });

  it('retries only the items answered 429, after their Retry-After, keeping order', async () => {
    const { t, graph } = setup((q, call) =>
      call === 1 && Number(q.id) % 3 === 0
        ? {
            status: 429,
            headers: { 'Retry-After': '4' },
            body: { error: { code: 'TooManyRequests' } },
          }
        : { status: 200, body: { id: q.id, call } },
    );
    const items = Array.from({ length: 10 }, (_, i) => ({ url: `/users/a/messages/m${i}` }));
    const p = batch(graph, items);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(t.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const results = await p;
    const bodies = batchBodies(t);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]!.map((q) => q.id)).toEqual(['3', '6', '9']);
    expect(results.map((r) => r.id)).toEqual(items.map((_, i) => String(i + 1)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => (r.body as { call: number }).call === 2)).toHaveLength(3);
  });

  it('retries per-item 503/504 with backoff and reports items still throttled after the cap', async () => {
    const { graph } = setup((q) =>
      q.id === '2'
        ? {
            status: 429,
            headers: { 'retry-after': '1' },
            body: { error: { code: 'ApplicationThrottled', message: 'x' } },
          }
        : q.id === '3'
          ? { status: 404, body: { error: { code: 'ErrorItemNotFound', message: 'gone' } } }
          : { status: 200, body: {} },
    );
    const p = batch(graph, [{ url: '/a' }, { url: '/b' }, { url: '/c' }], { maxRetries: 2 });
    await vi.advanceTimersByTimeAsync(10_000);
    const results = await p;
    expect(results[0]!.error).toBeUndefined();
    expect(results[1]!.error).toMatchObject({
      reason: 'throttled',
      status: 429,
      retryAfterMs: 1000,
    });
    expect(results[2]!.error).toMatchObject({ reason: 'not-found', code: 'ErrorItemNotFound' });
  });

  it('keeps dependsOn chains in one batch and resends a dependent whose dependency was throttled', async () => {
    const seen = new Map<string, number>();
    const { t, graph } = setup((q) => {
      const n = (seen.get(q.id) ?? 0) + 1;
      seen.set(q.id, n);
      if (q.id === 'create' && n === 1) return { status: 429, headers: { 'Retry-After': '1' } };
      if (q.id === 'send' && n === 1)
        return { status: 424, body: { error: { code: 'FailedDependency' } } };
      return { status: 200, body: { id: q.id } };
    });
    const filler = Array.from({ length: 19 }, (_, i) => ({ id: `f${i}`, url: `/users/a/x${i}` }));
    const p = batch(graph, [
      ...filler,
      { id: 'create', method: 'POST', url: '/users/a/messages', body: { subject: 'x' } },
      { id: 'send', method: 'POST', url: '/users/a/messages/draft/send', dependsOn: ['create'] },
    ]);
    await vi.advanceTimersByTimeAsync(1_000);
    const results = await p;
    const bodies = batchBodies(t);
    // The pair did not fit beside 19 fillers: it went in its own batch, together.
    expect(bodies[0]!.map((q) => q.id)).toEqual(filler.map((f) => f.id));
    expect(bodies[1]!.map((q) => q.id)).toEqual(['create', 'send']);
    expect(bodies[1]![1]!.dependsOn).toEqual(['create']);
    expect(bodies[1]![0]!.headers['Content-Type']).toBe('application/json');
    expect(bodies[2]!.map((q) => q.id)).toEqual(['create', 'send']);
    expect(results.slice(-2).map((r) => r.status)).toEqual([200, 200]);
  });

  it('refuses a chain longer than 20 or an unknown dependency', () => {
    const chain = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      url: '/x',
      ...(i ? { dependsOn: [String(i - 1)] } : {}),
    }));
    expect(() => planBatches(chain)).toThrow(/exceeds 20/);
    expect(() => planBatches([{ id: 'a', url: '/x', dependsOn: ['zz'] }])).toThrow(/unknown/);
  });
});

/** Like Graph: an item whose dependency did not succeed is answered 424 and not run. */
function chainAware(
  answer: (
    item: WireReq,
    call: number,
  ) => { status: number; headers?: Record<string, string>; body?: unknown },
) {
  return setup((q, call) =>
    q.dependsOn?.some((d) => failed.has(`${call}:${d}`))
      ? (failed.add(`${call}:${q.id}`),
        { status: 424, body: { error: { code: 'FailedDependency' } } })
      : (() => {
          const r = answer(q, call);
          if (r.status >= 300) failed.add(`${call}:${q.id}`);
          return r;
        })(),
  );
}
const failed = new Set<string>();

describe('$batch on one mailbox (one slot per batch)', () => {
  beforeEach(() => failed.clear());

  it('chains the items with dependsOn so Graph runs them one at a time', async () => {
    const { t, graph } = setup(() => ({ status: 200, body: {} }));
    await batch(
      graph,
      Array.from({ length: 3 }, (_, i) => ({ url: `/users/shared/messages/m${i}/attachments` })),
    );
    const [body] = batchBodies(t);
    expect(body!.map((q) => q.dependsOn)).toEqual([undefined, ['1'], ['2']]);
    // The client's limiter counts the batch against that mailbox.
    expect(graph.stats().maxInFlightByMailbox).toEqual({ shared: 1 });
  });

  it('does not chain items of several mailboxes, nor when told not to', async () => {
    const { t, graph } = setup(() => ({ status: 200, body: {} }));
    await batch(graph, [{ url: '/users/a/messages' }, { url: '/users/b/messages' }]);
    await batch(graph, [{ url: '/users/a/messages/1' }, { url: '/users/a/messages/2' }], {
      sequential: false,
    });
    expect(
      batchBodies(t)
        .flat()
        .every((q) => q.dependsOn === undefined),
    ).toBe(true);
  });

  it('sends the rest of a chain broken by a missing mail again, at once, and keeps the 404', async () => {
    const { t, graph } = chainAware((q) =>
      q.id === '2'
        ? { status: 404, body: { error: { code: 'ErrorItemNotFound', message: 'gone' } } }
        : { status: 200, body: { id: q.id } },
    );
    const results = await batch(
      graph,
      Array.from({ length: 4 }, (_, i) => ({ url: `/users/shared/messages/m${i}/attachments` })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 404, 200, 200]);
    expect(results[1]!.error).toMatchObject({ reason: 'not-found' });
    const bodies = batchBodies(t);
    expect(bodies.map((b) => b.map((q) => q.id))).toEqual([
      ['1', '2', '3', '4'],
      ['3', '4'],
    ]);
    expect(bodies[1]!.map((q) => q.dependsOn)).toEqual([undefined, ['3']]);
  });

  it('retries a throttled item with the rest of its chain after Retry-After', async () => {
    const { t, graph } = chainAware((q, call) =>
      q.id === '2' && call === 1
        ? {
            status: 429,
            headers: { 'Retry-After': '2' },
            body: { error: { code: 'ApplicationThrottled' } },
          }
        : { status: 200, body: {} },
    );
    const p = batch(
      graph,
      Array.from({ length: 3 }, (_, i) => ({ url: `/users/shared/messages/m${i}` })),
    );
    await vi.advanceTimersByTimeAsync(1_999);
    expect(t.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const results = await p;
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(batchBodies(t)[1]!.map((q) => q.id)).toEqual(['2', '3']);
  });

  it('puts an item after its own dependencies in the chain and keeps a failed dependency final', async () => {
    const { t, graph } = chainAware((q) =>
      q.id === 'a'
        ? { status: 403, body: { error: { code: 'ErrorAccessDenied', message: 'no' } } }
        : { status: 200, body: {} },
    );
    const results = await batch(graph, [
      { id: 'b', url: '/users/shared/messages/2', dependsOn: ['a'] },
      { id: 'a', url: '/users/shared/messages/1' },
      { id: 'c', url: '/users/shared/messages/3' },
    ]);
    expect(batchBodies(t)[0]!.map((q) => q.id)).toEqual(['a', 'c', 'b']);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['b', 424],
      ['a', 403],
      ['c', 200],
    ]);
    expect(t.calls).toHaveLength(2);
  });
});
