// Per-folder delta: paging to the deltaLink, @removed, and 410 → full resync with no duplicates
// and nothing lost. A small scripted delta service stands in for Graph.
import type { Message } from '@microsoft/microsoft-graph-types';
import { describe, expect, it } from 'vitest';
import { createGraphClient } from './client.js';
import { syncFolder, syncFolderCollect, type DeltaPage } from './delta.js';
import { FakeTransport, graphErrorResponse, jsonResponse } from './fake-transport.js';

const BASE = 'http://127.0.0.1:3979/v1.0';
const DELTA = '/users/shared/mailFolders/inbox/messages/delta';

/** Messages in a folder with a change counter; tokens remember what the client has seen. */
class FakeFolder {
  msgs = new Map<string, { id: string; subject: string; changeKey: string; rev: number }>();
  rev = 0;
  deletedAt = new Map<string, number>();
  expired = new Set<string>();
  /** Fail the n-th page request of a run with 410 (for mid-sync expiry). */
  failPage?: number;
  pageRequests = 0;
  lastPrefer = '';
  beforePage?: (n: number) => void;

  put(id: string, subject: string) {
    this.rev++;
    this.msgs.set(id, { id, subject, changeKey: `ck${this.rev}`, rev: this.rev });
    this.deletedAt.delete(id);
  }
  remove(id: string) {
    this.rev++;
    this.msgs.delete(id);
    this.deletedAt.set(id, this.rev);
  }

  install(t: FakeTransport) {
    t.on('GET', DELTA, (req) => {
      this.pageRequests++;
      this.beforePage?.(this.pageRequests);
      this.lastPrefer = req.headers.get('prefer') ?? '';
      const size = Number(/odata\.maxpagesize=(\d+)/.exec(this.lastPrefer)?.[1] ?? 10);
      const since = Number(req.query.get('$deltatoken') ?? 0);
      const skip = Number(req.query.get('$skiptoken') ?? 0);
      const token = req.query.get('$deltatoken') ?? req.query.get('$skiptoken');
      if (token && this.expired.has(token)) return graphErrorResponse(410, 'SyncStateNotFound');
      if (this.failPage === this.pageRequests) {
        return graphErrorResponse(400, 'resyncRequired', 'The sync state is no longer valid');
      }
      const snapshotRev = Number(req.query.get('rev') ?? this.rev);
      const changed: object[] = [...this.msgs.values()]
        .filter((m) => m.rev > since)
        .map(({ id, subject, changeKey }) => ({ id, subject, changeKey }));
      const removed = since
        ? [...this.deletedAt]
            .filter(([, r]) => r > since)
            .map(([id]) => ({ id, '@removed': { reason: 'deleted' } }))
        : [];
      const all = [...changed, ...removed];
      const page = all.slice(skip, skip + size);
      const more = skip + size < all.length;
      const link = more
        ? `${BASE}${DELTA}?$skiptoken=${skip + size}&${since ? `$deltatoken=${since}&` : ''}rev=${snapshotRev}`
        : `${BASE}${DELTA}?$deltatoken=${snapshotRev}`;
      return jsonResponse(200, {
        value: page,
        ...(more ? { '@odata.nextLink': link } : { '@odata.deltaLink': link }),
      });
    });
  }
}

function setup() {
  const t = new FakeTransport();
  const folder = new FakeFolder();
  folder.install(t);
  const graph = createGraphClient({
    baseUrl: BASE,
    tokenProvider: async () => 't',
    fetch: t.fetch,
  });
  return { t, folder, graph };
}

/** An idempotent sink like the app's store: counts how often each id was handed over. */
function sink() {
  const store = new Map<string, Message>();
  const handed = new Map<string, number>();
  const removed: string[] = [];
  const pages: DeltaPage[] = [];
  return {
    store,
    handed,
    removed,
    pages,
    onPage: (p: DeltaPage) => {
      pages.push(p);
      for (const m of p.changed) {
        store.set(m.id!, m);
        handed.set(m.id!, (handed.get(m.id!) ?? 0) + 1);
      }
      for (const r of p.removed) {
        store.delete(r.id);
        removed.push(r.id);
      }
    },
  };
}

describe('syncFolder', () => {
  it('pages through a full sync to the deltaLink, with $select and the page size asked', async () => {
    const { t, folder, graph } = setup();
    for (let i = 0; i < 25; i++) folder.put(`m${i}`, `Ämne ${i}`);
    const s = sink();
    const r = await syncFolder(graph, {
      mailbox: 'shared',
      folder: 'inbox',
      pageSize: 10,
      select: ['id', 'subject', 'changeKey'],
      onPage: s.onPage,
    });
    expect(s.store.size).toBe(25);
    expect(r).toMatchObject({ changed: 25, removed: 0, pages: 3, resynced: false });
    expect(r.deltaLink).toContain('$deltatoken=25');
    expect(r.presentIds).toHaveLength(25);
    expect(t.calls[0]!.query.get('$select')).toBe('id,subject,changeKey');
    expect(folder.lastPrefer).toContain('odata.maxpagesize=10');
    expect(folder.lastPrefer).toContain('IdType="ImmutableId"');
  });

  it('brings only changes and removals from a stored deltaLink', async () => {
    const { folder, graph } = setup();
    for (let i = 0; i < 5; i++) folder.put(`m${i}`, `s${i}`);
    const first = await syncFolderCollect(graph, { mailbox: 'shared', folder: 'inbox' });
    folder.put('m1', 's1 (ändrad)');
    folder.put('m9', 'ny');
    folder.remove('m3');
    const s = sink();
    const r = await syncFolder(graph, {
      mailbox: 'shared',
      folder: 'inbox',
      deltaLink: first.deltaLink,
      onPage: s.onPage,
    });
    expect([...s.store.keys()].sort()).toEqual(['m1', 'm9']);
    expect(s.removed).toEqual(['m3']);
    expect(r).toMatchObject({ changed: 2, removed: 1, resynced: false });
    expect(r.presentIds).toBeUndefined();
  });

  it('410 on the stored deltaLink → full resync: every message once, nothing lost, resynced reported', async () => {
    const { folder, graph } = setup();
    for (let i = 0; i < 30; i++) folder.put(`m${i}`, `s${i}`);
    const first = await syncFolderCollect(graph, {
      mailbox: 'shared',
      folder: 'inbox',
      pageSize: 7,
    });
    folder.put('m30', 'arrived while the token expired');
    folder.remove('m2');
    folder.expired.add(new URL(first.deltaLink).searchParams.get('$deltatoken')!);
    let resyncCalls = 0;
    const s = sink();
    const r = await syncFolder(graph, {
      mailbox: 'shared',
      folder: 'inbox',
      deltaLink: first.deltaLink,
      pageSize: 7,
      onPage: s.onPage,
      onResync: () => void resyncCalls++,
    });
    expect(r.resynced).toBe(true);
    expect(resyncCalls).toBe(1);
    expect(s.pages.every((p) => p.resynced)).toBe(true);
    expect(s.store.size).toBe(30); // 30 − m2 + m30
    expect(s.store.has('m30')).toBe(true);
    expect([...s.handed.values()].every((n) => n === 1)).toBe(true);
    // m2 vanished during the gap: the full list lets the caller sweep it.
    expect(r.presentIds).not.toContain('m2');
    expect(r.presentIds).toHaveLength(30);
  });

  it('expiry in the middle of paging → starts over without handing any message over twice', async () => {
    const { folder, graph } = setup();
    for (let i = 0; i < 40; i++) folder.put(`m${i}`, `s${i}`);
    folder.failPage = 3; // two pages delivered, then the state is gone
    const s = sink();
    const r = await syncFolder(graph, {
      mailbox: 'shared',
      folder: 'inbox',
      pageSize: 10,
      onPage: s.onPage,
      prefetch: false,
    });
    expect(r.resynced).toBe(true);
    expect(s.store.size).toBe(40);
    expect([...s.handed.values()].every((n) => n === 1)).toBe(true);
    expect(r.deltaLink).toContain('$deltatoken=40');
  });

  it('hands a message over again when it changed between the broken run and the resync', async () => {
    const { folder, graph } = setup();
    for (let i = 0; i < 20; i++) folder.put(`m${i}`, `s${i}`);
    folder.failPage = 2;
    folder.beforePage = (n) => {
      if (n === 2) folder.put('m0', 'ändrad'); // m0 changes after the first page was handed over
    };
    const s = sink();
    const r = await syncFolder(graph, {
      mailbox: 'shared',
      folder: 'inbox',
      pageSize: 10,
      onPage: s.onPage,
      prefetch: false,
    });
    expect(r.resynced).toBe(true);
    expect(s.store.get('m0')!.subject).toBe('ändrad');
    expect(s.handed.get('m0')).toBe(2);
    expect(s.store.size).toBe(20);
  });

  it('a second expiry in one run is an error for the caller, not a loop', async () => {
    const { t, graph } = setup();
    t.on('GET', DELTA, () => graphErrorResponse(410, 'SyncStateNotFound'));
    await expect(
      syncFolder(graph, { mailbox: 'shared', folder: 'inbox', onPage: () => undefined }),
    ).rejects.toMatchObject({ reason: 'gone' });
    expect(t.calls).toHaveLength(2);
  });
});
