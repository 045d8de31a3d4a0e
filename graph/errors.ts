// Typed Graph errors, raised from one place: a failed response or transport failure becomes a
// GraphError with a `reason` feature code can switch on. Nothing else in graph/ builds errors.
import { GraphClientError } from '@microsoft/microsoft-graph-client';

export type GraphErrorReason =
  | 'not-found'
  | 'forbidden'
  | 'unauthorized'
  | 'throttled'
  | 'conflict'
  | 'bad-request'
  | 'gone'
  | 'timeout'
  | 'unavailable'
  | 'too-large'
  | 'unknown';

export interface GraphErrorInit {
  reason: GraphErrorReason;
  message: string;
  status?: number;
  code?: string;
  requestId?: string;
  retryAfterMs?: number;
  method?: string;
  url?: string;
  cause?: unknown;
}

// Extends the SDK's GraphClientError on purpose: the SDK rethrows GraphClientError untouched
// from inside its middleware chain and wraps anything else, which would lose our reason.
export class GraphError extends GraphClientError {
  readonly reason: GraphErrorReason;
  readonly status: number | undefined;
  /** Graph's error code (`error.code` in the body), e.g. ErrorItemNotFound, syncStateNotFound. */
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  /** Milliseconds the service asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(init: GraphErrorInit) {
    super(init.message);
    // GraphClientError's constructor pins its own prototype; restore ours.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'GraphError';
    this.reason = init.reason;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.method = init.method;
    this.url = init.url;
    if (init.cause !== undefined) (this as { cause?: unknown }).cause = init.cause;
  }
}

export function isGraphError(e: unknown, reason?: GraphErrorReason): e is GraphError {
  return e instanceof GraphError && (reason === undefined || e.reason === reason);
}

/** Codes Graph uses for an expired or unknown delta token, whatever the status. */
const RESYNC_CODES = new Set([
  'syncstatenotfound',
  'syncstateinvalid',
  'resyncrequired',
  'errorinvalidsyncstatedata',
]);

function reasonFor(status: number, code: string | undefined): GraphErrorReason {
  if (code && RESYNC_CODES.has(code.toLowerCase())) return 'gone';
  switch (status) {
    case 400:
      return 'bad-request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
    case 412:
      return 'conflict';
    case 410:
      return 'gone';
    case 413:
      return 'too-large';
    case 429:
      return 'throttled';
    case 408:
    case 504:
      return 'timeout';
    case 500:
    case 502:
    case 503:
      return 'unavailable';
    default:
      return status >= 400 && status < 500 ? 'bad-request' : 'unknown';
  }
}

/**
 * Retry-After is either delta-seconds or an HTTP-date. Returns milliseconds to wait (≥ 0),
 * or undefined when absent or unparseable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

interface GraphErrorBody {
  error?: {
    code?: string;
    message?: string;
    innerError?: { 'request-id'?: string; 'client-request-id'?: string };
  };
}

export interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
}

/**
 * THE mapper: a non-2xx Graph response (status, headers and body text already read) → GraphError.
 * Also used for the items of a $batch response, whose headers are a plain record.
 */
export function errorFromResponse(
  res: ResponseLike,
  bodyText: string | unknown,
  ctx: { method?: string; url?: string; nowMs?: number } = {},
): GraphError {
  let body: GraphErrorBody | undefined;
  if (typeof bodyText === 'string') {
    try {
      body = bodyText ? (JSON.parse(bodyText) as GraphErrorBody) : undefined;
    } catch {
      body = undefined;
    }
  } else if (bodyText && typeof bodyText === 'object') {
    body = bodyText as GraphErrorBody;
  }
  const code = body?.error?.code;
  const requestId =
    res.headers.get('request-id') ??
    body?.error?.innerError?.['request-id'] ??
    res.headers.get('client-request-id') ??
    undefined;
  const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), ctx.nowMs ?? Date.now());
  const reason = reasonFor(res.status, code);
  const what = ctx.method && ctx.url ? `${ctx.method} ${redactUrl(ctx.url)}` : 'Graph request';
  const detail =
    body?.error?.message ?? (typeof bodyText === 'string' ? bodyText.slice(0, 200) : '');
  return new GraphError({
    reason,
    status: res.status,
    code,
    requestId,
    retryAfterMs,
    method: ctx.method,
    url: ctx.url,
    message: `${what} failed: ${res.status}${code ? ` ${code}` : ''}${detail ? ` – ${detail}` : ''}`,
  });
}

export const ABORTED_CODE = 'Aborted';

/** A request that never got a response: our own timeout, a caller abort, or a network failure. */
export function errorFromFailure(
  cause: unknown,
  ctx: { method?: string; url?: string; timedOut?: boolean; timeoutMs?: number; aborted?: boolean },
): GraphError {
  if (cause instanceof GraphError) return cause;
  const what = ctx.method && ctx.url ? `${ctx.method} ${redactUrl(ctx.url)}` : 'Graph request';
  if (ctx.aborted) {
    // The caller gave up (its own deadline): a timeout of theirs, never retried.
    return new GraphError({
      reason: 'timeout',
      code: ABORTED_CODE,
      method: ctx.method,
      url: ctx.url,
      cause,
      message: `${what} was aborted by the caller`,
    });
  }
  if (ctx.timedOut) {
    return new GraphError({
      reason: 'timeout',
      method: ctx.method,
      url: ctx.url,
      cause,
      message: `${what} timed out after ${ctx.timeoutMs ?? '?'} ms`,
    });
  }
  const msg = cause instanceof Error ? cause.message : String(cause);
  return new GraphError({
    reason: 'unavailable',
    method: ctx.method,
    url: ctx.url,
    cause,
    message: `${what} failed before a response: ${msg}`,
  });
}

/** Errors we raise ourselves before calling Graph (a size cap, a bad argument). */
export function localError(
  reason: GraphErrorReason,
  message: string,
  extra: Partial<GraphErrorInit> = {},
): GraphError {
  return new GraphError({ ...extra, reason, message });
}

/** Tokens and secrets never reach logs or messages: delta/skip tokens are credentials of a sort. */
export function redactUrl(url: string): string {
  return url.replace(/(\$?(deltatoken|skiptoken|validationToken|code)=)[^&]+/gi, '$1…');
}
