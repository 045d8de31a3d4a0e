// The mailbox's master category list (name + colour), so categories the app puts on mails show
// with the right colour in Outlook.
import type { CategoryColor, OutlookCategory } from '@microsoft/microsoft-graph-types';
import { collect, userPath, type Graph } from './client.js';
import { GraphError, isGraphError } from './errors.js';

export interface CategorySpec {
  displayName: string;
  color: CategoryColor;
}

/**
 * The master category list is a mailbox setting: Graph wants MailboxSettings.Read / ReadWrite for
 * it, not Mail.* (https://learn.microsoft.com/graph/api/outlookuser-list-mastercategories). A 403
 * here is nearly always that role missing, so the error says so.
 */
function explainDenied(e: unknown, mailbox: string, write: boolean): unknown {
  if (!isGraphError(e, 'forbidden')) return e;
  const role = write ? 'MailboxSettings.ReadWrite' : 'MailboxSettings.Read';
  return new GraphError({
    reason: 'forbidden',
    status: e.status,
    code: e.code,
    requestId: e.requestId,
    method: e.method,
    url: e.url,
    cause: e,
    message: `the app may not ${write ? 'change' : 'read'} the master category list of ${mailbox}: it needs ${role} (the Exchange RBAC role "Application ${role}" scoped to that mailbox); Mail.* does not cover categories (${e.message})`,
  });
}

export async function listMasterCategories(
  graph: Graph,
  mailbox: string,
): Promise<OutlookCategory[]> {
  try {
    return await collect<OutlookCategory>(graph, {
      path: `${userPath(mailbox)}/outlook/masterCategories`,
      query: { $select: ['id', 'displayName', 'color'] },
    });
  } catch (e) {
    throw explainDenied(e, mailbox, false);
  }
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
        if (!isGraphError(e, 'conflict')) throw explainDenied(e, mailbox, true);
      }
      changed = true;
    } else if (have.color !== spec.color && have.id) {
      await graph
        .json<OutlookCategory>({
          method: 'PATCH',
          path: `${userPath(mailbox)}/outlook/masterCategories/${encodeURIComponent(have.id)}`,
          body: { color: spec.color },
        })
        .catch((e: unknown) => {
          throw explainDenied(e, mailbox, true);
        });
      changed = true;
    }
  }
  return changed ? listMasterCategories(graph, mailbox) : existing;
}
