// The outbox worker on fake timers, with an in-memory outbox and a scripted Graph: order, pacing,
// Retry-After, retries that look the draft up by id first, permanent failures, giving up.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '@microsoft/microsoft-graph-types';
import { GraphError } from '../../graph/index.js';
import type { LocksRepo, OutboxItem, OutboxRepo, OutboxStatus, Store } from '../../store/index.js';
import { startOutboxWorker, type OutboxWorker } from './sender.js';
import type { OutboxGraph } from './transport.js';
import { MailPriority, enqueueMail, type OutboxMessage } from './types.js';

const MAILBOX = 'kvalitetsutmarkelsen@stockholm.example';

/** The store's outbox semantics in memory (claim order, leases, sent counts). */
function memoryStore(): Pick<Store, 'outbox' | 'locks'> & { items: OutboxItem<OutboxMessage>[] } {
  const items: OutboxItem<OutboxMessage>[] = [];
  const now = () => new Date();
  const locks = new Map<string, { owner: string; until: number }>();
  const outbox: OutboxRepo = {
    async enqueue(item) {
      const existing = items.find((i) => i.key === item.key);
      if (existing) return { inserted: false, item: existing as never };
      const at = now().toISOString();
      const rec: OutboxItem<OutboxMessage> = {
        id: items.length + 1,
        key: item.key,
        kind: item.kind,
        mailbox: item.mailbox,
        payload: item.payload as OutboxMessage,
        recipientCount: item.recipientCount ?? 1,
        priority: item.priority ?? 50,
        notBefore: item.notBefore ? new Date(item.notBefore).toISOString() : at,
        status: 'pending',
        attempts: 0,
        createdAt: at,
      };
      items.push(rec);
      return { inserted: true, item: rec as never };
    },
    get: async (id) => items.find((i) => i.id === id) as never,
    getByKey: async (key) => items.find((i) => i.key === key) as never,
    async claimNext({ owner, leaseMs, mailbox }) {
      const t = now().getTime();
      const due = items
        .filter((i) => mailbox === undefined || i.mailbox === mailbox)
        .filter(
          (i) =>
            (i.status === 'pending' && Date.parse(i.notBefore) <= t) ||
            (i.status === 'sending' && Date.parse(i.leaseUntil!) <= t),
        )
        .sort((a, b) => a.priority - b.priority || a.id - b.id)[0];
      if (!due) return null;
      Object.assign(due, {
        status: 'sending',
        attempts: due.attempts + 1,
        leaseOwner: owner,
        leaseUntil: new Date(t + leaseMs).toISOString(),
      });
      return { ...due } as never;
    },
    async renewLease(id, owner, leaseMs) {
      const i = items.find((x) => x.id === id && x.status === 'sending' && x.leaseOwner === owner);
      if (!i) return false;
      i.leaseUntil = new Date(now().getTime() + leaseMs).toISOString();
      return true;
    },
    async defer(id, owner, until) {
      const i = items.find((x) => x.id === id && x.status === 'sending' && x.leaseOwner === owner);
      if (!i) return false;
      Object.assign(i, {
        status: 'pending',
        notBefore: new Date(until).toISOString(),
        attempts: i.attempts - 1,
      });
      delete i.leaseOwner;
      return true;
    },
    async recordDraft(id, owner, draftId, internetMessageId) {
      const i = items.find((x) => x.id === id && x.status === 'sending' && x.leaseOwner === owner);
      if (!i) return false;
      i.draftId = draftId;
      if (internetMessageId) i.internetMessageId = internetMessageId;
      else delete i.internetMessageId;
      return true;
    },
    async markSent(id, owner, sentAt) {
      const i = items.find((x) => x.id === id && x.status === 'sending' && x.leaseOwner === owner);
      if (!i) return false;
      Object.assign(i, { status: 'sent', sentAt: new Date(sentAt ?? now()).toISOString() });
      delete i.leaseOwner;
      return true;
    },
    async markFailed(id, owner, failure) {
      const i = items.find((x) => x.id === id && x.status === 'sending' && x.leaseOwner === owner);
      if (!i) return false;
      i.status = failure.retryAt === undefined ? 'failed' : 'pending';
      if (failure.retryAt !== undefined) i.notBefore = new Date(failure.retryAt).toISOString();
      i.error = failure.error;
      delete i.leaseOwner;
      return true;
    },
    async sentSince(since, mailbox) {
      const sent = items.filter(
        (i) =>
          i.status === 'sent' &&
          Date.parse(i.sentAt!) > new Date(since).getTime() &&
          (mailbox === undefined || i.mailbox === mailbox),
      );
      return { messages: sent.length, recipients: sent.reduce((n, i) => n + i.recipientCount, 0) };
    },
    // Bounces are the intake's business; the sender never reads them.
    listSentSince: async () => [],
    findByInternetMessageId: async (mid) => items.find((i) => i.internetMessageId === mid) as never,
    markBounced: async () => false,
    async nextDueAt() {
      const pending = items.filter((i) => i.status === 'pending').map((i) => i.notBefore);
      return pending.sort()[0];
    },
    async counts() {
      const c: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
      for (const i of items) c[i.status]++;
      return c;
    },
  };
  const lockRepo: LocksRepo = {
    async tryAcquire(name, owner, leaseMs) {
      const t = now().getTime();
      const held = locks.get(name);
      if (held && held.owner !== owner && held.until > t) return false;
      locks.set(name, { owner, until: t + leaseMs });
      return true;
    },
    async release(name, owner) {
      if (locks.get(name)?.owner === owner) locks.delete(name);
    },
  };
  return { outbox, locks: lockRepo, items };
}

/**
 * Graph as a script: drafts are created, each send asks `onSend`; a sent draft leaves Drafts (as
 * Exchange moves it to Sent Items), and `lookups` records every look-up by draft id.
 */
function scriptedGraph(onSend: (key: string, n: number) => void | Promise<void> = () => {}) {
  const accepted: Array<{ key: string; at: number }> = [];
  const lookups: string[] = [];
  const drafts = new Map<string, { key: string; sentAt?: string }>();
  let n = 0;
  const keyOf = (m: { internetMessageHeaders?: Array<{ value?: string | null }> | null }) =>
    m.internetMessageHeaders![0]!.value!;
  const api = {
    folders: {
      getFolder: async () => ({ id: 'drafts-folder' }),
    },
    messages: {
      async createDraft(_mailbox: string, m: Message) {
        const id = `draft-${drafts.size + 1}`;
        drafts.set(id, { key: keyOf(m) });
        return { id, internetMessageId: `<${id}@prod.outlook.com>` };
      },
      async createReply(_mailbox: string, _id: string, _c: unknown, m: Message) {
        const id = `draft-${drafts.size + 1}`;
        drafts.set(id, { key: keyOf(m) });
        return { id, internetMessageId: `<${id}@prod.outlook.com>` };
      },
      async sendDraft(_mailbox: string, id: string) {
        const d = drafts.get(id)!;
        if (d.sentAt) throw new Error('sent twice');
        await onSend(d.key, ++n);
        d.sentAt = new Date().toISOString();
        accepted.push({ key: d.key, at: Date.now() });
      },
      async getMessage(_mailbox: string, id: string) {
        lookups.push(id);
        const d = drafts.get(id)!;
        return d.sentAt
          ? { id, isDraft: false, sentDateTime: d.sentAt, parentFolderId: 'sent-folder' }
          : { id, isDraft: true, parentFolderId: 'drafts-folder' };
      },
    },
  };
  /** Exchange took the draft but the answer never came back. */
  const takeSilently = (key: string) => {
    for (const d of drafts.values()) if (d.key === key) d.sentAt = new Date().toISOString();
    accepted.push({ key, at: Date.now() });
  };
  return { api: api as unknown as OutboxGraph, accepted, lookups, takeSilently };
}

async function queue(
  store: ReturnType<typeof memoryStore>,
  key: string,
  priority: number = MailPriority.answer,
) {
  await enqueueMail(store, {
    key,
    priority,
    message: {
      kind: 'send',
      mailbox: MAILBOX,
      to: [{ address: `${key.replace(/\W/g, '')}@forskola.example` }],
      subject: key,
      html: `<p>${key}</p>`,
    },
  });
}

let worker: OutboxWorker | undefined;
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-05-17T21:00:00Z') });
});
afterEach(async () => {
  const stopping = worker?.stop();
  await vi.runAllTimersAsync();
  await stopping;
  worker = undefined;
  vi.useRealTimers();
});

const start = (store: ReturnType<typeof memoryStore>, api: OutboxGraph, o = {}) =>
  (worker = startOutboxWorker({ store, graph: api, mailboxes: [MAILBOX], idleMs: 1_000, ...o }));

describe('startOutboxWorker', () => {
  it('sends the most urgent first, then the oldest', async () => {
    const store = memoryStore();
    await queue(store, 'newsletter', MailPriority.newsletter);
    await queue(store, 'receipt-1', MailPriority.receipt);
    await queue(store, 'deadline-receipt', MailPriority.deadlineReceipt);
    await queue(store, 'receipt-2', MailPriority.receipt);
    const g = scriptedGraph();
    start(store, g.api, { concurrency: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(g.accepted.map((a) => a.key)).toEqual([
      'deadline-receipt',
      'receipt-1',
      'receipt-2',
      'newsletter',
    ]);
  });

  it('keeps the Message-ID Graph gave each draft, so a bounce finds exactly that mail', async () => {
    const store = memoryStore();
    await queue(store, 'receipt-a', MailPriority.receipt);
    await queue(store, 'receipt-b', MailPriority.receipt);
    const g = scriptedGraph();
    start(store, g.api, { concurrency: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    const b = store.items.find((i) => i.key === 'receipt-b')!;
    expect(b).toMatchObject({ status: 'sent', draftId: 'draft-2' });
    expect(b.internetMessageId).toBe('<draft-2@prod.outlook.com>');
    expect((await store.outbox.findByInternetMessageId('<draft-2@prod.outlook.com>'))?.key).toBe(
      'receipt-b',
    );
  });

  it('sends 30 in the first minute and the rest when the window slides', async () => {
    const store = memoryStore();
    for (let i = 0; i < 35; i++) await queue(store, `mail-${i}`);
    const g = scriptedGraph();
    start(store, g.api);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(g.accepted).toHaveLength(30);
    await vi.advanceTimersByTimeAsync(50_000);
    expect(g.accepted).toHaveLength(30);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(g.accepted).toHaveLength(35);
    expect(await store.outbox.counts()).toMatchObject({ sent: 35, pending: 0 });
  });

  it('waits for Retry-After after a 429 and keeps the retry budget', async () => {
    const store = memoryStore();
    await queue(store, 'a');
    await queue(store, 'b');
    const g = scriptedGraph((_key, n) => {
      if (n === 1)
        throw new GraphError({
          reason: 'throttled',
          status: 429,
          code: 'ErrorExceededMessageLimit',
          retryAfterMs: 20_000,
          message: 'over the message rate limit',
        });
    });
    start(store, g.api, { concurrency: 1 });
    await vi.advanceTimersByTimeAsync(19_000);
    expect(g.accepted).toEqual([]);
    const waiting = await store.outbox.getByKey('a');
    // Handed back, not failed: the claim is not counted as an attempt.
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });
    expect(waiting?.error).toBeUndefined();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(g.accepted.map((a) => a.key)).toEqual(['a', 'b']);
    expect(worker!.stats()).toMatchObject({ throttled: 1, sent: 2, failed: 0 });
  });

  it('after an unclear failure looks the draft up by id and does not send twice', async () => {
    const store = memoryStore();
    await queue(store, 'maybe');
    const g = scriptedGraph((key, n) => {
      if (n === 1) {
        g.takeSilently(key);
        throw new GraphError({ reason: 'timeout', status: 504, message: 'gateway timeout' });
      }
    });
    start(store, g.api);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await store.outbox.getByKey('maybe')).toMatchObject({
      status: 'pending',
      draftId: 'draft-1',
    });
    await vi.advanceTimersByTimeAsync(61_000);
    expect(g.lookups).toEqual(['draft-1']);
    expect(g.accepted.map((a) => a.key)).toEqual(['maybe']);
    expect((await store.outbox.getByKey('maybe'))?.status).toBe('sent');
    expect(worker!.stats()).toMatchObject({ recovered: 1, sent: 0, retried: 1 });
  });

  it('sends the draft it created earlier when the look-up finds it still in Drafts', async () => {
    const store = memoryStore();
    await queue(store, 'unsent');
    const g = scriptedGraph((_key, n) => {
      if (n === 1) throw new GraphError({ reason: 'timeout', status: 504, message: 'timeout' });
    });
    start(store, g.api);
    await vi.advanceTimersByTimeAsync(62_000);
    expect(g.lookups).toEqual(['draft-1']);
    expect(g.accepted.map((a) => a.key)).toEqual(['unsent']);
    const item = await store.outbox.getByKey('unsent');
    expect(item).toMatchObject({ status: 'sent', draftId: 'draft-1' });
    expect(worker!.stats()).toMatchObject({ recovered: 0, sent: 1 });
  });

  it('reads ErrorExceededMessageLimit as "later" whatever its status, keeping the mail', async () => {
    const store = memoryStore();
    await queue(store, 'limited');
    const g = scriptedGraph((_key, n) => {
      if (n === 1)
        throw new GraphError({
          reason: 'bad-request',
          status: 400,
          code: 'ErrorExceededMessageLimit',
          message: 'Cannot send message: the mailbox has exceeded its message limit.',
        });
    });
    start(store, g.api, { concurrency: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await store.outbox.getByKey('limited')).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    await vi.advanceTimersByTimeAsync(61_000);
    expect(await store.outbox.getByKey('limited')).toMatchObject({ status: 'sent' });
    expect(worker!.stats()).toMatchObject({ throttled: 1, failed: 0, sent: 1 });
  });

  it('fails a bad address at once with its reason and goes on with the rest', async () => {
    const store = memoryStore();
    await queue(store, 'bad', MailPriority.deadlineReceipt);
    await queue(store, 'good');
    const g = scriptedGraph((key) => {
      if (key === 'bad')
        throw new GraphError({
          reason: 'bad-request',
          status: 400,
          code: 'ErrorInvalidRecipients',
          message: "Recipient 'x' is not resolved.",
        });
    });
    start(store, g.api);
    await vi.advanceTimersByTimeAsync(1_000);
    const bad = await store.outbox.getByKey('bad');
    expect(bad?.status).toBe('failed');
    expect(bad?.error).toMatch(/a recipient address is not valid/);
    expect(g.accepted.map((a) => a.key)).toEqual(['good']);
  });

  it('gives up after the allowed failures and says so', async () => {
    const store = memoryStore();
    await queue(store, 'flaky');
    const g = scriptedGraph(() => {
      throw new GraphError({ reason: 'forbidden', status: 403, message: 'Access is denied.' });
    });
    start(store, g.api, { maxFailures: 3 });
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    const item = await store.outbox.getByKey('flaky');
    expect(item?.status).toBe('failed');
    expect(item?.error).toMatch(/^\[failures 3\] gave up after 3 attempts: not allowed to send/);
    expect(g.accepted).toEqual([]);
  });

  it('keeps a slow send to itself: another worker neither takes the mailbox nor the mail', async () => {
    const store = memoryStore();
    await queue(store, 'slow');
    const g = scriptedGraph(async () => {
      await new Promise((r) => setTimeout(r, 12 * 60_000));
    });
    const a = start(store, g.api, { owner: 'a', concurrency: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    const b = startOutboxWorker({ store, graph: g.api, mailboxes: [MAILBOX], owner: 'b' });
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(g.accepted.map((x) => x.key)).toEqual(['slow']);
    expect(g.lookups).toEqual([]);
    expect(a.stats().sent).toBe(1);
    expect(b.stats().sent).toBe(0);
    const stopping = b.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    await stopping;
  });

  it('holds a mailbox for one worker at a time', async () => {
    const store = memoryStore();
    for (let i = 0; i < 40; i++) await queue(store, `m-${i}`);
    const g = scriptedGraph();
    const a = start(store, g.api, { owner: 'a' });
    const b = startOutboxWorker({ store, graph: g.api, mailboxes: [MAILBOX], owner: 'b' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(g.accepted).toHaveLength(30);
    expect(a.stats().sent + b.stats().sent).toBe(30);
    expect([a.stats().sent, b.stats().sent]).toContain(0);
    const stopping = b.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    await stopping;
  });
});
