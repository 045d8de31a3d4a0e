// The status feature's failures as core's typed DomainError (bilingual, a reason the bot and the tab
// API map at their boundary): a unit that does not exist, and an act on a card that is out of date.
import { DomainError } from '../../core/errors.js';
import type { Bilingual } from '../../core/model.js';

declare module '../../core/errors.js' {
  interface DomainErrorReasons {
    /** No unit with that id (a forged or outdated card, a typo in a link). */
    'unit-not-found': true;
    /** The card was made for a state the unit is no longer in; nothing was changed. */
    'stale-action': true;
    /** An act's input that does not fit (no reason for "not eligible", an empty note). */
    'invalid-act': true;
  }
}

export function unitNotFound(unitId: string): DomainError {
  return new DomainError(
    'unit-not-found',
    { sv: 'Enheten finns inte (längre).', en: 'The unit does not exist (any more).' },
    { unitId },
  );
}

export function staleAction(what: Bilingual, details: Record<string, unknown>): DomainError {
  return new DomainError('stale-action', what, details);
}

export function invalidAct(what: Bilingual, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('invalid-act', what, details);
}
