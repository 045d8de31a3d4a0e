// The Graph client the app uses: the SDK's Client over our own middleware chain, wrapped in a small
// `Graph` object that builds URLs (base URL, query, nextLinks), maps failures to GraphError in one
// place and counts requests. The same code talks to graph.microsoft.com and to the emulator.
import { Client, ResponseType } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from './auth.js';
import { errorFromFailure, errorFromResponse, isGraphError } from './errors.js';
import {
  AuthMiddleware,
  DefaultHeadersMiddleware,
  LoggingMiddleware,
  MailboxConcurrencyMiddleware,
  RetryMiddleware,
  TimeoutMiddleware,
  TransportMiddleware,
  mergePrefer,
  newStats,
  type FetchLike,
  type GraphLogger,
  type GraphStats,
  type RetryOptions,
  type Sleep,
  type TokenSource,
} from './middleware.js';

export type { FetchLike, GraphLogger, GraphStats, RetryOptions, Sleep } from './middleware.js';

export const IMMUTABLE_ID_PREFER = 'IdType="ImmutableId"';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | string[] | undefined;

export interface GraphRequest {
  method?: HttpMethod;
  /** `/users/{id}/messages`, or an absolute @odata.nextLink / @odata.deltaLink from Graph. */
  path: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** Extra Prefer values (odata.maxpagesize=…, outlook.timezone=…), merged with the defaults. */
  prefer?: string[];
  body?: unknown;
  signal?: AbortSignal;
}

export interface GraphClientOptions {
  /** https://graph.microsoft.com/v1.0, or the emulator's http://127.0.0.1:3979/v1.0. */
  baseUrl: string;
  /** App tokens, or any token source (an OBO token for a signed-in user). */
  tokenProvider:
    | Pick<TokenProvider, 'getAppToken'>
    | ((options?: { forceRefresh?: boolean }) => Promise<string>);
  logger?: GraphLogger;
  fetch?: FetchLike;
  sleep?: Sleep;
  now?: () => number;
  random?: () => number;
  /** Outlook's limit is 4 concurrent requests per app per mailbox. */
  maxConcurrencyPerMailbox?: number;
  /** Per attempt, until response headers arrive (default 30 s). */
  timeoutMs?: number;
  retry?: RetryOptions;
}

export interface Graph {
  readonly baseUrl: string;
  /** The SDK client, for anything the typed modules don't cover (already on our chain). */
  readonly sdk: Client;
  /** JSON body of a 2xx response (undefined for 202/204 with no body); GraphError otherwise. */
  json<T>(req: GraphRequest): Promise<T>;
  /** The raw 2xx Response (for $value streams and ranges); GraphError otherwise. */
  raw(req: GraphRequest): Promise<Response>;
  /** The injected clock and sleep, for helpers that wait (the $batch item retries). */
  readonly now: () => number;
  readonly sleep: Sleep;
  readonly random: () => number;
  /** Counters since creation or the last resetStats(). */
  stats(): GraphStats;
  resetStats(): void;
}

const defaultSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Build `path?query` with values encoded; arrays become comma lists ($select=a,b). */
export function buildPath(path: string, query?: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    const value = Array.isArray(v) ? v.join(',') : String(v);
    parts.push(`${k}=${encodeURIComponent(value)}`);
  }
  if (parts.length === 0) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

export function createGraphClient(opts: GraphClientOptions): Graph {
  const base = new URL(opts.baseUrl.replace(/\/+$/, ''));
  const segments = base.pathname.split('/').filter(Boolean);
  const version = segments.pop() ?? 'v1.0';
  const host = `${base.origin}${segments.length ? `/${segments.join('/')}` : ''}`;
  const versionPrefix = `${segments.length ? `/${segments.join('/')}` : ''}/${version}`;
  const baseUrl = `${host}/${version}`;

  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const tp = opts.tokenProvider;
  const token: TokenSource = typeof tp === 'function' ? tp : (o) => tp.getAppToken(undefined, o);
  // One counters object for the chain's lifetime; resetStats() zeroes it in place.
  const stats = newStats();

  const chain = [
    new LoggingMiddleware(opts.logger, now),
    new DefaultHeadersMiddleware([IMMUTABLE_ID_PREFER]),
    new RetryMiddleware(opts.retry ?? {}, sleep, now, random, stats, opts.logger),
    new AuthMiddleware(token),
    new MailboxConcurrencyMiddleware(opts.maxConcurrencyPerMailbox ?? 4, stats),
    new TimeoutMiddleware(opts.timeoutMs ?? 30_000),
    new TransportMiddleware(opts.fetch ?? ((url, init) => fetch(url, init)), stats),
  ];
  const sdk = Client.initWithMiddleware({
    baseUrl: host,
    defaultVersion: version,
    middleware: chain,
  });

  // Graph's links are absolute; the SDK only parses https ones, so we make them relative to the
  // version segment (the emulator's links are http) and let the SDK put our base back in front.
  function relative(path: string): string {
    if (!/^https?:\/\//i.test(path)) return path.startsWith('/') ? path : `/${path}`;
    const u = new URL(path);
    const p = u.pathname.startsWith(`${versionPrefix}/`)
      ? u.pathname.slice(versionPrefix.length)
      : u.pathname.replace(/^\/(v1\.0|beta)(?=\/)/, '');
    return `${p}${u.search}`;
  }

  async function send(req: GraphRequest): Promise<Response> {
    const method = req.method ?? 'GET';
    const path = buildPath(relative(req.path), req.query);
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    if (req.prefer?.length) {
      const existing = Object.entries(headers).find(([k]) => k.toLowerCase() === 'prefer');
      if (existing) delete headers[existing[0]];
      headers.Prefer = mergePrefer(existing?.[1], req.prefer);
    }
    let r = sdk.api(path).responseType(ResponseType.RAW).headers(headers);
    if (req.signal) r = r.option('signal', req.signal);
    try {
      switch (method) {
        case 'GET':
          return (await r.get()) as Response;
        case 'POST':
          return (await r.post(req.body)) as Response;
        case 'PATCH':
          return (await r.patch(req.body)) as Response;
        case 'PUT':
          return (await r.put(req.body)) as Response;
        case 'DELETE':
          return (await r.delete()) as Response;
      }
    } catch (e) {
      if (isGraphError(e)) throw e;
      throw errorFromFailure(e, { method, url: `${baseUrl}${path}` });
    }
  }

  async function raw(req: GraphRequest): Promise<Response> {
    const res = await send(req);
    if (res.ok) return res;
    const text = await res.text().catch(() => '');
    throw errorFromResponse(res, text, {
      method: req.method ?? 'GET',
      url: req.path,
      nowMs: now(),
    });
  }

  return {
    baseUrl,
    sdk,
    raw,
    now,
    sleep,
    random,
    async json<T>(req: GraphRequest): Promise<T> {
      const res = await raw(req);
      if (res.status === 204) return undefined as T;
      const text = await res.text();
      if (!text) return undefined as T;
      try {
        return JSON.parse(text) as T;
      } catch (e) {
        throw errorFromFailure(e, { method: req.method ?? 'GET', url: req.path });
      }
    },
    stats: () => ({ ...stats, maxInFlightByMailbox: { ...stats.maxInFlightByMailbox } }),
    resetStats() {
      Object.assign(stats, newStats());
    },
  };
}

/** Graph collections: one page. */
export interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** Every item of a collection, following @odata.nextLink. */
export async function* pages<T>(graph: Graph, first: GraphRequest): AsyncGenerator<T[]> {
  let req: GraphRequest | undefined = first;
  while (req) {
    const page: Page<T> = await graph.json<Page<T>>(req);
    yield page.value ?? [];
    const next = page['@odata.nextLink'];
    req = next ? { path: next, headers: first.headers, prefer: first.prefer } : undefined;
  }
}

export async function collect<T>(
  graph: Graph,
  first: GraphRequest,
  limit = Infinity,
): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages<T>(graph, first)) {
    for (const item of page) {
      if (out.length >= limit) return out;
      out.push(item);
    }
  }
  return out;
}

/** Path segment for a user id or UPN/mail, encoded. */
export const userPath = (mailbox: string) => `/users/${encodeURIComponent(mailbox)}`;
