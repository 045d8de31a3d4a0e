// Delta sync with attachment lookups, pipelined: a scripted mailbox that answers after 50 ms and,
// like Outlook, counts every request in flight on the mailbox ($batch items run four at a time
// unless chained) and answers 429 to the fifth.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syncFolderWithAttachments, type DeltaPageWithAttachments } from './attachments.js';
import { createGraphClient } from './client.js';
import { FakeTransport, graphErrorResponse, jsonResponse } from './fake-transport.js';

const BASE = 'https://graph.microsoft.com/v1.0';
const DELTA = '/users/shared/mailFolders/inbox/messages/delta';
const LATENCY = 50;

interface WireItem {
  id: string;
  url: string;
  dependsOn?: string[];
}

class SlowMailbox {
  inFlight = 0;
  peak = 0;
  rejected = 0;
  deltaInFlight = false;
  /** Batches that were in flight while a delta page was. */
  overlapped = 0;
  /** Message ids whose attachment lookup answers 404 (deleted after the delta page). */
  gone = new Set<string>();
  /** Message ids whose attachment lookup answers 403. */
  forbidden = new Set<string>();

  constructor(
    readonly messages: { id: string; hasAttachments: boolean }[],
    /** How the mailbox is named in @odata.nextLink (Graph may use the user's id). */
    readonly linkUser = 'shared',
  ) {}

  /** Hold `weight` slots for the latency, or answer 429 as Outlook does past 4. */
  private hold(weight: number, reply: () => Response): Promise<Response> {
    if (this.inFlight + weight > 4) {
      this.rejected++;
      return Promise.resolve(
        graphErrorResponse(429, 'ApplicationThrottled', 'MailboxConcurrency', {
          'Retry-After': '1',
        }),
      );
    }
    this.inFlight += weight;
    this.peak = Math.max(this.peak, this.inFlight);
    return new Promise((resolve) =>
      setTimeout(() => {
        this.inFlight -= weight;
        resolve(reply());
      }, LATENCY),
    );
  }

  install(t: FakeTransport) {
    t.on('GET', /^\/users\/[^/]+\/mailFolders\/inbox\/messages\/delta$/, (req) => {
      const size = Number(/odata\.maxpagesize=(\d+)/.exec(req.headers.get('prefer') ?? '')![1]);
      const skip = Number(req.query.get('$skiptoken') ?? 0);
      this.deltaInFlight = true;
      const reply = this.hold(1, () => {
        this.deltaInFlight = false;
        const more = skip + size < this.messages.length;
        const link = `${BASE}/users/${this.linkUser}/mailFolders/inbox/messages/delta`;
        return jsonResponse(200, {
          value: this.messages.slice(skip, skip + size),
          ...(more
            ? { '@odata.nextLink': `${link}?$skiptoken=${skip + size}` }
            : { '@odata.deltaLink': `${link}?$deltatoken=done` }),
        });
      });
      return reply;
    });
    t.on('POST', '/$batch', (req) => {
      const items = (req.body as { requests: WireItem[] }).requests;
      const chained = items.every((it, i) => i === 0 || it.dependsOn?.includes(items[i - 1]!.id));
      if (this.deltaInFlight) this.overlapped++;
      return this.hold(chained ? 1 : Math.min(items.length, 4), () => {
        let failed = false;
        const responses = items.map((it) => {
          const mid = /\/messages\/([^/]+)\/attachments/.exec(it.url)![1]!;
          if (failed && it.dependsOn?.length) return { id: it.id, status: 424 };
          if (this.gone.has(mid) || this.forbidden.has(mid)) {
            failed = true;
            const status = this.gone.has(mid) ? 404 : 403;
            return { id: it.id, status, body: { error: { code: `E${status}`, message: mid } } };
          }
          return {
            id: it.id,
            status: 200,
            body: { value: [{ id: `a-${mid}`, name: `${mid}.pdf`, size: 10 }] },
          };
        });
        return jsonResponse(200, { responses });
      });
    });
  }
}

function setup(count: number, withAttachments = (i: number) => i % 4 !== 3, linkUser = 'shared') {
  const messages = Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    hasAttachments: withAttachments(i),
  }));
  const t = new FakeTransport();
  const mailbox = new SlowMailbox(messages, linkUser);
  mailbox.install(t);
  const graph = createGraphClient({
    baseUrl: BASE,
    tokenProvider: async () => 't',
    fetch: t.fetch,
    random: () => 0.5,
  });
  return { t, mailbox, graph, messages };
}

async function settle<T>(p: Promise<T>): Promise<T> {
  let done = false;
  const watched = p.finally(() => {
    done = true;
  });
  watched.catch(() => undefined);
  while (!done) await vi.advanceTimersByTimeAsync(5);
  return watched;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('syncFolderWithAttachments', () => {
  it('looks up attachments while it pages, never over 4 in flight, pages to the sink in order', async () => {
    const { t, mailbox, graph, messages } = setup(400);
    mailbox.gone.add('m45');
    const pages: DeltaPageWithAttachments[] = [];
    const result = await settle(
      syncFolderWithAttachments(graph, {
        mailbox: 'shared',
        folder: 'inbox',
        pageSize: 100,
        onPage: (p) => void pages.push(p),
      }),
    );
    expect(mailbox.rejected).toBe(0);
    expect(mailbox.peak).toBe(4);
    // Batches of page 1 ran while page 2 was fetched.
    expect(mailbox.overlapped).toBeGreaterThan(0);
    expect(pages.map((p) => p.changed[0]!.id)).toEqual(['m0', 'm100', 'm200', 'm300']);
    const listed = new Map(pages.flatMap((p) => [...p.attachments]));
    const expected = messages.filter((m) => m.hasAttachments && m.id !== 'm45').map((m) => m.id);
    expect([...listed.keys()].sort()).toEqual(expected.sort());
    expect(listed.get('m0')).toEqual([
      expect.objectContaining({ id: 'a-m0', name: 'm0.pdf', size: 10 }),
    ]);
    // 75 mails with attachments per page: 4 batches each, plus the one resent after the 404.
    expect(result).toMatchObject({ pages: 4, changed: 400, attachmentBatches: 16 });
    expect(t.callsTo('POST', '/$batch')).toHaveLength(17);
    expect(result.deltaLink).toContain('$deltatoken=done');
  });

  it('keeps within 4 when the delta links name the mailbox by id (the client limiter keys differ)', async () => {
    const { mailbox, graph } = setup(600, () => true, '6f2c-user-id');
    await settle(
      syncFolderWithAttachments(graph, {
        mailbox: 'shared',
        folder: 'inbox',
        pageSize: 100,
        onPage: () => undefined,
      }),
    );
    expect(graph.stats().maxInFlightByMailbox).toMatchObject({ '6f2c-user-id': 1, shared: 4 });
    expect(mailbox.peak).toBe(4);
    expect(mailbox.rejected).toBe(0);
  });

  it('keeps within a lower limit when other work shares the mailbox', async () => {
    const { mailbox, graph } = setup(200);
    await settle(
      syncFolderWithAttachments(graph, {
        mailbox: 'shared',
        folder: 'inbox',
        pageSize: 50,
        maxConcurrency: 2,
        onPage: () => undefined,
      }),
    );
    expect(mailbox.peak).toBe(2);
    expect(mailbox.rejected).toBe(0);
  });

  it('waits for a slow sink instead of running far ahead of it', async () => {
    const { t, graph } = setup(1000, () => false);
    let delivered = 0;
    let pagesFetchedAtFirstDelivery = 0;
    await settle(
      syncFolderWithAttachments(graph, {
        mailbox: 'shared',
        folder: 'inbox',
        pageSize: 100,
        maxPagesAhead: 2,
        onPage: async () => {
          if (delivered++ === 0) {
            await new Promise((r) => setTimeout(r, 1_000));
            pagesFetchedAtFirstDelivery = t.callsTo('GET', DELTA).length;
          }
        },
      }),
    );
    expect(delivered).toBe(10);
    // Page 1 in the sink, pages 2 and 3 held, page 4 fetched: no more while the sink is busy.
    expect(pagesFetchedAtFirstDelivery).toBe(4);
  });

  it('fails the sync on a lookup error other than a deleted mail, and stops delivering', async () => {
    const { mailbox, graph } = setup(300);
    mailbox.forbidden.add('m120');
    const delivered: string[] = [];
    await expect(
      settle(
        syncFolderWithAttachments(graph, {
          mailbox: 'shared',
          folder: 'inbox',
          pageSize: 100,
          onPage: (p) => void delivered.push(p.changed[0]!.id!),
        }),
      ),
    ).rejects.toMatchObject({ status: 403 });
    expect(delivered).toEqual(['m0']);
  });
});
