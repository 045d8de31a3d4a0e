// The organisation's Teams app catalog: our app's catalog id, found by the manifest id (externalId),
// never assumed — the catalog id differs per tenant and changes when the app is re-published.
// GET /appCatalogs/teamsApps?$filter=externalId eq '<manifest id>' (AppCatalog.Read.All).
import type { TeamsApp } from '@microsoft/microsoft-graph-types';
import { collect, type Graph } from './client.js';
import { odataString } from './users.js';

export async function findCatalogAppByExternalId(
  graph: Graph,
  externalId: string,
): Promise<{ id: string; displayName?: string } | undefined> {
  const apps = await collect<TeamsApp>(
    graph,
    {
      path: '/appCatalogs/teamsApps',
      query: {
        $filter: `externalId eq ${odataString(externalId)}`,
        $select: ['id', 'externalId', 'displayName', 'distributionMethod'],
      },
    },
    5,
  );
  // An app published to the organisation wins over a sideloaded copy with the same manifest id.
  const app = apps.find((a) => a.distributionMethod === 'organization') ?? apps.find((a) => a.id);
  return app?.id
    ? { id: app.id, ...(app.displayName ? { displayName: app.displayName } : {}) }
    : undefined;
}
