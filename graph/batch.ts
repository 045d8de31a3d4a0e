// JSON $batch: many small calls in few HTTP requests. At most 20 per batch (dependency groups kept
// together), items answered 429/503/504 sent again after their own Retry-After (the SDK doesn't),
// results in the order of the input. A batch whose items all work on one mailbox is sent as a
// dependsOn chain by default: Graph hands up to four items of a batch to Outlook at once, and each
// takes one of the mailbox's 4 concurrent slots, while the client's limiter counts the whole batch
// as one request. Chained, the batch really holds one slot, so the limiter's count is true.
import { type Graph, type HttpMethod } from './client.js';
import { GraphError, errorFromResponse, localError, parseRetryAfter } from './errors.js';
import { IMMUTABLE_ID_PREFER } from './client.js';
import {
  MAILBOX_HINT_HEADER,
  backoffMs,
  isRetryable,
  mailboxKeyOf,
  mergePrefer,
} from './middleware.js';

export const MAX_BATCH_SIZE = 20;

export interface BatchItem {
  /** Unique within the call; defaults to the item's position ("1", "2", …). */
  id?: string;
  method?: HttpMethod;
  /** Relative to the version: /users/{id}/messages/{mid}/attachments?$select=… */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Ids of items (in this call) that must succeed first; they travel in the same batch. */
  dependsOn?: string[];
}

export interface BatchResult<T = unknown> {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: T;
  /** Set when status is not 2xx (after retries). */
  error?: GraphError;
}

export interface BatchOptions {
  /** Retries per item for 429/503/504 (default 5). */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Batches in flight at once (default 1). */
  concurrency?: number;
  /**
   * Chain each batch's items with dependsOn so Graph runs them one after another and the batch
   * holds one mailbox slot, not up to four. Default: on when every item works on the same mailbox
   * (the limiter then counts the batch as one request of that mailbox), off otherwise. A chain
   * broken by a failed item is sent again from the item after it, at no retry cost.
   */
  sequential?: boolean;
}

interface WireResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Items linked by dependsOn, as groups that must share a batch; input order kept. */
function dependencyGroups(items: (BatchItem & { id: string })[]): (BatchItem & { id: string })[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x)!;
    if (p === x) return x;
    const r = find(p);
    parent.set(x, r);
    return r;
  };
  for (const it of items) parent.set(it.id, it.id);
  for (const it of items) {
    for (const d of it.dependsOn ?? []) {
      if (!parent.has(d))
        throw localError('bad-request', `$batch item ${it.id} depends on unknown ${d}`);
      parent.set(find(it.id), find(d));
    }
  }
  const groups = new Map<string, (BatchItem & { id: string })[]>();
  for (const it of items) {
    const r = find(it.id);
    const g = groups.get(r) ?? [];
    g.push(it);
    groups.set(r, g);
  }
  return [...groups.values()];
}

/** Items in an order where every item comes after its dependencies (stable otherwise). */
function dependencyOrder<T extends BatchItem & { id: string }>(items: T[]): T[] {
  const ids = new Set(items.map((it) => it.id));
  const placed = new Set<string>();
  const out: T[] = [];
  let left = items;
  while (left.length) {
    const rest: T[] = [];
    for (const it of left) {
      if ((it.dependsOn ?? []).every((d) => placed.has(d) || !ids.has(d))) {
        out.push(it);
        placed.add(it.id);
      } else rest.push(it);
    }
    if (rest.length === left.length) {
      throw localError(
        'bad-request',
        `$batch items ${rest.map((r) => r.id).join(', ')} depend on each other in a cycle`,
      );
    }
    left = rest;
  }
  return out;
}

export function planBatches<T extends BatchItem & { id: string }>(items: T[]): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  for (const g of dependencyGroups(items) as T[][]) {
    if (g.length > MAX_BATCH_SIZE) {
      throw localError(
        'bad-request',
        `A dependsOn chain of ${g.length} items exceeds ${MAX_BATCH_SIZE}`,
      );
    }
    if (current.length + g.length > MAX_BATCH_SIZE) {
      batches.push(current);
      current = [];
    }
    current.push(...g);
  }
  if (current.length) batches.push(current);
  return batches;
}

function lowerKeys(h: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) out[k.toLowerCase()] = String(v);
  return out;
}

function toWire(it: BatchItem & { id: string }, deps: string[]) {
  const headers: Record<string, string> = {};
  let prefer: string | undefined;
  for (const [k, v] of Object.entries(it.headers ?? {})) {
    if (k.toLowerCase() === 'prefer') prefer = v;
    else headers[k] = v;
  }
  headers.Prefer = mergePrefer(IMMUTABLE_ID_PREFER, prefer);
  if (
    it.body !== undefined &&
    !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')
  ) {
    headers['Content-Type'] = 'application/json';
  }
  return {
    id: it.id,
    method: it.method ?? 'GET',
    url: it.url.startsWith('/') ? it.url : `/${it.url}`,
    headers,
    ...(it.body !== undefined ? { body: it.body } : {}),
    ...(deps.length ? { dependsOn: deps } : {}),
  };
}

/** Run the items through $batch; every item gets a result (error set when it failed). */
export async function batch<T = unknown>(
  graph: Graph,
  items: BatchItem[],
  o: BatchOptions = {},
): Promise<BatchResult<T>[]> {
  const withIds = items.map((it, i) => ({ ...it, id: it.id ?? String(i + 1) }));
  const seen = new Set<string>();
  for (const it of withIds) {
    if (seen.has(it.id)) throw localError('bad-request', `Duplicate $batch item id ${it.id}`);
    seen.add(it.id);
  }
  const results = new Map<string, BatchResult<T>>();
  const maxRetries = o.maxRetries ?? 5;
  const base = o.baseDelayMs ?? 1000;
  const max = o.maxDelayMs ?? 60_000;

  async function runBatch(group: (BatchItem & { id: string })[]) {
    const mailboxes = new Set(group.map((it) => mailboxKeyOf(it.url)));
    const oneMailbox = mailboxes.size === 1 ? [...mailboxes][0] : undefined;
    const hint = oneMailbox ? { [MAILBOX_HINT_HEADER]: oneMailbox } : undefined;
    const chained = o.sequential ?? (oneMailbox !== undefined && group.length > 1);
    let pending = chained ? dependencyOrder(group) : group;
    // Retryable answers per item; resending the rest of a broken chain costs nothing.
    const tries = new Map<string, number>();
    while (pending.length) {
      const ids = new Set(pending.map((p) => p.id));
      const sentDeps = new Map<string, string[]>();
      const res = await graph.json<{ responses: WireResponse[] }>({
        method: 'POST',
        path: '/$batch',
        headers: hint,
        body: {
          requests: pending.map((it, i) => {
            // Dependencies already satisfied in an earlier attempt are dropped.
            const deps = (it.dependsOn ?? []).filter((d) => ids.has(d));
            const prev = chained && i > 0 ? pending[i - 1]!.id : undefined;
            const sent = prev && !deps.includes(prev) ? [...deps, prev] : deps;
            sentDeps.set(it.id, sent);
            return toWire(it, sent);
          }),
        },
      });
      const byId = new Map((res?.responses ?? []).map((r) => [String(r.id), r]));
      const retry: typeof pending = [];
      const retrying = new Set<string>();
      let wait = 0;
      for (const it of pending) {
        const r = byId.get(it.id) ?? {
          id: it.id,
          status: 500,
          body: { error: { code: 'missingBatchResponse' } },
        };
        const headers = lowerKeys(r.headers);
        const method = it.method ?? 'GET';
        const own = it.dependsOn ?? [];
        // An item sent without dependencies can't have failed on one: its 424 is final.
        if (r.status === 424 && sentDeps.get(it.id)?.length) {
          // A dependency failed. If it is being sent again, so is this one; in a chain, a failed
          // predecessor that is not one of the item's own dependencies says nothing about it.
          const ownFailed = own.some((d) => !retrying.has(d) && results.get(d)?.error);
          if (own.some((d) => retrying.has(d)) || (chained && !ownFailed)) {
            retry.push(it);
            retrying.add(it.id);
            continue;
          }
        }
        const attempt = tries.get(it.id) ?? 0;
        if (attempt < maxRetries && isRetryable(r.status, method, it.url)) {
          const asked = parseRetryAfter(headers['retry-after'], graph.now());
          if (asked === undefined || asked <= max) {
            tries.set(it.id, attempt + 1);
            retry.push(it);
            retrying.add(it.id);
            wait = Math.max(wait, asked ?? backoffMs(attempt, base, max, graph.random));
            continue;
          }
        }
        const ok = r.status >= 200 && r.status < 300;
        results.set(it.id, {
          id: it.id,
          status: r.status,
          headers,
          body: r.body as T,
          ...(ok
            ? {}
            : {
                error: errorFromResponse(
                  {
                    status: r.status,
                    headers: { get: (n: string) => headers[n.toLowerCase()] ?? null },
                  },
                  r.body,
                  { method, url: it.url, nowMs: graph.now() },
                ),
              }),
        });
      }
      pending = retry;
      if (pending.length && wait > 0) await graph.sleep(wait);
    }
  }

  const batches = planBatches(withIds);
  let next = 0;
  const workers = Array.from({ length: Math.min(o.concurrency ?? 1, batches.length) }, async () => {
    while (next < batches.length) await runBatch(batches[next++]!);
  });
  await Promise.all(workers);
  return withIds.map((it) => results.get(it.id)!);
}

/** The body of a successful item, or its GraphError thrown. */
export function unwrap<T>(r: BatchResult<T>): T {
  if (r.error) throw r.error;
  return r.body;
}
