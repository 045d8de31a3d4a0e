// The explicit middleware chain under the Graph SDK client: request ids and logs, default headers
// (immutable ids), retry, auth, per-mailbox concurrency, timeout, transport. Each piece is small
// and takes its clock/sleep/transport from outside so tests drive it with fake timers.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { randomUUID } from 'node:crypto';
import {
  ABORTED_CODE,
  errorFromFailure,
  isGraphError,
  parseRetryAfter,
  redactUrl,
} from './errors.js';

/** The subset of pino's API we use; pino loggers fit as they are. */
export interface GraphLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
export type Sleep = (ms: number) => Promise<void>;

export interface GraphStats {
  /** HTTP requests that reached the transport (retries included). */
  requests: number;
  retries: number;
  throttled: number;
  /** Highest number of requests in flight at once, per mailbox key. */
  maxInFlightByMailbox: Record<string, number>;
}

export function newStats(): GraphStats {
  return { requests: 0, retries: 0, throttled: 0, maxInFlightByMailbox: {} };
}

abstract class Link implements Middleware {
  protected next: Middleware | undefined;
  setNext(m: Middleware): void {
    this.next = m;
  }
  protected async pass(ctx: Context): Promise<void> {
    if (!this.next) throw new Error('Graph middleware chain ends without a transport');
    await this.next.execute(ctx);
  }
  abstract execute(ctx: Context): Promise<void>;
}

export function headersOf(ctx: Context): Headers {
  ctx.options ??= {};
  const h = ctx.options.headers;
  if (h instanceof Headers) return h;
  const headers = new Headers(h as HeadersInit | undefined);
  ctx.options.headers = headers;
  return headers;
}

export function urlOf(ctx: Context): string {
  return typeof ctx.request === 'string' ? ctx.request : ctx.request.url;
}

export function methodOf(ctx: Context): string {
  return (ctx.options?.method ?? 'GET').toUpperCase();
}

/** Outermost: a client-request-id per logical request, one log line per outcome, no tokens. */
export class LoggingMiddleware extends Link {
  constructor(
    private readonly logger: GraphLogger | undefined,
    private readonly now: () => number,
  ) {
    super();
  }
  async execute(ctx: Context): Promise<void> {
    const headers = headersOf(ctx);
    const clientRequestId = headers.get('client-request-id') ?? randomUUID();
    headers.set('client-request-id', clientRequestId);
    const started = this.now();
    const base = { method: methodOf(ctx), url: redactUrl(urlOf(ctx)), clientRequestId };
    try {
      await this.pass(ctx);
      const res = ctx.response;
      const line = {
        ...base,
        status: res?.status,
        requestId: res?.headers.get('request-id') ?? undefined,
        ms: this.now() - started,
      };
      if (res && res.status >= 400) this.logger?.warn(line, 'graph request failed');
      else this.logger?.debug(line, 'graph request');
    } catch (e) {
      this.logger?.warn(
        { ...base, ms: this.now() - started, reason: isGraphError(e) ? e.reason : 'unknown' },
        'graph request failed without response',
      );
      throw e;
    }
  }
}

/** Split a Prefer header into its preferences, respecting quoted values. */
export function splitPrefer(value: string | null): string[] {
  if (!value) return [];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const prefName = (p: string) => p.split('=')[0]!.trim().toLowerCase();

/** Merge Prefer values: later ones win per preference name; result is one comma-joined header. */
export function mergePrefer(...lists: (string | null | undefined | string[])[]): string {
  const byName = new Map<string, string>();
  for (const l of lists) {
    const items = Array.isArray(l) ? l.flatMap((x) => splitPrefer(x)) : splitPrefer(l ?? null);
    for (const p of items) byName.set(prefName(p), p);
  }
  return [...byName.values()].join(', ');
}

/** Immutable ids on every call (unless the caller chose an IdType), merged with other Prefer values. */
export class DefaultHeadersMiddleware extends Link {
  constructor(private readonly defaults: string[]) {
    super();
  }
  async execute(ctx: Context): Promise<void> {
    const headers = headersOf(ctx);
    const existing = headers.get('prefer');
    const names = new Set(splitPrefer(existing).map(prefName));
    const missing = this.defaults.filter((d) => !names.has(prefName(d)));
    if (missing.length) headers.set('Prefer', mergePrefer(missing, existing));
    await this.pass(ctx);
  }
}

export interface RetryOptions {
  /** Retries after the first attempt (default 5). */
  maxRetries?: number;
  /** First backoff step when the service gives no Retry-After (default 1 s). */
  baseDelayMs?: number;
  /** Longest single wait; a Retry-After beyond it ends retrying with 'throttled' (default 60 s). */
  maxDelayMs?: number;
}

const RETRY_STATUSES = new Set([429, 503, 504]);
// Actions Graph performs once on receipt: a 504 may mean it was done, so don't send it twice.
const NON_IDEMPOTENT_ACTION = /\/(sendMail|reply|replyAll|forward|send|cancel)$/i;

export function isRetryable(status: number, method: string, url: string): boolean {
  if (!RETRY_STATUSES.has(status)) return false;
  if (status === 504 && method === 'POST') {
    const path = url.split('?')[0]!;
    if (NON_IDEMPOTENT_ACTION.test(path)) return false;
  }
  return true;
}

/** Exponential backoff with jitter: half fixed, half random, so clients spread out. */
export function backoffMs(attempt: number, base: number, max: number, random: () => number) {
  const ceiling = Math.min(max, base * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export class RetryMiddleware extends Link {
  private readonly maxRetries: number;
  private readonly base: number;
  private readonly max: number;
  constructor(
    opts: RetryOptions,
    private readonly sleep: Sleep,
    private readonly now: () => number,
    private readonly random: () => number,
    private readonly stats: GraphStats,
    private readonly logger: GraphLogger | undefined,
  ) {
    super();
    this.maxRetries = opts.maxRetries ?? 5;
    this.base = opts.baseDelayMs ?? 1000;
    this.max = opts.maxDelayMs ?? 60_000;
  }

  async execute(ctx: Context): Promise<void> {
    const method = methodOf(ctx);
    const url = urlOf(ctx);
    for (let attempt = 0; ; attempt++) {
      let failure: unknown;
      try {
        ctx.response = undefined;
        await this.pass(ctx);
      } catch (e) {
        // No response at all: only reads are safe to send again.
        const transient =
          isGraphError(e) &&
          e.code !== ABORTED_CODE &&
          (e.reason === 'timeout' || e.reason === 'unavailable');
        if (!transient || method !== 'GET' || attempt >= this.maxRetries) throw e;
        failure = e;
      }
      let wait: number;
      if (failure) {
        wait = backoffMs(attempt, this.base, this.max, this.random);
      } else {
        const res = ctx.response!;
        if (res.status === 429) this.stats.throttled++;
        if (!isRetryable(res.status, method, url) || attempt >= this.maxRetries) return;
        const asked = parseRetryAfter(res.headers.get('retry-after'), this.now());
        if (asked !== undefined && asked > this.max) return; // caller reschedules; see retryAfterMs
        wait = asked ?? backoffMs(attempt, this.base, this.max, this.random);
        await res.body?.cancel().catch(() => undefined);
      }
      this.stats.retries++;
      this.logger?.debug(
        { method, url: redactUrl(url), attempt: attempt + 1, waitMs: wait },
        'graph retry',
      );
      await this.sleep(wait);
    }
  }
}

export type TokenSource = (options?: { forceRefresh?: boolean }) => Promise<string>;

/**
 * Sets Authorization on every request, http included (the SDK's own handler skips non-https).
 * A 401 to a cached token gets one more try with a freshly issued token (revoked or clock-skewed).
 */
export class AuthMiddleware extends Link {
  constructor(private readonly token: TokenSource) {
    super();
  }
  async execute(ctx: Context): Promise<void> {
    headersOf(ctx).set('Authorization', `Bearer ${await this.token()}`);
    await this.pass(ctx);
    if (ctx.response?.status !== 401) return;
    await ctx.response.body?.cancel().catch(() => undefined);
    headersOf(ctx).set('Authorization', `Bearer ${await this.token({ forceRefresh: true })}`);
    await this.pass(ctx);
  }
}

/** The mailbox a request works on: the {id} of /users/{id}/… (lower-cased, decoded). */
export function mailboxKeyOf(url: string): string | undefined {
  const path = url.split('?')[0]!;
  const m = /\/users(?:\/|\(')([^/')]+)/i.exec(path);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!).toLowerCase();
  } catch {
    return m[1]!.toLowerCase();
  }
}

/** FIFO counting semaphore per key; keys vanish when idle. */
export class KeyedLimiter {
  private readonly active = new Map<string, number>();
  private readonly queues = new Map<string, (() => void)[]>();
  constructor(
    private readonly limit: number,
    private readonly onAcquire?: (key: string, inFlight: number) => void,
  ) {}

  async acquire(key: string): Promise<() => void> {
    const n = this.active.get(key) ?? 0;
    if (n < this.limit) {
      this.active.set(key, n + 1);
    } else {
      await new Promise<void>((resolve) => {
        const q = this.queues.get(key) ?? [];
        q.push(resolve);
        this.queues.set(key, q);
      });
      // the releaser handed its slot over: active count unchanged
    }
    this.onAcquire?.(key, this.active.get(key)!);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const q = this.queues.get(key);
      const nextWaiter = q?.shift();
      if (q && q.length === 0) this.queues.delete(key);
      if (nextWaiter) nextWaiter();
      else {
        const left = (this.active.get(key) ?? 1) - 1;
        if (left <= 0) this.active.delete(key);
        else this.active.set(key, left);
      }
    };
  }

  inFlight(key: string): number {
    return this.active.get(key) ?? 0;
  }
}

/**
 * A request whose URL names no mailbox ($batch) may say which mailbox it works on with this
 * header; it is removed before the request leaves.
 */
export const MAILBOX_HINT_HEADER = 'x-graph-client-mailbox';
const MAILBOX_HINT = Symbol('mailboxHint');

/** Outlook allows 4 concurrent requests per app per mailbox: queue the rest here, not at Graph. */
export class MailboxConcurrencyMiddleware extends Link {
  private readonly limiter: KeyedLimiter;
  constructor(limit: number, stats: GraphStats) {
    super();
    this.limiter = new KeyedLimiter(limit, (key, n) => {
      if (n > (stats.maxInFlightByMailbox[key] ?? 0)) stats.maxInFlightByMailbox[key] = n;
    });
  }
  async execute(ctx: Context): Promise<void> {
    const headers = headersOf(ctx);
    // Retries come through again with the same options: remember the hint we removed.
    const options = ctx.options as { [MAILBOX_HINT]?: string | null };
    if (!(MAILBOX_HINT in options)) options[MAILBOX_HINT] = headers.get(MAILBOX_HINT_HEADER);
    headers.delete(MAILBOX_HINT_HEADER);
    const hint = options[MAILBOX_HINT];
    const key = hint ? hint.toLowerCase() : mailboxKeyOf(urlOf(ctx));
    if (!key) return this.pass(ctx);
    const release = await this.limiter.acquire(key);
    try {
      await this.pass(ctx);
    } finally {
      release();
    }
  }
}

const CALLER_SIGNAL = Symbol('callerSignal');

/** Per-attempt timeout with AbortController; every failure below becomes a GraphError here. */
export class TimeoutMiddleware extends Link {
  constructor(private readonly timeoutMs: number) {
    super();
  }
  async execute(ctx: Context): Promise<void> {
    const options = (ctx.options ??= {}) as RequestInit & { [CALLER_SIGNAL]?: AbortSignal | null };
    // Retries pass through here again: keep the caller's own signal, not our previous one.
    if (!(CALLER_SIGNAL in options)) options[CALLER_SIGNAL] = options.signal ?? null;
    const callerSignal = options[CALLER_SIGNAL];
    const ac = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ac.abort(new Error(`timeout after ${this.timeoutMs} ms`));
    }, this.timeoutMs);
    const onCallerAbort = () => ac.abort(callerSignal?.reason);
    if (callerSignal?.aborted) onCallerAbort();
    else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    options.signal = ac.signal;
    try {
      await this.pass(ctx);
    } catch (e) {
      throw errorFromFailure(e, {
        method: methodOf(ctx),
        url: urlOf(ctx),
        timedOut,
        timeoutMs: this.timeoutMs,
        aborted: !timedOut && callerSignal?.aborted === true,
      });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }
}

/** Last link: the HTTP call itself (global fetch unless one is injected). */
export class TransportMiddleware implements Middleware {
  constructor(
    private readonly fetchImpl: FetchLike,
    private readonly stats: GraphStats,
  ) {}
  async execute(ctx: Context): Promise<void> {
    this.stats.requests++;
    const init = { ...(ctx.options as RequestInit) };
    const signal = init.signal;
    // Don't leave a pending fetch running if the abort came before the call.
    if (signal?.aborted) throw signal.reason ?? new Error('aborted');
    ctx.response = await this.fetchImpl(urlOf(ctx), init);
  }
}
