// The mailbox's master category list (name + colour), so categories the app puts on mails show
// with the right colour in Outlook.
import type { CategoryColor, OutlookCategory } from '@microsoft/microsoft-graph-types';
import { collect, userPath, type Graph } from './client.js';
import { isGraphError } from './errors.js';

export interface CategorySpec {
  displayName: string;
  color: CategoryColor;
}

export async function listMasterCategories(
  graph: Graph,
  mailbox: string,
): Promise<OutlookCategory[]> {
  return collect<OutlookCategory>(graph, {
    path: `${userPath(mailbox)}/outlook/masterCategories`,
    query: { $select: ['id', 'displayName', 'color'] },
  });
}

/**
 * Make sure each category exists with its colour: missing ones are created, wrong colours fixed.
 * Idempotent; a 409 from a concurrent create counts as done. Returns the resulting list.
 */
export async function ensureMasterCategories(
  graph: Graph,
  mailbox: string,
  wanted: CategorySpec[],
): Promise<OutlookCategory[]> {
  const existing = await listMasterCategories(graph, mailbox);
  const byName = new Map(existing.map((c) => [(c.displayName ?? '').toLowerCase(), c]));
  let changed = false;
  for (const spec of wanted) {
    const have = byName.get(spec.displayName.toLowerCase());
    if (!have) {
      try {
        await graph.json<OutlookCategory>({
          method: 'POST',
          path: `${userPath(mailbox)}/outlook/masterCategories`,
          body: { displayName: spec.displayName, color: spec.color },
        });
      } catch (e) {
        if (!isGraphError(e, 'conflict')) throw e;
      }
      changed = true;
    } else if (have.color !== spec.color && have.id) {
      await graph.json<OutlookCategory>({
        method: 'PATCH',
        path: `${userPath(mailbox)}/outlook/masterCategories/${encodeURIComponent(have.id)}`,
        body: { color: spec.color },
      });
      changed = true;
    }
  }
  return changed ? listMasterCategories(graph, mailbox) : existing;
}
