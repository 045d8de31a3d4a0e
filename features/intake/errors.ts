// Typed errors of the intake feature; bot/ and server/ map `reason` to a status and a message.
import type { Bilingual } from '../../core/model.js';

export type IntakeErrorReason =
  | 'mail-not-found'
  | 'not-in-triage'
  | 'unknown-kind'
  | 'unit-required'
  | 'unknown-unit'
  | 'unknown-meeting'
  | 'no-receipt'
  | 'nothing-to-correct'
  | 'changed-since';

export class IntakeError extends Error {
  override readonly name = 'IntakeError';
  constructor(
    readonly reason: IntakeErrorReason,
    readonly messages: Bilingual,
  ) {
    super(messages.en);
  }
}

export function isIntakeError(e: unknown, reason?: IntakeErrorReason): e is IntakeError {
  return e instanceof IntakeError && (reason === undefined || e.reason === reason);
}
