// What a failed send means for the outbox item: throttled (wait for Retry-After, the item is not at
// fault and keeps its retry budget), permanent (a bad address, the answered mail gone: mark failed
// with a reason a coordinator can act on, never retried), or transient (retry with backoff; when the
// request may have reached Exchange, the next attempt first looks in Sent Items).
import { isGraphError } from '../../graph/index.js';

export type SendFailure =
  | { kind: 'throttled'; retryAfterMs: number; reason: string; dailyQuota: boolean }
  | { kind: 'permanent'; reason: string }
  | { kind: 'transient'; retryAfterMs?: number; maybeSent: boolean; reason: string };

/** When Graph gives no Retry-After on a 429, wait a full sending window. */
const DEFAULT_THROTTLE_MS = 60_000;
/**
 * Exchange's sending-limit codes mean "later", whatever status carries them (Graph has answered
 * ErrorExceededMessageLimit with 400 and 403 as well as 429): the mailbox waits, the mail keeps its
 * place. Without Retry-After the daily quota waits an hour before trying again.
 */
const SENDING_LIMIT_CODE =
  /^(ErrorExceededMessageLimit|ErrorSubmissionQuotaExceeded|ErrorQuotaExceeded)$/i;
const SENDING_LIMIT_TEXT =
  /SubmissionQuotaExceeded|exceeded (its|the) (message|recipient) (rate|limit)/i;
const DAILY_QUOTA_WAIT_MS = 60 * 60_000;

export function classifySendError(error: unknown): SendFailure {
  if (!isGraphError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    // We cannot tell whether the request left the process: assume it may have been sent.
    return { kind: 'transient', maybeSent: true, reason: `unexpected error: ${message}` };
  }
  const code = error.code ?? '';
  const detail = `${error.status ?? '-'} ${code || error.reason}: ${error.message}`;
  if (
    error.reason !== 'throttled' &&
    (SENDING_LIMIT_CODE.test(code) || SENDING_LIMIT_TEXT.test(error.message))
  ) {
    const dailyQuota = /SubmissionQuota|recipient/i.test(`${code} ${error.message}`);
    return {
      kind: 'throttled',
      retryAfterMs: error.retryAfterMs ?? (dailyQuota ? DAILY_QUOTA_WAIT_MS : DEFAULT_THROTTLE_MS),
      dailyQuota,
      reason: `over Exchange's sending limit, sending later (${detail})`,
    };
  }
  switch (error.reason) {
    case 'throttled':
      return {
        kind: 'throttled',
        retryAfterMs: error.retryAfterMs ?? DEFAULT_THROTTLE_MS,
        dailyQuota: /SubmissionQuota|recipient rate/i.test(`${code} ${error.message}`),
        reason: `throttled (${detail})`,
      };
    case 'bad-request':
      return {
        kind: 'permanent',
        reason: /InvalidRecipients|not resolved|recipient/i.test(`${code} ${error.message}`)
          ? `a recipient address is not valid (${detail})`
          : `Graph refused the message (${detail})`,
      };
    case 'not-found':
      return {
        kind: 'permanent',
        reason: `the mail to answer is no longer in the mailbox (${detail})`,
      };
    case 'too-large':
      return { kind: 'permanent', reason: `the message is too large to send (${detail})` };
    case 'forbidden':
    case 'unauthorized':
      // Usually configuration (Mail.Send, RBAC scope, secret): retry slowly, not a lost cause yet.
      return {
        kind: 'transient',
        maybeSent: false,
        retryAfterMs: 5 * 60_000,
        reason: `not allowed to send (${detail})`,
      };
    case 'timeout':
    case 'unavailable':
    case 'unknown':
    case 'gone':
    case 'conflict':
      return {
        kind: 'transient',
        maybeSent: true,
        ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
        reason: `no clear answer from Graph (${detail})`,
      };
  }
}

/** Consecutive non-throttle failures so far, carried in the item's error text between attempts. */
export function failuresSoFar(previousError: string | undefined): number {
  const m = /^\[failures (\d+)\]/.exec(previousError ?? '');
  return m ? Number(m[1]) : 0;
}

export function withFailures(count: number, reason: string): string {
  return `[failures ${count}] ${reason}`;
}

/** Backoff for the n-th consecutive transient failure (1-based): 30 s, 1 min, 2 min … 30 min. */
export function backoffMs(n: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, n - 1));
}
