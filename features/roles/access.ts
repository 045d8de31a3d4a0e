// How a tab API handler learns who calls: the tab's auth middleware (tab/api/auth.ts) resolves the
// signed-in person once and leaves the Principal on the response; handlers read it with principalOf
// and refuse with Forbidden, which the auth boundary answers as 403.
import type { Response } from 'express';
import type { Principal, Role } from './types.js';

const PRINCIPAL = 'kvalitetPrincipal';

export function setPrincipal(res: Response, principal: Principal): void {
  (res.locals as Record<string, unknown>)[PRINCIPAL] = principal;
}

/** The signed-in caller; throws when a route was mounted outside the tab API's sign-in. */
export function principalOf(res: Response): Principal {
  const principal = (res.locals as Record<string, unknown>)[PRINCIPAL] as Principal | undefined;
  if (!principal) throw new Error('principalOf: route is not behind the tab API sign-in');
  return principal;
}

/** A signed-in caller asking for something their roles or units do not cover (answered 403). */
export class Forbidden extends Error {
  override readonly name = 'Forbidden';
  constructor(message = 'Not allowed for your role or units.') {
    super(message);
  }
}

export function requireRole(principal: Principal, ...roles: Role[]): void {
  if (!roles.some((r) => principal.roles.includes(r)))
    throw new Forbidden(`Only for: ${roles.join(', ')}.`);
}

/** Coordinators see every unit; unit managers their own; examiners those their teams examine. */
export function requireUnit(
  principal: Principal,
  unitId: string,
  examinedUnitIds: readonly string[] = [],
): void {
  if (principal.roles.includes('coordinator')) return;
  if (principal.unitIds.includes(unitId)) return;
  if (examinedUnitIds.includes(unitId)) return;
  throw new Forbidden('This unit is not one of yours.');
}
