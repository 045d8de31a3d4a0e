// What route modules share: the services they work on and the lookups every mailbox call starts with
// (user → 404, permission → 403, Exchange RBAC scope → 403).
import type * as MG from '@microsoft/microsoft-graph-types';
import { requireMailboxAccess, type Permission } from '../auth/guard.js';
import type { TokenService } from '../auth/tokens.js';
import type { Clock } from '../clock.js';
import { GraphError, badRequest, userNotFound } from '../errors.js';
import type { Faults } from '../faults.js';
import type { GraphRequest } from '../router.js';
import type { MailboxRec, MessageRec } from '../state/model.js';
import type { Store } from '../state/store.js';

export interface Services {
  store: Store;
  clock: Clock;
  faults: Faults;
  tokens: TokenService;
  /** Per-message size limit for inline attachments (3 MB) and whole requests (4 MB). */
  limits: { attachmentBytes: number; requestBytes: number; uploadSessionBytes: number };
  /** The emulator's own origin (http://127.0.0.1:3979), for upload URLs and join URLs. */
  origin: () => string;
  /** Teams' side of the bot (emulator/teams): told when the app is installed for a user. */
  teams?: { installed(userId: string): void };
}

export function findUserOr404(s: Services, id: string): MG.User {
  const user = s.store.userByIdOrUpn(id);
  if (!user) throw userNotFound(id);
  return user;
}

/** Resolves the mailbox of /users/{id} for a mail or calendar call, with permission and scope checks. */
export function mailboxFor(
  s: Services,
  req: GraphRequest,
  userParam: string,
  area: 'mail' | 'calendar',
  perm: Permission,
): { user: MG.User; mb: MailboxRec } {
  const user = s.store.userByIdOrUpn(userParam);
  if (!user)
    throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${userParam}' is invalid.`);
  requireMailboxAccess(req.auth, perm, user, area);
  return { user, mb: s.store.mailbox(user.id!) };
}

/**
 * Outlook ids are base64url of a binary entry id: anything else is refused before the store is
 * asked (400 ErrorInvalidIdMalformed, as Graph answers a mangled or truncated id), so a bug that
 * builds ids by hand shows here and not as "not found".
 */
export function checkOutlookId(id: string): void {
  if (!/^[A-Za-z0-9_=+/-]{16,}$/.test(id))
    throw new GraphError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
}

export function messageOr404(mb: MailboxRec, id: string): MessageRec {
  checkOutlookId(id);
  const rec = mb.messages[id];
  if (!rec)
    throw new GraphError(
      404,
      'ErrorItemNotFound',
      'The specified object was not found in the store.',
    );
  return rec;
}

export function jsonBody(req: GraphRequest): Record<string, unknown> {
  const b = req.body;
  if (b === undefined || b === null) return {};
  if (typeof b !== 'object' || Array.isArray(b))
    throw badRequest(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  return b as Record<string, unknown>;
}

export function emailAddressOf(user: MG.User): MG.Recipient {
  return {
    emailAddress: {
      name: user.displayName ?? '',
      address: user.mail ?? user.userPrincipalName ?? '',
    },
  };
}
