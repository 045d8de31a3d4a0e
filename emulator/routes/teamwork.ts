// Teams app installation for a user: POST/GET /users/{id}/teamwork/installedApps (teamsApp@odata.bind),
// recorded so tests can see which users have the app (needed before proactive messages).
import { PERMS, requirePermission } from '../auth/guard.js';
import { GraphError, badRequest } from '../errors.js';
import { guid } from '../ids.js';
import { collection, metadataContext } from '../odata.js';
import type { Router } from '../router.js';
import { findUserOr404, jsonBody, type Services } from './common.js';

export function registerTeamwork(r: Router, s: Services): void {
  const appJson = (teamsAppId: string, id: string) => {
    const cat = s.store.data.teamsCatalog.find((c) => c.id === teamsAppId);
    return {
      id,
      consentedPermissionSet: null,
      teamsApp: {
        id: teamsAppId,
        externalId: cat?.externalId ?? null,
        displayName: cat?.displayName ?? null,
        distributionMethod: 'organization',
      },
      teamsAppDefinition: {
        id: Buffer.from(`${teamsAppId}##1.0.0`).toString('base64url'),
        teamsAppId,
        displayName: cat?.displayName ?? null,
        version: '1.0.0',
      },
    };
  };
  r.get('/users/:u/teamwork/installedApps', 'installedApps.list', (req, p) => {
    requirePermission(req.auth, PERMS.teamsAppsRead);
    const user = findUserOr404(s, p.u!);
    const list = s.store.data.installedApps[user.id!] ?? [];
    return {
      status: 200,
      body: collection(
        req,
        metadataContext(req, `users('${p.u}')/teamwork/installedApps`),
        list,
        { defaultPageSize: 100, maxPageSize: 100 },
        (a) => appJson(a.teamsAppId, a.id),
      ),
    };
  });
  r.post('/users/:u/teamwork/installedApps', 'installedApps.create', (req, p) => {
    requirePermission(req.auth, PERMS.teamsAppsWrite);
    const user = findUserOr404(s, p.u!);
    const bind = jsonBody(req)['teamsApp@odata.bind'];
    if (typeof bind !== 'string')
      throw badRequest("The 'teamsApp@odata.bind' property is required.");
    const m = /appCatalogs\/teamsApps\/?\(?'?([^')/]+)'?\)?$/i.exec(bind);
    const appId = m?.[1];
    if (!appId || !s.store.data.teamsCatalog.some((c) => c.id === appId))
      throw new GraphError(
        404,
        'NotFound',
        `The Teams app '${appId ?? bind}' was not found in the app catalog.`,
      );
    if (
      req.auth.kind === 'app' &&
      !req.auth.roles.includes('TeamsAppInstallation.ReadWriteForUser.All')
    ) {
      // ...SelfForUser lets an app install only itself.
      const cat = s.store.data.teamsCatalog.find((c) => c.id === appId);
      if ((cat?.appId ?? cat?.externalId) !== req.auth.app.clientId)
        throw new GraphError(
          403,
          'Forbidden',
          'The app can only install itself with TeamsAppInstallation.ReadWriteSelfForUser.All.',
        );
    }
    const list = (s.store.data.installedApps[user.id!] ??= []);
    if (list.some((a) => a.teamsAppId === appId))
      throw new GraphError(409, 'Conflict', 'The app is already installed for this user.');
    list.push({
      id: Buffer.from(`${user.id}##${appId}`).toString('base64url'),
      teamsAppId: appId,
      installedAt: s.store.nowIso(),
      installedBy: req.auth.kind === 'app' ? req.auth.app.clientId : 'user',
    });
    s.store.emit({ userId: user.id!, kind: 'other', changeType: 'updated', id: guid() });
    // Teams then tells the bot (conversationUpdate, installationUpdate), as it does after an install.
    s.teams?.installed(user.id!);
    return { status: 201 };
  });
  // The organisation's app catalog, filtered by the manifest id: GET /appCatalogs/teamsApps?$filter=
  // externalId eq '<id>' (learn.microsoft.com: "List teamsApp", AppCatalog.Read.All or
  // AppCatalog.ReadWrite.All application permission). Other filters are refused rather than ignored.
  r.get('/appCatalogs/teamsApps', 'appCatalogs.teamsApps.list', (req) => {
    requirePermission(req.auth, PERMS.appCatalogRead);
    const filter = req.query.get('$filter');
    let list = s.store.data.teamsCatalog;
    if (filter) {
      const m = /^\s*externalId\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
      if (!m) throw badRequest(`Unsupported $filter: ${filter}`);
      const wanted = m[1]!.replace(/''/g, "'");
      list = list.filter((c) => c.externalId === wanted);
    }
    return {
      status: 200,
      body: collection(
        req,
        metadataContext(req, 'appCatalogs/teamsApps'),
        list,
        { defaultPageSize: 100, maxPageSize: 100 },
        (c) => ({
          id: c.id,
          externalId: c.externalId ?? null,
          displayName: c.displayName,
          distributionMethod: 'organization',
        }),
      ),
    };
  });
  // The 1:1 chat between the user and the installed app (its id is what proactive messages target).
  r.get('/users/:u/teamwork/installedApps/:id/chat', 'installedApps.chat', (req, p) => {
    requirePermission(req.auth, PERMS.teamsAppsRead);
    const user = findUserOr404(s, p.u!);
    const app = (s.store.data.installedApps[user.id!] ?? []).find((a) => a.id === p.id);
    if (!app) throw new GraphError(404, 'NotFound', 'The installed app was not found.');
    return {
      status: 200,
      body: {
        '@odata.context': metadataContext(
          req,
          `users('${p.u}')/teamwork/installedApps('${p.id}')/chat/$entity`,
        ),
        id: `19:${user.id}_${app.teamsAppId}@unq.gbl.spaces`,
        topic: null,
        createdDateTime: app.installedAt,
        lastUpdatedDateTime: app.installedAt,
        chatType: 'oneOnOne',
        webUrl: `https://teams.microsoft.com/l/chat/19%3a${user.id}_${app.teamsAppId}%40unq.gbl.spaces/0`,
        tenantId: s.store.data.tenantId,
      },
    };
  });
  r.delete('/users/:u/teamwork/installedApps/:id', 'installedApps.delete', (req, p) => {
    requirePermission(req.auth, PERMS.teamsAppsWrite);
    const user = findUserOr404(s, p.u!);
    const list = s.store.data.installedApps[user.id!] ?? [];
    if (!list.some((a) => a.id === p.id))
      throw new GraphError(404, 'NotFound', 'The installed app was not found.');
    s.store.data.installedApps[user.id!] = list.filter((a) => a.id !== p.id);
    return { status: 204 };
  });
}
