// Per-folder delta sync of mail: follow @odata.nextLink to @odata.deltaLink, hand each page to an
// idempotent sink, report @removed items, and on 410 / syncStateNotFound start over from scratch
// once (resynced: true), never handing the same version of a message to the sink twice in a run.
import type { Message } from '@microsoft/microsoft-graph-types';
import { userPath, type Graph, type GraphRequest, type Page } from './client.js';
import { isGraphError } from './errors.js';
import { folderSegment, type WellKnownFolder } from './folders.js';
import { MESSAGE_SELECT } from './messages.js';

export interface RemovedItem {
  id: string;
  /** 'deleted' (gone for good) or 'changed' (moved out of the folder). */
  reason: string;
}

export interface DeltaPage {
  changed: Message[];
  removed: RemovedItem[];
  /** This page belongs to a full enumeration that replaced an expired deltaLink. */
  resynced: boolean;
}

export interface SyncFolderOptions {
  mailbox: string;
  folder: WellKnownFolder | string;
  /** The deltaLink stored after the last sync; absent for the first (full) sync. */
  deltaLink?: string;
  /** Prefer odata.maxpagesize (default 500). */
  pageSize?: number;
  /** Properties per message (default MESSAGE_SELECT); always include what the sink needs. */
  select?: readonly string[];
  /** Optional $expand, e.g. attachments($select=id,name,size,contentType). */
  expand?: string;
  /** The sink. Must be idempotent by message id: after a resync every message comes again. */
  onPage: (page: DeltaPage) => Promise<void> | void;
  /** Called when the stored deltaLink was refused and the sync restarts from scratch. */
  onResync?: () => Promise<void> | void;
  /**
   * Fetch the next page while the sink handles this one (default true). Either way at most one
   * page request is in flight (each nextLink comes with the page before), which
   * syncFolderWithAttachments counts on.
   */
  prefetch?: boolean;
  signal?: AbortSignal;
}

export interface SyncFolderResult {
  /** Store this; pass it next time. */
  deltaLink: string;
  /** Distinct messages handed to the sink as new or changed. */
  changed: number;
  removed: number;
  pages: number;
  resynced: boolean;
  /**
   * When this run enumerated the whole folder (first sync or resync): every id present in it.
   * Anything the caller holds for this folder and not listed here is gone from the folder.
   */
  presentIds?: string[];
}

type DeltaItem = Message & { '@removed'?: { reason?: string }; lastModifiedDateTime?: string };

const versionOf = (m: DeltaItem) =>
  m.changeKey ?? m.lastModifiedDateTime ?? (m.categories ? m.categories.join('|') : '');

export async function syncFolder(graph: Graph, o: SyncFolderOptions): Promise<SyncFolderResult> {
  const prefer = [`odata.maxpagesize=${o.pageSize ?? 500}`];
  const first: GraphRequest = {
    path: `${userPath(o.mailbox)}/mailFolders/${folderSegment(o.folder)}/messages/delta`,
    query: { $select: [...(o.select ?? MESSAGE_SELECT)], $expand: o.expand },
    prefer,
    signal: o.signal,
  };
  const linkRequest = (link: string): GraphRequest => ({ path: link, prefer, signal: o.signal });

  // What the sink has already seen in this run, by id → version, so a restart re-sends nothing.
  const delivered = new Map<string, string>();
  const removedIds = new Set<string>();
  let pagesCount = 0;
  let resynced = false;

  async function run(start: GraphRequest, full: boolean): Promise<SyncFolderResult> {
    const present = full ? new Set<string>() : undefined;
    let pending: Promise<Page<DeltaItem>> | undefined = graph.json<Page<DeltaItem>>(start);
    for (;;) {
      const page: Page<DeltaItem> = await pending!;
      pending = undefined;
      pagesCount++;
      const next = page['@odata.nextLink'];
      const deltaLink = page['@odata.deltaLink'];
      if (next && o.prefetch !== false) {
        pending = graph.json<Page<DeltaItem>>(linkRequest(next));
        pending.catch(() => undefined); // surfaced when awaited
      }
      const changed: Message[] = [];
      const removed: RemovedItem[] = [];
      for (const item of page.value ?? []) {
        if (!item.id) continue;
        if (item['@removed']) {
          present?.delete(item.id);
          delivered.delete(item.id);
          if (!removedIds.has(item.id)) {
            removedIds.add(item.id);
            removed.push({ id: item.id, reason: item['@removed'].reason ?? 'deleted' });
          }
          continue;
        }
        present?.add(item.id);
        removedIds.delete(item.id);
        const v = versionOf(item);
        if (delivered.get(item.id) === v) continue;
        delivered.set(item.id, v);
        const { '@removed': _r, ...message } = item;
        changed.push(message);
      }
      if (changed.length || removed.length) await o.onPage({ changed, removed, resynced });
      if (next) {
        pending ??= graph.json<Page<DeltaItem>>(linkRequest(next));
        continue;
      }
      if (!deltaLink) {
        throw new Error('Delta page had neither @odata.nextLink nor @odata.deltaLink');
      }
      return {
        deltaLink,
        changed: delivered.size,
        removed: removedIds.size,
        pages: pagesCount,
        resynced,
        ...(present ? { presentIds: [...present] } : {}),
      };
    }
  }

  const start = o.deltaLink ? linkRequest(o.deltaLink) : first;
  try {
    return await run(start, !o.deltaLink);
  } catch (e) {
    if (!isGraphError(e, 'gone')) throw e;
    // The sync state expired (or the server lost it): enumerate the folder again. Items already
    // handed over in this run with the same version are not handed over twice.
    resynced = true;
    await o.onResync?.();
    return run(first, true);
  }
}

/** Convenience for small folders and tests: collect everything instead of streaming pages. */
export async function syncFolderCollect(
  graph: Graph,
  o: Omit<SyncFolderOptions, 'onPage'>,
): Promise<SyncFolderResult & { messages: Message[]; removedItems: RemovedItem[] }> {
  const byId = new Map<string, Message>();
  const removedItems: RemovedItem[] = [];
  const result = await syncFolder(graph, {
    ...o,
    onPage: (p) => {
      for (const m of p.changed) byId.set(m.id!, m);
      for (const r of p.removed) {
        byId.delete(r.id);
        removedItems.push(r);
      }
    },
  });
  return { ...result, messages: [...byId.values()], removedItems };
}
