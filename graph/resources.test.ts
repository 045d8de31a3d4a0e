// Resource modules against the scripted transport: getSchedule splitting, attachment size cap and
// ranges, idempotent folder/category/app creation, subscription expiry limits, $select everywhere.
import { describe, expect, it } from 'vitest';
import { downloadAttachment, getAttachment, listAttachments } from './attachments.js';
import { ensureMasterCategories } from './categories.js';
import { createGraphClient } from './client.js';
import { ensureChildFolder } from './folders.js';
import { FakeTransport, graphErrorResponse, jsonResponse } from './fake-transport.js';
import { getSchedule, splitWindows } from './schedule.js';
import { createSubscription, keepSubscriptionAlive } from './subscriptions.js';
import { installAppForUser } from './teams-apps.js';
import { listGroupMembersByMailNickname } from './users.js';

function setup() {
  const t = new FakeTransport();
  const graph = createGraphClient({
    baseUrl: 'https://graph.microsoft.com/v1.0',
    tokenProvider: async () => 't',
    fetch: t.fetch,
  });
  return { t, graph };
}

describe('getSchedule', () => {
  it('splits 45 people over 100 days into calls of ≤ 20 addresses and < 62 days, merged per person', async () => {
    const { t, graph } = setup();
    t.on('POST', '/users/shared/calendar/getSchedule', (r) => {
      const b = r.body as {
        schedules: string[];
        startTime: { dateTime: string };
        endTime: { dateTime: string };
        availabilityViewInterval: number;
      };
      const minutes =
        (Date.parse(b.endTime.dateTime + 'Z') - Date.parse(b.startTime.dateTime + 'Z')) / 60_000;
      const slots = minutes / b.availabilityViewInterval;
      return jsonResponse(200, {
        value: b.schedules.map((s) => ({
          scheduleId: s,
          availabilityView: '0'.repeat(slots),
          scheduleItems: [
            {
              status: 'busy',
              start: { dateTime: b.startTime.dateTime },
              end: { dateTime: b.endTime.dateTime },
            },
          ],
        })),
      });
    });
    const addresses = Array.from({ length: 45 }, (_, i) => `examinator${i}@stockholm.example`);
    const result = await getSchedule(graph, {
      asUser: 'shared',
      addresses,
      startTime: { dateTime: '2026-09-01T00:00:00', timeZone: 'W. Europe Standard Time' },
      endTime: { dateTime: '2026-12-10T00:00:00', timeZone: 'W. Europe Standard Time' },
      availabilityViewInterval: 60,
    });
    const calls = t.calls.map(
      (c) =>
        c.body as {
          schedules: string[];
          startTime: { dateTime: string };
          endTime: { dateTime: string };
        },
    );
    expect(calls).toHaveLength(6); // 3 address chunks × 2 windows
    for (const c of calls) {
      expect(c.schedules.length).toBeLessThanOrEqual(20);
      const days =
        (Date.parse(c.endTime.dateTime + 'Z') - Date.parse(c.startTime.dateTime + 'Z')) /
        86_400_000;
      expect(days).toBeLessThan(62);
    }
    expect(result.map((r) => r.scheduleId)).toEqual(addresses);
    expect(result[44]!.availabilityView).toHaveLength(100 * 24);
    expect(result[0]!.scheduleItems).toHaveLength(2);
  });

  it('keeps window seams on whole intervals', () => {
    const w = splitWindows('2026-01-01T00:00:00', '2026-06-01T00:00:00', 45);
    for (const x of w.slice(0, -1)) {
      const min = (Date.parse(x.end + 'Z') - Date.parse(x.start + 'Z')) / 60_000;
      expect(min % 45).toBe(0);
      expect(min).toBeLessThan(62 * 24 * 60);
    }
    expect(w.at(-1)!.end).toBe('2026-06-01T00:00:00');
  });
});

describe('attachments', () => {
  const path = '/users/shared/messages/m1/attachments';

  it('lists metadata only, with $select and no contentBytes', async () => {
    const { t, graph } = setup();
    t.on('GET', path, () =>
      jsonResponse(200, {
        value: [
          {
            '@odata.type': '#microsoft.graph.fileAttachment',
            id: 'a1',
            name: 'bidrag.pdf',
            contentType: 'application/pdf',
            size: 1234,
            isInline: false,
          },
        ],
      }),
    );
    const list = await listAttachments(graph, 'shared', 'm1');
    expect(list).toEqual([
      {
        id: 'a1',
        name: 'bidrag.pdf',
        contentType: 'application/pdf',
        size: 1234,
        isInline: false,
        kind: '#microsoft.graph.fileAttachment',
      },
    ]);
    expect(t.calls[0]!.query.get('$select')).not.toContain('contentBytes');
  });

  it('refuses an attachment over the cap without downloading it', async () => {
    const { t, graph } = setup();
    t.on('GET', `${path}/big`, () =>
      jsonResponse(200, { id: 'big', name: 'stor.pdf', size: 20 * 1024 * 1024 }),
    );
    await expect(
      downloadAttachment(graph, 'shared', 'm1', 'big', { maxBytes: 10 * 1024 * 1024 }),
    ).rejects.toMatchObject({ reason: 'too-large' });
    expect(t.callsTo('GET', `${path}/big/$value`)).toHaveLength(0);
    await expect(
      getAttachment(graph, 'shared', 'm1', { id: 'big', size: 5 * 1024 * 1024 }),
    ).rejects.toMatchObject({ reason: 'too-large' });
  });

  it('downloads large attachments in byte ranges', async () => {
    const { t, graph } = setup();
    const bytes = Buffer.alloc(10_000, 7);
    bytes.write('PDF', 0);
    t.on('GET', `${path}/a2/$value`, (r) => {
      const m = /bytes=(\d+)-(\d+)/.exec(r.headers.get('range') ?? '');
      if (!m) return new Response(bytes, { status: 200 });
      const s = Number(m[1]);
      const e = Math.min(Number(m[2]), bytes.length - 1);
      return new Response(bytes.subarray(s, e + 1), {
        status: 206,
        headers: { 'content-range': `bytes ${s}-${e}/${bytes.length}` },
      });
    });
    const got = await downloadAttachment(
      graph,
      'shared',
      'm1',
      { id: 'a2', size: bytes.length },
      { rangeSize: 4096 },
    );
    expect(got.equals(bytes)).toBe(true);
    expect(t.calls.map((c) => c.headers.get('range'))).toEqual([
      'bytes=0-4095',
      'bytes=4096-8191',
      'bytes=8192-9999',
    ]);
  });

  it('streams the whole body when the server ignores Range, still enforcing the cap', async () => {
    const { t, graph } = setup();
    t.on('GET', `${path}/a3/$value`, () => new Response(Buffer.alloc(9000, 1), { status: 200 }));
    const got = await downloadAttachment(
      graph,
      'shared',
      'm1',
      { id: 'a3', size: 9000 },
      { rangeSize: 4096 },
    );
    expect(got.length).toBe(9000);
    // Size unknown up front and the body turns out too big: stopped while reading.
    t.on('GET', `${path}/a4`, () => jsonResponse(200, { id: 'a4', size: 100 }));
    t.on('GET', `${path}/a4/$value`, () => new Response(Buffer.alloc(9000, 1), { status: 200 }));
    await expect(
      downloadAttachment(graph, 'shared', 'm1', 'a4', { maxBytes: 1000 }),
    ).rejects.toMatchObject({ reason: 'too-large' });
  });
});

describe('idempotent creation', () => {
  it('ensureChildFolder returns the existing folder, creates a missing one, and survives a 409 race', async () => {
    const { t, graph } = setup();
    const children = [{ id: 'f1', displayName: 'Bidrag' }];
    t.on('GET', '/users/shared/mailFolders/inbox/childFolders', () =>
      jsonResponse(200, { value: children }),
    );
    t.on('POST', '/users/shared/mailFolders/inbox/childFolders', (r) => {
      children.push({ id: 'f2', displayName: (r.body as { displayName: string }).displayName });
      return graphErrorResponse(
        409,
        'ErrorFolderExists',
        'A folder with the specified name already exists.',
      );
    });
    expect((await ensureChildFolder(graph, 'shared', 'inbox', 'bidrag')).id).toBe('f1');
    expect(t.callsTo('POST', /childFolders/)).toHaveLength(0);
    expect((await ensureChildFolder(graph, 'shared', 'inbox', 'Protokoll')).id).toBe('f2');
    expect(t.calls[0]!.query.get('$select')).toContain('displayName');
  });

  it('ensureMasterCategories creates missing categories and fixes colours', async () => {
    const { t, graph } = setup();
    const cats = [{ id: 'c1', displayName: 'Bidrag', color: 'preset0' }];
    t.on('GET', '/users/shared/outlook/masterCategories', () => jsonResponse(200, { value: cats }));
    t.on('POST', '/users/shared/outlook/masterCategories', (r) => {
      const b = r.body as { displayName: string; color: string };
      cats.push({ id: 'c2', ...b });
      return jsonResponse(201, cats.at(-1));
    });
    t.on('PATCH', '/users/shared/outlook/masterCategories/c1', (r) => {
      cats[0]!.color = (r.body as { color: string }).color;
      return jsonResponse(200, cats[0]);
    });
    const out = await ensureMasterCategories(graph, 'shared', [
      { displayName: 'Bidrag', color: 'preset4' },
      { displayName: 'Protokoll', color: 'preset7' },
    ]);
    expect(out.map((c) => [c.displayName, c.color])).toEqual([
      ['Bidrag', 'preset4'],
      ['Protokoll', 'preset7'],
    ]);
  });

  it('installAppForUser treats 409 as already installed', async () => {
    const { t, graph } = setup();
    t.on('POST', '/users/u1/teamwork/installedApps', (r) =>
      r.n === 1
        ? jsonResponse(201, {})
        : graphErrorResponse(409, 'Conflict', 'App is already installed.'),
    );
    expect(await installAppForUser(graph, 'u1', 'app-123')).toBe('installed');
    expect(await installAppForUser(graph, 'u1', 'app-123')).toBe('already');
    expect((t.calls[0]!.body as Record<string, string>)['teamsApp@odata.bind']).toBe(
      'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/app-123',
    );
  });
});

describe('subscriptions', () => {
  it('never asks for more than 4,230 minutes and recreates a subscription Graph forgot', async () => {
    const { t, graph } = setup();
    const now = new Date('2026-11-24T12:00:00Z');
    t.on('POST', '/subscriptions', (r) => jsonResponse(201, { id: 's2', ...(r.body as object) }));
    t.on('PATCH', '/subscriptions/s1', () => graphErrorResponse(404, 'ResourceNotFound'));
    const create = {
      resource: "users/shared/mailFolders('inbox')/messages",
      notificationUrl: 'https://app.example/api/graph/notifications',
      clientState: 'hemlig',
      minutes: 10_000,
    };
    const s = await createSubscription(graph, { ...create, now });
    expect(Date.parse(s.expirationDateTime!) - now.getTime()).toBe(4230 * 60_000);
    expect(s.clientState).toBe('hemlig');
    const renewed = await keepSubscriptionAlive(
      graph,
      { id: 's1', expirationDateTime: new Date(now.getTime() + 60_000).toISOString() },
      create,
      now,
    );
    expect(renewed.id).toBe('s2');
  });
});

describe('users', () => {
  it('lists the members of a group found by mailNickname, users only', async () => {
    const { t, graph } = setup();
    t.on('GET', '/groups', (r) => {
      expect(r.query.get('$filter')).toBe("mailNickname eq 'kvalitet-samordnare'");
      return jsonResponse(200, { value: [{ id: 'g1', mailNickname: 'kvalitet-samordnare' }] });
    });
    t.on('GET', '/groups/g1/members', () =>
      jsonResponse(200, {
        value: [
          { '@odata.type': '#microsoft.graph.user', id: 'u1', mail: 'anna@stockholm.example' },
          { '@odata.type': '#microsoft.graph.group', id: 'g9' },
        ],
      }),
    );
    const members = await listGroupMembersByMailNickname(graph, 'kvalitet-samordnare');
    expect(members.map((m) => m.id)).toEqual(['u1']);
    t.on('GET', '/groups', () => jsonResponse(200, { value: [] }));
    await expect(listGroupMembersByMailNickname(graph, 'finns-inte')).rejects.toMatchObject({
      reason: 'not-found',
    });
  });
});
