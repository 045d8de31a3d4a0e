// When a failed mail is tried again: Graph busy (429/503/timeout) is no fault of the mail and is
// retried more often, after Graph's Retry-After; anything else with back-off, a few times. Shared by
// the worker (schedules the retry) and processing (a last attempt files what it can and finishes).
import { isGraphError } from '../../graph/index.js';

const MAX_ATTEMPTS = 5;
const MAX_BUSY_ATTEMPTS = 20;

export function isBusy(e: unknown): boolean {
  return (
    isGraphError(e, 'throttled') || isGraphError(e, 'unavailable') || isGraphError(e, 'timeout')
  );
}

/** Whether a mail whose `attempts`th attempt failed with `e` is tried again, and after how long. */
export function retryPolicy(e: unknown, attempts: number): { retry: boolean; retryMs: number } {
  const busy = isBusy(e);
  const retryMs = busy
    ? Math.max(1_000, (e as { retryAfterMs?: number }).retryAfterMs ?? 5_000)
    : Math.min(30 * 60_000, 15_000 * 2 ** Math.max(0, attempts - 1));
  return { retry: attempts < (busy ? MAX_BUSY_ATTEMPTS : MAX_ATTEMPTS), retryMs };
}
