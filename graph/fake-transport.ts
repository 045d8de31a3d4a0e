// A scripted stand-in for HTTP under the Graph client, for unit tests here and in features/:
// routes answer by method + path, every call is recorded with its headers and body, and the
// number of calls in flight per mailbox is tracked.
import type { FetchLike } from './middleware.js';
import { mailboxKeyOf } from './middleware.js';

export interface FakeRequest {
  method: string;
  url: string;
  /** Path after the version segment, e.g. /users/a/messages */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | undefined;
  /** 1-based count of calls that matched this route so far. */
  n: number;
}

export type FakeReply = (req: FakeRequest) => Response | Promise<Response>;

interface Route {
  method: string;
  path: string | RegExp;
  reply: FakeReply;
  hits: number;
}

export function jsonResponse(
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): Response {
  if (body === undefined || status === 204) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function graphErrorResponse(
  status: number,
  code: string,
  message = code,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(
    status,
    { error: { code, message, innerError: { 'request-id': 'req-' + code } } },
    headers,
  );
}

/** A reply that never answers unless the request is aborted (for timeouts). */
export const hang: FakeReply = (req) =>
  new Promise<Response>((_resolve, reject) => {
    req.signal?.addEventListener('abort', () => reject(req.signal?.reason ?? new Error('aborted')));
  });

/** Replies in turn; the last one repeats. */
export function sequence(...replies: FakeReply[]): FakeReply {
  let i = 0;
  return (req) => replies[Math.min(i++, replies.length - 1)]!(req);
}

export class FakeTransport {
  readonly calls: FakeRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly inFlight = new Map<string, number>();
  readonly maxInFlight = new Map<string, number>();

  on(method: string, path: string | RegExp, reply: FakeReply): this {
    this.routes.unshift({ method: method.toUpperCase(), path, reply, hits: 0 });
    return this;
  }

  callsTo(method: string, path: string | RegExp): FakeRequest[] {
    return this.calls.filter(
      (c) =>
        c.method === method.toUpperCase() &&
        (typeof path === 'string' ? c.path === path : path.test(c.path)),
    );
  }

  readonly fetch: FetchLike = async (url, init) => {
    const u = new URL(url);
    const path = u.pathname.replace(/^\/(v1\.0|beta)/, '');
    const method = (init.method ?? 'GET').toUpperCase();
    let body: unknown = init.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        /* keep text */
      }
    }
    const route = this.routes.find(
      (r) =>
        r.method === method && (typeof r.path === 'string' ? r.path === path : r.path.test(path)),
    );
    const req: FakeRequest = {
      method,
      url,
      path,
      query: u.searchParams,
      headers: new Headers(init.headers as HeadersInit),
      body,
      signal: init.signal ?? undefined,
      n: route ? ++route.hits : 0,
    };
    this.calls.push(req);
    const key = mailboxKeyOf(path) ?? '';
    const now = (this.inFlight.get(key) ?? 0) + 1;
    this.inFlight.set(key, now);
    if (now > (this.maxInFlight.get(key) ?? 0)) this.maxInFlight.set(key, now);
    try {
      if (!route)
        return graphErrorResponse(404, 'ResourceNotFound', `No fake route for ${method} ${path}`);
      return await route.reply(req);
    } finally {
      this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
    }
  };
}
