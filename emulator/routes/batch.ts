// JSON batching: POST /$batch with at most 20 requests, dependsOn ordering (a failed dependency gives
// 424 Failed Dependency), items run up to 4 at a time like Graph dispatches them to Outlook, each
// through the same pipeline (so injected faults and mailbox limits give per-item 429s).
import type { Dispatcher } from '../dispatch.js';
import { badRequest, errorBody } from '../errors.js';
import { parsePrefer } from '../odata.js';
import type { GraphRequest, GraphResponse, Router } from '../router.js';
import { guid } from '../ids.js';

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

const PARALLEL = 4;

export function registerBatch(r: Router, dispatcher: Dispatcher): void {
  r.post('/$batch', 'batch', async (req) => {
    const body = req.body as { requests?: unknown } | undefined;
    if (!body || !Array.isArray(body.requests))
      throw badRequest('Invalid batch payload format.', 'BadRequest');
    const items = body.requests as BatchItem[];
    if (items.length > 20)
      throw badRequest('Number of batch request steps exceeds the maximum of 20.', 'BadRequest');
    const ids = new Set<string>();
    for (const it of items) {
      if (
        !it ||
        typeof it.id !== 'string' ||
        typeof it.method !== 'string' ||
        typeof it.url !== 'string'
      )
        throw badRequest(
          'Invalid batch payload format: every request needs id, method and url.',
          'BadRequest',
        );
      if (ids.has(it.id))
        throw badRequest(`Batch request id '${it.id}' is duplicated.`, 'BadRequest');
      ids.add(it.id);
    }
    for (const it of items)
      for (const d of it.dependsOn ?? [])
        if (!ids.has(d))
          throw badRequest(
            `Batch request '${it.id}' depends on unknown request '${d}'.`,
            'BadRequest',
          );

    const results = new Map<string, GraphResponse>();
    const started = new Set<string>();
    const done = new Map<string, Promise<void>>();
    const runItem = async (it: BatchItem): Promise<void> => {
      const deps = it.dependsOn ?? [];
      await Promise.all(deps.map((d) => done.get(d)));
      const failed = deps.some((d) => {
        const st = results.get(d)?.status ?? 0;
        return st < 200 || st >= 300;
      });
      if (failed) {
        const rid = guid();
        results.set(it.id, {
          status: 424,
          body: errorBody('FailedDependency', 'Failed dependency.', rid, rid, new Date()),
        });
        return;
      }
      results.set(it.id, await runOne(dispatcher, req, it));
    };
    // Items without dependencies start in order, PARALLEL at a time; dependents wait for theirs.
    let active = 0;
    const queue = [...items];
    await new Promise<void>((resolve) => {
      const pump = () => {
        if (results.size === items.length) return resolve();
        while (active < PARALLEL && queue.length) {
          const idx = queue.findIndex((it) => (it.dependsOn ?? []).every((d) => results.has(d)));
          if (idx < 0) break;
          const it = queue.splice(idx, 1)[0]!;
          started.add(it.id);
          active++;
          const p = runItem(it).finally(() => {
            active--;
            pump();
          });
          done.set(it.id, p);
        }
      };
      pump();
    });
    return {
      status: 200,
      body: {
        responses: items.map((it) => {
          const res = results.get(it.id)!;
          return {
            id: it.id,
            status: res.status,
            headers: res.headers ?? {},
            ...(res.raw !== undefined
              ? { body: Buffer.isBuffer(res.raw) ? res.raw.toString('base64') : res.raw }
              : res.body !== undefined
                ? { body: res.body }
                : {}),
          };
        }),
      },
    };
  });
}

async function runOne(
  dispatcher: Dispatcher,
  outer: GraphRequest,
  it: BatchItem,
): Promise<GraphResponse> {
  const url = /^https?:\/\//i.test(it.url)
    ? new URL(it.url)
    : new URL(it.url.startsWith('/') ? it.url : '/' + it.url, 'http://batch.local');
  // Each step carries its own headers; the outer request's (Prefer, Content-Type…) do not apply to it.
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(it.headers ?? {})) headers[k.toLowerCase()] = String(v);
  const requestId = guid();
  const sub: GraphRequest = {
    method: it.method.toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: it.body,
    baseUrl: outer.baseUrl,
    requestId,
    clientRequestId: headers['client-request-id'] ?? requestId,
    auth: outer.auth,
    prefer: parsePrefer(headers),
    inBatch: true,
  };
  if (
    it.body !== undefined &&
    !(it.headers && Object.keys(it.headers).some((h) => h.toLowerCase() === 'content-type'))
  ) {
    const rid = guid();
    return {
      status: 400,
      body: errorBody(
        'BadRequest',
        'Write request id : ' + it.id + ' does not contain Content-Type header or body.',
        rid,
        rid,
        new Date(),
      ),
    };
  }
  const res = await dispatcher.run(sub, false);
  const { 'request-id': _r, 'client-request-id': _c, ...rest } = res.headers ?? {};
  const headersOut: Record<string, string> = { ...rest };
  if (
    res.body !== undefined &&
    !Object.keys(headersOut).some((h) => h.toLowerCase() === 'content-type')
  )
    headersOut['Content-Type'] =
      'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';
  return { ...res, headers: headersOut };
}
