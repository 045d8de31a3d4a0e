// Our Teams app installed in a user's personal scope, so the bot can message them proactively.
// 409 (already installed) counts as success.
import type { UserScopeTeamsAppInstallation } from '@microsoft/microsoft-graph-types';
import { collect, userPath, type Graph } from './client.js';
import { isGraphError } from './errors.js';

export interface InstalledApp {
  id: string;
  teamsAppId: string;
  displayName?: string;
}

/** Install the app (its id in the org catalog) for the user. Returns 'installed' or 'already'. */
export async function installAppForUser(
  graph: Graph,
  user: string,
  teamsAppId: string,
): Promise<'installed' | 'already'> {
  try {
    await graph.json<void>({
      method: 'POST',
      path: `${userPath(user)}/teamwork/installedApps`,
      body: {
        'teamsApp@odata.bind': `${graph.baseUrl}/appCatalogs/teamsApps/${encodeURIComponent(teamsAppId)}`,
      },
    });
    return 'installed';
  } catch (e) {
    if (isGraphError(e, 'conflict')) return 'already';
    throw e;
  }
}

export async function listInstalledApps(graph: Graph, user: string): Promise<InstalledApp[]> {
  const list = await collect<UserScopeTeamsAppInstallation>(graph, {
    path: `${userPath(user)}/teamwork/installedApps`,
    query: { $expand: 'teamsApp($select=id,displayName)' },
  });
  return list.map((i) => ({
    id: i.id ?? '',
    teamsAppId: i.teamsApp?.id ?? '',
    ...(i.teamsApp?.displayName ? { displayName: i.teamsApp.displayName } : {}),
  }));
}

export async function isAppInstalledForUser(
  graph: Graph,
  user: string,
  teamsAppId: string,
): Promise<boolean> {
  return (await listInstalledApps(graph, user)).some((a) => a.teamsAppId === teamsAppId);
}
