// The one sign-in in front of every /api/tab/* route: a bearer token checked by token.ts, the person
// resolved to their roles once (cached by the RoleResolver), the Principal left for handlers
// (features/roles principalOf). Missing or bad tokens answer 401 with a reason; a person the tenant
// does not know, 403. Tokens never reach the logs.
import type { RequestHandler, Response } from 'express';
import { setPrincipal, type RoleResolver } from '../../features/roles/index.js';
import { TokenRejected, type TokenValidator } from './token.js';

export interface TabAuthOptions {
  validate: TokenValidator;
  roles: RoleResolver;
}

export function tabApiAuth(options: TabAuthOptions): RequestHandler {
  return async (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      unauthorized(res, 'unauthenticated', 'Sign in: send the tab token as Authorization: Bearer.');
      return;
    }
    try {
      const user = await options.validate(match[1]!);
      const principal = await options.roles.resolve({ objectId: user.objectId });
      if (!principal) {
        res.status(403).json({
          error: {
            code: 'unknown-user',
            message: 'The directory does not know this person.',
            messageSv: 'Katalogen känner inte till den här personen.',
          },
        });
        return;
      }
      setPrincipal(res, principal);
      next();
    } catch (e) {
      if (e instanceof TokenRejected) {
        if (e.reason === 'keys-unavailable') {
          res.setHeader('Retry-After', '30');
          res.status(503).json({ error: { code: 'keys-unavailable', message: e.message } });
          return;
        }
        unauthorized(res, `invalid-token`, e.message, e.reason);
        return;
      }
      next(e);
    }
  };
}

function unauthorized(res: Response, code: string, message: string, reason?: string): void {
  res.setHeader(
    'WWW-Authenticate',
    `Bearer error="invalid_token"${reason ? `, error_description="${reason}"` : ''}`,
  );
  res.status(401).json({
    error: {
      code,
      message,
      messageSv: 'Logga in igen.',
      ...(reason ? { reason } : {}),
    },
  });
}
