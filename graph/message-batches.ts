// Many mails of one mailbox at once through JSON $batch (20 calls per HTTP request): reading a few
// properties of the mails a delta page brought, and filing handled mails (categories, then the move).
// A batch on one mailbox runs as a dependsOn chain, so it holds one of Outlook's 4 concurrent slots
// (graph/batch.ts); against the mailbox limit of 10,000 requests per 10 minutes it counts as one.
import type { Message } from '@microsoft/microsoft-graph-types';
import { batch, type BatchItem } from './batch.js';
import { buildPath, userPath, type Graph } from './client.js';
import { isGraphError, type GraphError } from './errors.js';

const messagePath = (mailbox: string, id: string) =>
  `${userPath(mailbox)}/messages/${encodeURIComponent(id)}`;

/**
 * `select` of each mail, by id. A mail deleted meanwhile is left out; any other failed item throws
 * its GraphError.
 */
export async function getMessages(
  graph: Graph,
  mailbox: string,
  ids: readonly string[],
  select: readonly string[],
): Promise<Map<string, Message>> {
  const out = new Map<string, Message>();
  if (ids.length === 0) return out;
  const results = await batch<Message>(
    graph,
    ids.map((id, i) => ({
      id: String(i + 1),
      url: buildPath(messagePath(mailbox, id), { $select: [...select] }),
    })),
  );
  for (const [i, r] of results.entries()) {
    if (r.error) {
      if (isGraphError(r.error, 'not-found')) continue;
      throw r.error;
    }
    out.set(ids[i]!, r.body);
  }
  return out;
}

export interface FilingStep {
  messageId: string;
  /** The mail's whole category list after filing; absent: categories stay as they are. */
  categories?: string[];
  /** The folder to move the mail to (with immutable ids its id stays the same). */
  destinationId?: string;
}

/**
 * Files many mails: each mail's categories are set, then it is moved (the move depends on the
 * update, so a mail whose update failed stays where it is). One outcome per step, in order:
 * undefined when done, 'gone' when the mail was deleted meanwhile, or the GraphError of the step.
 */
export async function fileMessages(
  graph: Graph,
  mailbox: string,
  steps: readonly FilingStep[],
): Promise<(undefined | 'gone' | GraphError)[]> {
  const items: BatchItem[] = [];
  const owner: number[] = [];
  for (const [i, s] of steps.entries()) {
    const path = messagePath(mailbox, s.messageId);
    const update = `${i}u`;
    if (s.categories)
      items.push({ id: update, method: 'PATCH', url: path, body: { categories: s.categories } });
    if (s.destinationId)
      items.push({
        id: `${i}m`,
        method: 'POST',
        url: `${path}/move`,
        body: { destinationId: s.destinationId },
        ...(s.categories ? { dependsOn: [update] } : {}),
      });
    while (owner.length < items.length) owner.push(i);
  }
  const outcomes: (undefined | 'gone' | GraphError)[] = steps.map(() => undefined);
  if (items.length === 0) return outcomes;
  const results = await batch(graph, items);
  for (const [k, r] of results.entries()) {
    const i = owner[k]!;
    if (!r.error || outcomes[i] !== undefined) continue;
    outcomes[i] = isGraphError(r.error, 'not-found') ? 'gone' : r.error;
  }
  return outcomes;
}
