// The visits feature's typed errors: the bot and the tab map `reason` to a status and a message
// (Swedish first) at their boundary; nothing here knows about HTTP.
import type { Bilingual } from '../../core/model.js';

export type VisitErrorReason =
  | 'bad-input'
  | 'unknown-unit'
  | 'not-assigned'
  | 'not-team-leader'
  | 'not-coordinator'
  | 'not-booked'
  | 'conflict-of-interest'
  | 'illegal-state';

export class VisitError extends Error {
  override readonly name = 'VisitError';
  constructor(
    readonly reason: VisitErrorReason,
    readonly text: Bilingual,
  ) {
    super(text.en);
  }
}

export function isVisitError(e: unknown, reason?: VisitErrorReason): e is VisitError {
  return e instanceof VisitError && (reason === undefined || e.reason === reason);
}
