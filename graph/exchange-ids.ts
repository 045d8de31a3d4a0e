// Outlook item ids between formats (translateExchangeIds): the Outlook add-in gets an EWS id from
// Office.js (getItemIdAsync) and the app keeps immutable Graph ids. Delegated only: Graph refuses
// it with application permissions, so it runs on a Graph client acting as the signed-in user
// (on-behalf-of). https://learn.microsoft.com/graph/api/user-translateexchangeids
import type { Graph } from './client.js';
import { localError } from './errors.js';

export type ExchangeIdFormat = 'ewsId' | 'restId' | 'restImmutableEntryId';

interface ConvertIdResult {
  sourceId?: string;
  targetId?: string;
  errorDetails?: { code?: string; message?: string };
}

/**
 * The signed-in user's item ids as immutable Graph ids, in input order; undefined for an id Graph
 * could not translate (not an item of this mailbox, or malformed).
 */
export async function toImmutableIds(
  graph: Graph,
  ids: readonly string[],
  sourceIdType: Exclude<ExchangeIdFormat, 'restImmutableEntryId'>,
): Promise<(string | undefined)[]> {
  if (ids.length === 0) return [];
  if (ids.length > 1000)
    throw localError('bad-request', 'translateExchangeIds takes at most 1000 ids per call');
  const result = await graph.json<{ value?: ConvertIdResult[] }>({
    method: 'POST',
    path: '/me/translateExchangeIds',
    body: { inputIds: ids, sourceIdType, targetIdType: 'restImmutableEntryId' },
  });
  const bySource = new Map((result.value ?? []).map((r) => [r.sourceId, r]));
  return ids.map((id) => bySource.get(id)?.targetId ?? undefined);
}
