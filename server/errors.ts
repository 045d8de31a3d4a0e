// The one boundary where typed errors become HTTP statuses and user-facing messages: DomainError
// (core/), IntakeError (features/intake/), VisitError (features/visits/), zod's ZodError, GraphError (graph/), StoreError (store/), ConfigError
// (server/config.ts) and the body parser's errors. It also turns start-up failures into a one-line
// cause without a stack dump.
import type { ErrorRequestHandler } from 'express';
import type { DomainErrorReason } from '../core/errors.js';
import type { IntakeErrorReason } from '../features/intake/errors.js';
import type { VisitErrorReason } from '../features/visits/errors.js';
import type { Logger } from './logger.js';

export interface HttpProblem {
  status: number;
  code: string;
  /** English message (API clients, logs). */
  message: string;
  /** Swedish message when the error carries one (shown to users first). */
  messageSv?: string;
  /** Seconds, for throttling answers. */
  retryAfter?: number;
  /** True when the error is a known, typed one (no stack trace needed in logs). */
  expected: boolean;
}

/** The JSON body every error answer has. */
export interface ErrorBody {
  error: { code: string; message: string; messageSv?: string };
}

interface Named {
  name?: unknown;
  message?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> & Named =>
  typeof value === 'object' && value !== null;

// Matched by name rather than instanceof so the boundary does not import every layer's internals and
// survives duplicated module instances (tsx + vitest). Each layer names its error class as below.
const hasName = (err: unknown, name: string): err is Record<string, unknown> & Named =>
  isObject(err) && err.name === name;

/**
 * Every DomainError reason (core/errors.ts and those merged in by features) → its HTTP status.
 * Typed by the reasons themselves: a reason added or renamed anywhere fails the typecheck here until
 * it is mapped, so no reason answers by a guess.
 */
const DOMAIN_STATUS_BY_REASON: Record<DomainErrorReason, number> = {
  'illegal-transition': 409,
  'invalid-transition-data': 400,
  'unknown-cycle': 404,
  'invalid-cycle': 500,
  'invalid-date': 400,
  'unknown-class': 400,
  'invalid-tab-request': 400,
  'unit-not-found': 404,
  'stale-action': 409,
  'invalid-act': 400,
};

/** The intake's reasons (features/intake/errors.ts) → HTTP statuses. */
const INTAKE_STATUS_BY_REASON: Record<IntakeErrorReason, number> = {
  'mail-not-found': 404,
  'not-in-triage': 409,
  'unknown-kind': 400,
  'unit-required': 400,
  'unknown-unit': 400,
  'unknown-meeting': 400,
  'no-receipt': 409,
  'nothing-to-correct': 409,
  'changed-since': 409,
};

/** The visits feature's reasons (features/visits/errors.ts) → HTTP statuses. */
const VISIT_STATUS_BY_REASON: Record<VisitErrorReason, number> = {
  'bad-input': 400,
  'unknown-unit': 404,
  'not-assigned': 409,
  'not-team-leader': 403,
  'not-coordinator': 403,
  'not-booked': 409,
  'conflict-of-interest': 409,
  'illegal-state': 409,
};

/** A DomainError from a module loaded twice or a newer build: judged by its wording; else 422. */
const DOMAIN_STATUS: Array<[RegExp, number]> = [
  [/not[-_ ]?found|unknown/i, 404],
  [/illegal|transition|conflict|already|duplicate/i, 409],
  [/invalid|malformed|too[-_ ]?(long|large|many)|limit/i, 400],
  [/forbidden|not[-_ ]?allowed|permission/i, 403],
];

/** The body parser's other refusals (body-parser's error types), in Swedish. */
const BODY_PARSER_SV: Record<string, string> = {
  'charset.unsupported': 'Begärans teckenkodning stöds inte (använd UTF-8).',
  'encoding.unsupported': 'Begärans komprimering stöds inte.',
  'request.aborted': 'Begäran avbröts innan den kom fram helt.',
  'request.size.invalid': 'Begärans längd stämmer inte med dess innehåll.',
  'parameters.too.many': 'Begäran har för många parametrar.',
};

export function toHttpProblem(err: unknown): HttpProblem {
  // express's JSON parser (body-parser) errors carry `type` and `status`.
  if (isObject(err) && typeof err.type === 'string' && typeof err.status === 'number') {
    if (err.type === 'entity.parse.failed') {
      return {
        status: 400,
        code: 'malformed-json',
        message: `The request body is not valid JSON: ${String(err.message)}`,
        messageSv: 'Begärans innehåll är inte giltig JSON.',
        expected: true,
      };
    }
    if (err.type === 'entity.too.large') {
      return {
        status: 413,
        code: 'body-too-large',
        message: 'The request body is too large.',
        messageSv: 'Begärans innehåll är för stort.',
        expected: true,
      };
    }
    if (err.status >= 400 && err.status < 500) {
      return {
        status: err.status,
        code: err.type,
        message: String(err.message),
        messageSv: BODY_PARSER_SV[err.type] ?? 'Begärans innehåll gick inte att läsa.',
        expected: true,
      };
    }
  }

  // The router could not percent-decode a path parameter ("%ff"): the caller's URL is wrong.
  if (hasName(err, 'URIError')) {
    return {
      status: 400,
      code: 'malformed-url',
      message: 'The address holds a malformed percent-encoding.',
      messageSv: 'Adressen innehåller en felaktig procentkodning.',
      expected: true,
    };
  }

  if (hasName(err, 'DomainError')) {
    const reason = typeof err.reason === 'string' ? err.reason : 'domain';
    const messages = isObject(err.messages) ? err.messages : isObject(err.text) ? err.text : {};
    const status =
      (DOMAIN_STATUS_BY_REASON as Record<string, number | undefined>)[reason] ??
      DOMAIN_STATUS.find(([pattern]) => pattern.test(reason))?.[1] ??
      422;
    return {
      status,
      code: reason,
      message: typeof messages.en === 'string' ? messages.en : String(err.message),
      messageSv: typeof messages.sv === 'string' ? messages.sv : undefined,
      expected: true,
    };
  }

  if (hasName(err, 'IntakeError')) {
    const reason = typeof err.reason === 'string' ? err.reason : 'intake';
    const messages = isObject(err.messages) ? err.messages : {};
    return {
      status: (INTAKE_STATUS_BY_REASON as Record<string, number | undefined>)[reason] ?? 400,
      code: reason,
      message: typeof messages.en === 'string' ? messages.en : String(err.message),
      messageSv: typeof messages.sv === 'string' ? messages.sv : undefined,
      expected: true,
    };
  }

  if (hasName(err, 'VisitError')) {
    const reason = typeof err.reason === 'string' ? err.reason : 'visit';
    const text = isObject(err.text) ? err.text : {};
    return {
      status: (VISIT_STATUS_BY_REASON as Record<string, number | undefined>)[reason] ?? 409,
      code: reason,
      message: typeof text.en === 'string' ? text.en : String(err.message),
      messageSv: typeof text.sv === 'string' ? text.sv : undefined,
      expected: true,
    };
  }

  // A request a route's zod schema refused: the caller's input, named field by field.
  if (hasName(err, 'ZodError') && Array.isArray(err.issues)) {
    const detail = (err.issues as { path?: unknown[]; message?: unknown }[])
      .map((i) => `${(i.path ?? []).join('.') || 'body'}: ${String(i.message)}`)
      .join('; ');
    return {
      status: 400,
      code: 'bad-input',
      message: `Bad request: ${detail}`,
      messageSv: `Ogiltig begäran: ${detail}`,
      expected: true,
    };
  }

  // A signed-in caller outside their role or units (features/roles/access.ts).
  if (hasName(err, 'Forbidden')) {
    return {
      status: 403,
      code: 'forbidden',
      message: String(err.message),
      messageSv: 'Det här ingår inte i din roll eller dina enheter.',
      expected: true,
    };
  }

  if (hasName(err, 'MalformedActivityError')) {
    return {
      status: 400,
      code: 'malformed-activity',
      message: String(err.message),
      messageSv: 'Meddelandet till boten är inte en giltig aktivitet (Bot Framework).',
      expected: true,
    };
  }

  if (hasName(err, 'GraphError')) {
    const upstream = typeof err.status === 'number' ? err.status : 0;
    const reason = typeof err.reason === 'string' ? err.reason : 'unknown';
    const retryAfterMs = typeof err.retryAfterMs === 'number' ? err.retryAfterMs : undefined;
    const busy =
      ['throttled', 'unavailable', 'timeout'].includes(reason) ||
      [429, 503, 504].includes(upstream);
    return {
      status: busy ? 503 : 502,
      code: busy ? 'graph-unavailable' : 'graph-error',
      message: `Microsoft Graph failed (${reason}${upstream ? ` ${upstream}` : ''}): ${String(err.message)}`,
      messageSv: busy
        ? 'Microsoft 365 är överbelastat just nu. Försök igen om en stund.'
        : 'Microsoft 365 svarade med ett fel.',
      retryAfter: busy ? Math.max(1, Math.ceil((retryAfterMs ?? 30_000) / 1000)) : undefined,
      expected: true,
    };
  }

  if (hasName(err, 'StoreError')) {
    const reason = typeof err.reason === 'string' ? err.reason : 'store';
    const conflict = reason === 'conflict';
    if (reason === 'invalid-argument') {
      return {
        status: 400,
        code: reason,
        message: String(err.message),
        messageSv: 'Ett värde i begäran går inte att spara eller söka på.',
        expected: true,
      };
    }
    return {
      status: conflict ? 409 : 503,
      code: conflict ? 'conflict' : 'storage-unavailable',
      message: conflict ? String(err.message) : `Storage is unavailable: ${String(err.message)}`,
      messageSv: conflict
        ? 'Uppgiften har redan ändrats.'
        : 'Lagringen är inte tillgänglig just nu.',
      expected: true,
    };
  }

  if (hasName(err, 'ConfigError')) {
    return { status: 500, code: 'configuration', message: String(err.message), expected: true };
  }

  return {
    status: 500,
    code: 'internal',
    message: 'Something went wrong on our side.',
    messageSv: 'Något gick fel hos oss.',
    expected: false,
  };
}

export function errorBody(problem: HttpProblem): ErrorBody {
  return {
    error: {
      code: problem.code,
      message: problem.message,
      ...(problem.messageSv ? { messageSv: problem.messageSv } : {}),
    },
  };
}

/** The express error handler: every route's thrown error ends here. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    const problem = toHttpProblem(err);
    if (problem.expected) {
      logger.warn({ path: req.path, status: problem.status, code: problem.code }, problem.message);
    } else {
      logger.error({ path: req.path, err }, 'unhandled error');
    }
    if (res.headersSent) {
      next(err);
      return;
    }
    if (problem.retryAfter !== undefined) res.setHeader('Retry-After', String(problem.retryAfter));
    res.status(problem.status).json(errorBody(problem));
  };
}

/**
 * A start-up failure as one line naming its cause. Expected failures (bad config, damaged data
 * directory, unreachable database, unknown cycle year) need no stack; anything else keeps it.
 */
export function describeStartupFailure(err: unknown): { message: string; expected: boolean } {
  if (
    hasName(err, 'ConfigError') ||
    hasName(err, 'StoreError') ||
    hasName(err, 'DomainError') ||
    hasName(err, 'GraphError') ||
    hasName(err, 'StartupError')
  ) {
    const problem = hasName(err, 'DomainError') ? toHttpProblem(err) : undefined;
    return { message: problem?.message ?? String(err.message), expected: true };
  }
  if (isObject(err) && (err.code === 'EADDRINUSE' || err.code === 'EACCES')) {
    return {
      message: `Cannot listen: ${String(err.message)}. Set PORT (or EMULATOR_PORT) to a free port.`,
      expected: true,
    };
  }
  return {
    message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    expected: false,
  };
}

/** A start-up step that failed for a known reason (thrown by server/start.ts). */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
