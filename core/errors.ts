// Typed domain errors with bilingual messages. Core throws them; server/ and bot/ map `reason` to HTTP
// statuses and user-facing text at one boundary, so no layer parses message strings.
import type { Bilingual, Locale } from './model.js';

/**
 * The reasons core (and core/intake) may fail for. An interface rather than a union so that a
 * sub-area can add its own reasons by declaration merging without editing this file:
 *   declare module '../errors.js' { interface DomainErrorReasons { 'unreadable-document': true } }
 */
export interface DomainErrorReasons {
  /** A participation transition that the state machine does not allow (from → to). */
  'illegal-transition': true;
  /** A transition whose data is missing or does not fit (no jury result, no reasons, no actor, bad time). */
  'invalid-transition-data': true;
  /** No cycle is configured for the requested year. */
  'unknown-cycle': true;
  /** A cycle file does not validate (names the bad field). */
  'invalid-cycle': true;
  /** A value that should be a local date "YYYY-MM-DD" or an ISO instant with offset is not one. */
  'invalid-date': true;
  /** A class id that is not one of the five classes. */
  'unknown-class': true;
}

export type DomainErrorReason = keyof DomainErrorReasons;

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly reason: DomainErrorReason;
  /** The message in Swedish and English; `message` holds the English one for logs. */
  readonly messages: Bilingual;
  /** Machine-readable context (field path, from/to states, year, ...). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    reason: DomainErrorReason,
    messages: Bilingual,
    details: Record<string, unknown> = {},
  ) {
    super(messages.en);
    this.reason = reason;
    this.messages = messages;
    this.details = details;
  }

  /** The message for a user's locale (Swedish first). */
  text(locale: Locale = 'sv'): string {
    return this.messages[locale];
  }
}

export function isDomainError(value: unknown, reason?: DomainErrorReason): value is DomainError {
  return value instanceof DomainError && (reason === undefined || value.reason === reason);
}
