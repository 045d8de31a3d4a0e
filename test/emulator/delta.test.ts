// Per-folder delta as Graph does it: pages to a deltaLink, later rounds carry only changes, moved-out
// and deleted items come as @removed, and an invalidated sync state answers 410 Gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server.js';
import { SHARED } from './fixture-tenant.js';
import { appToken, graph, start, type Call } from './helpers.js';

let emu: RunningEmulator;
let g: (m: string, p: string, b?: unknown, h?: Record<string, string>) => Promise<Call>;
const box = `/users/${SHARED}`;

beforeAll(async () => {
  emu = await start();
  g = graph(emu, await appToken(emu));
});
afterAll(async () => {
  await emu.close();
});

async function round(
  url: string,
): Promise<{ items: Array<Record<string, unknown>>; deltaLink: string; pages: number }> {
  const items: Array<Record<string, unknown>> = [];
  let next: string | undefined = url;
  let pages = 0;
  for (;;) {
    const res: Call = await g('GET', next!, undefined, { Prefer: 'odata.maxpagesize=2' });
    expect(res.status).toBe(200);
    pages++;
    items.push(...res.body.value);
    if (res.body['@odata.deltaLink'])
      return { items, deltaLink: res.body['@odata.deltaLink'], pages };
    next = res.body['@odata.nextLink'];
    expect(next).toBeTruthy();
  }
}

describe('message delta', () => {
  it('syncs, then returns only changes and removals, then 410 after invalidation', async () => {
    const first = await round(`${box}/mailFolders/inbox/messages/delta?$select=subject,isRead`);
    expect(first.items).toHaveLength(3);
    expect(first.pages).toBe(2);
    expect(Object.keys(first.items[0]!).sort()).toEqual([
      '@odata.etag',
      '@odata.type',
      'id',
      'isRead',
      'subject',
    ]);

    const empty = await round(first.deltaLink);
    expect(empty.items).toHaveLength(0);

    const { messageId } = emu.admin.deliver({
      to: SHARED,
      from: 'a@external.example',
      subject: 'Ny',
    })[0]!;
    const target = first.items.find((m) => m.subject === 'Nyhetsbrev')!;
    await g('PATCH', `${box}/messages/${first.items[0]!.id}`, { isRead: true });
    await g('POST', `${box}/messages/${target.id}/move`, { destinationId: 'archive' });

    const second = await round(empty.deltaLink);
    const removed = second.items.filter((i) => i['@removed']);
    expect(removed).toEqual([
      {
        '@odata.type': '#microsoft.graph.message',
        id: target.id,
        '@removed': { reason: 'deleted' },
      },
    ]);
    const changed = second.items.filter((i) => !i['@removed']).map((i) => i.id);
    expect(changed.sort()).toEqual([first.items[0]!.id, messageId].sort());
    expect(second.items.find((i) => i.id === messageId)).toMatchObject({
      subject: 'Ny',
      isRead: false,
    });

    emu.admin.invalidateDelta(SHARED);
    const gone = await g('GET', second.deltaLink);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('syncStateNotFound');
    const restart = await round(`${box}/mailFolders/inbox/messages/delta?$select=subject`);
    expect(restart.items).toHaveLength(3);
  });

  it('keeps the $filter of the first request (receivedDateTime ge) for the whole sync', async () => {
    emu.admin.reset();
    const first = await round(
      `${box}/mailFolders/inbox/messages/delta?$select=subject&$filter=receivedDateTime ge 2026-04-01T00:00:00Z`,
    );
    expect(first.items.map((m) => m.subject).sort()).toEqual(['Bidrag Skolan Månen', 'Nyhetsbrev']);
  });

  it('returns internetMessageHeaders on every page and every round when the first request selects them', async () => {
    emu.admin.reset();
    const headed = (n: number) =>
      emu.admin.deliver({
        to: SHARED,
        from: 'bo.manager@stockholm.example',
        subject: `Med rubriker ${n}`,
        body: 'Hej',
        internetMessageHeaders: [{ name: 'Auto-Submitted', value: `auto-generated-${n}` }],
      });
    for (let n = 1; n <= 5; n++) headed(n);
    const url = `${box}/mailFolders/inbox/messages/delta?$select=subject,internetMessageHeaders`;
    const first = await round(url);
    expect(first.pages).toBeGreaterThan(2);
    const withHeaders = (items: Array<Record<string, unknown>>) =>
      items
        .filter((m) => String(m.subject).startsWith('Med rubriker'))
        .map((m) => [
          m.subject,
          (m.internetMessageHeaders as Array<{ value: string }> | undefined)?.[0]?.value,
        ]);
    expect(withHeaders(first.items)).toEqual(
      [1, 2, 3, 4, 5].map((n) => [`Med rubriker ${n}`, `auto-generated-${n}`]),
    );
    headed(6);
    const later = await round(first.deltaLink);
    expect(withHeaders(later.items)).toEqual([['Med rubriker 6', 'auto-generated-6']]);
    // An unknown property is refused on the first request, as a GET refuses it.
    const bad = await g('GET', `${box}/mailFolders/inbox/messages/delta?$select=subject,headers`);
    expect(bad.status).toBe(400);
  });
});
