// Checks on every Graph call: a valid bearer token from this emulator (401 InvalidAuthenticationToken),
// the permission the call needs (403 in Graph's shape), and the Exchange RBAC for Applications scope of
// the app over mailboxes and calendars (403 ErrorAccessDenied).
import type * as MG from '@microsoft/microsoft-graph-types';
import { GraphError, accessDenied, directoryDenied } from '../errors.js';
import type { StateData } from '../state/model.js';
import type { AuthContext } from './context.js';
import { GRAPH_AUDIENCE, GRAPH_APP_ID, TokenProblem, type TokenService } from './tokens.js';

const unauthenticated = (message: string) =>
  new GraphError(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="${GRAPH_APP_ID}"`,
  });

export async function authenticate(
  tokens: TokenService,
  data: StateData,
  authorization: string | undefined,
): Promise<AuthContext> {
  const m = /^Bearer\s+(.*)$/i.exec(authorization ?? '');
  if (!m || !m[1]!.trim()) throw unauthenticated('Access token is empty.');
  let claims;
  try {
    claims = await tokens.verify(
      m[1]!.trim(),
      (a) => a === GRAPH_AUDIENCE || a === GRAPH_APP_ID || a === `${GRAPH_AUDIENCE}/`,
    );
  } catch (e) {
    throw unauthenticated(
      e instanceof TokenProblem ? e.message : 'Access token validation failure.',
    );
  }
  if (claims.tid !== data.tenantId)
    throw unauthenticated('Access token validation failure. Invalid issuer or tenant.');
  const appId = (claims.appid ?? claims.azp) as string | undefined;
  const app = data.apps.find((a) => a.clientId === appId);
  if (!app) throw unauthenticated('Access token validation failure. Unknown application.');
  const tokenId = String(claims.uti ?? '');
  if (claims.idtyp === 'user' || typeof claims.scp === 'string') {
    return {
      kind: 'delegated',
      app,
      userId: String(claims.oid),
      scopes: String(claims.scp ?? '')
        .split(' ')
        .filter(Boolean),
      tokenId,
    };
  }
  return {
    kind: 'app',
    app,
    roles: Array.isArray(claims.roles) ? (claims.roles as string[]) : [],
    tokenId,
  };
}

export interface Permission {
  app: string[];
  delegated: string[];
  /** Directory-style (Entra) resources answer Authorization_RequestDenied; Outlook ones ErrorAccessDenied. */
  directory?: boolean;
}

export const PERMS = {
  mailRead: {
    app: ['Mail.Read', 'Mail.ReadWrite', 'Mail.ReadBasic', 'Mail.ReadBasic.All'],
    delegated: [
      'Mail.Read',
      'Mail.ReadWrite',
      'Mail.ReadBasic',
      'Mail.Read.Shared',
      'Mail.ReadWrite.Shared',
    ],
  },
  mailWrite: { app: ['Mail.ReadWrite'], delegated: ['Mail.ReadWrite', 'Mail.ReadWrite.Shared'] },
  // outlook/masterCategories: https://learn.microsoft.com/graph/api/outlookuser-list-mastercategories
  // and outlookuser-post-mastercategories list MailboxSettings.Read / .ReadWrite, not Mail.*.
  mailboxSettingsRead: {
    app: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
    delegated: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
  },
  mailboxSettingsWrite: {
    app: ['MailboxSettings.ReadWrite'],
    delegated: ['MailboxSettings.ReadWrite'],
  },
  mailSend: { app: ['Mail.Send'], delegated: ['Mail.Send', 'Mail.Send.Shared'] },
  calRead: {
    app: ['Calendars.Read', 'Calendars.ReadWrite', 'Calendars.ReadBasic.All'],
    delegated: [
      'Calendars.Read',
      'Calendars.ReadWrite',
      'Calendars.ReadBasic',
      'Calendars.Read.Shared',
      'Calendars.ReadWrite.Shared',
    ],
  },
  calWrite: {
    app: ['Calendars.ReadWrite'],
    delegated: ['Calendars.ReadWrite', 'Calendars.ReadWrite.Shared'],
  },
  usersRead: {
    app: [
      'User.Read.All',
      'User.ReadBasic.All',
      'User.ReadWrite.All',
      'Directory.Read.All',
      'Directory.ReadWrite.All',
    ],
    delegated: ['User.Read', 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'],
    directory: true,
  },
  groupsRead: {
    app: [
      'Group.Read.All',
      'GroupMember.Read.All',
      'Group.ReadWrite.All',
      'Directory.Read.All',
      'Directory.ReadWrite.All',
    ],
    delegated: ['Group.Read.All', 'GroupMember.Read.All', 'Directory.Read.All'],
    directory: true,
  },
  teamsAppsRead: {
    app: [
      'TeamsAppInstallation.ReadForUser.All',
      'TeamsAppInstallation.ReadWriteSelfForUser.All',
      'TeamsAppInstallation.ReadWriteForUser.All',
    ],
    delegated: [
      'TeamsAppInstallation.ReadForUser',
      'TeamsAppInstallation.ReadWriteSelfForUser',
      'TeamsAppInstallation.ReadWriteForUser',
    ],
    directory: true,
  },
  appCatalogRead: {
    app: ['AppCatalog.Read.All', 'AppCatalog.ReadWrite.All'],
    delegated: ['AppCatalog.Read.All', 'AppCatalog.ReadWrite.All', 'AppCatalog.Submit'],
    directory: true,
  },
  teamsAppsWrite: {
    app: [
      'TeamsAppInstallation.ReadWriteSelfForUser.All',
      'TeamsAppInstallation.ReadWriteForUser.All',
    ],
    delegated: [
      'TeamsAppInstallation.ReadWriteSelfForUser',
      'TeamsAppInstallation.ReadWriteForUser',
    ],
    directory: true,
  },
} satisfies Record<string, Permission>;

export function requirePermission(auth: AuthContext, perm: Permission): void {
  if (auth.kind === 'system') return;
  const granted = auth.kind === 'app' ? auth.roles : auth.scopes;
  const needed = auth.kind === 'app' ? perm.app : perm.delegated;
  if (granted.some((g) => needed.includes(g))) return;
  throw perm.directory ? directoryDenied() : accessDenied();
}

/**
 * Access to one mailbox's mail or calendar, as Exchange grants it to an app-only caller: an Entra
 * application permission in the token reaches every mailbox (no RBAC scope narrows it); without it,
 * an Exchange RBAC for Applications assignment of the matching role ('Application Mail.ReadWrite')
 * reaches the mailboxes of its scope. The two grants add up, so an Entra grant cannot be narrowed by
 * a scope (https://learn.microsoft.com/exchange/permissions-exo/application-rbac, on Entra and RBAC
 * for Applications grants being additive). Users: permission, then their own mailbox.
 */
export function requireMailboxAccess(
  auth: AuthContext,
  perm: Permission,
  user: MG.User,
  area: 'mail' | 'calendar',
): void {
  if (auth.kind === 'system') return;
  if (auth.kind === 'delegated') {
    requirePermission(auth, perm);
    requireMailboxScope(auth, user, area);
    return;
  }
  if (auth.roles.some((r) => perm.app.includes(r))) return;
  const assigned = (auth.app.rbacRoles ?? []).some((r) =>
    perm.app.some((p) => r.toLowerCase() === `application ${p}`.toLowerCase()),
  );
  if (!assigned) throw accessDenied();
  requireMailboxScope(auth, user, area);
}

/**
 * Exchange RBAC for Applications: an app-only caller reaches only the mailboxes in its scope; a user
 * reaches their own mailbox (and shared ones with *.Shared scopes).
 */
export function requireMailboxScope(
  auth: AuthContext,
  user: MG.User,
  area: 'mail' | 'calendar',
): void {
  if (auth.kind === 'system') return;
  if (auth.kind === 'delegated') {
    if (auth.userId === user.id) return;
    if (auth.scopes.some((s) => s.endsWith('.Shared'))) return;
    throw accessDenied();
  }
  const scope = area === 'mail' ? auth.app.mailboxScope : auth.app.calendarScope;
  const upn = (user.userPrincipalName ?? '').toLowerCase();
  const mail = (user.mail ?? '').toLowerCase();
  if (scope.some((s) => s === '*' || s.toLowerCase() === upn || s.toLowerCase() === mail)) return;
  throw accessDenied();
}
