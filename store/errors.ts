// Typed storage errors. server/ maps `reason` to a start-up message or an HTTP status; no caller parses
// message strings. Messages name the data directory or the database host, never a password.

export type StoreErrorReason =
  /** The PGlite data directory exists but is not a usable database (names the directory). */
  | 'damaged-data-dir'
  /** The data directory cannot be created or written (a file in the way, no permission). */
  | 'unusable-data-dir'
  /** Another process (or another store in this process) has the PGlite data directory open. */
  | 'locked'
  /** The PostgreSQL server behind DATABASE_URL cannot be reached (names host and port). */
  | 'unreachable'
  /** The PostgreSQL server answered but refused us: bad credentials, missing database, ... */
  | 'rejected'
  /** DATABASE_URL is not a postgres:// URL. */
  | 'invalid-config'
  /** Applying the schema migrations failed (names the migration). */
  | 'migration-failed'
  /** A concurrent writer kept winning; the operation was retried and gave up. */
  | 'conflict'
  /** The caller broke a store rule (e.g. a participation function rewrote history). */
  | 'invalid-argument'
  /** The store was used after close(). */
  | 'closed'
  /** PGlite's single connection stayed taken too long (usually a query outside a running transaction). */
  | 'busy';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly reason: StoreErrorReason;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    reason: StoreErrorReason,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.details = options.details ?? {};
  }
}

export function isStoreError(value: unknown, reason?: StoreErrorReason): value is StoreError {
  return value instanceof StoreError && (reason === undefined || value.reason === reason);
}

/** The SQLSTATE of a database error from pg or PGlite, if any. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Errors worth retrying the whole transaction for: unique races, serialization failures, deadlocks. */
export function isRetryable(error: unknown): boolean {
  const state = sqlState(error);
  return state === '23505' || state === '40001' || state === '40P01';
}
