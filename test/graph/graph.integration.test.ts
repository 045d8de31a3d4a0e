// Every graph/ function against the emulator with the seeded demo tenant, through msal-node tokens
// from the emulator's token endpoint, exactly as the app calls a real tenant.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server.js';
import { buildDemoTenant } from '../../emulator/seed/tenant.js';
import type { DemoTenant } from '../../emulator/seed/types.js';
import {
  createGraphApi,
  createGraphClient,
  createTokenProvider,
  isGraphError,
  type Graph,
  type GraphApi,
  type TokenProvider,
} from '../../graph/index.js';

let emu: RunningEmulator;
let tenant: DemoTenant;
let tokens: TokenProvider;
let graph: Graph;
let api: GraphApi;
let shared: string;
let manager: string;
let leader: string;
let hook: Server;
let hookUrl: string;
const TEAMS_APP_ID = 'f4b1e5a2-6c3d-4e8f-9a0b-1c2d3e4f5a6b';
// A second app registration that authenticates with a certificate instead of a secret.
const CERT_APP_ID = '7c2e4a10-3b5d-4f6e-8a9b-0c1d2e3f4a5b';
const certKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

beforeAll(async () => {
  tenant = await buildDemoTenant();
  emu = await startEmulator({
    port: 0,
    tenant,
    extraApps: [
      {
        clientId: CERT_APP_ID,
        clientSecret: '',
        displayName: 'Certifikatsapp',
        roles: ['User.Read.All'],
        mailboxScope: [],
        calendarScope: [],
        certificates: [
          { publicKeyPem: certKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
        ],
      },
    ],
  });
  shared = `kvalitetsutmarkelsen@${tenant.domain}`;
  manager = tenant.extras.units[0]!.managerEmail;
  leader = tenant.extras.examinerTeams[0]!.leaderUpn;
  tokens = createTokenProvider({
    tenantId: tenant.tenantId,
    clientId: tenant.app.clientId,
    clientSecret: tenant.app.clientSecret,
    localTokenEndpoint: emu.url,
  });
  graph = createGraphClient({ baseUrl: emu.graphUrl, tokenProvider: tokens });
  api = createGraphApi(graph);
  // A webhook receiver that answers Graph's validation handshake.
  hook = createServer((req, res) => {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('validationToken');
    req.resume();
    if (token) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(token);
    } else {
      res.writeHead(202);
      res.end();
    }
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/api/graph/notifications`;
});

afterAll(async () => {
  await new Promise<void>((r) => hook?.close(() => r()));
  await emu?.close();
});

function deliverToShared(subject: string, attachments: { name: string; bytes: Buffer }[] = []) {
  const [rec] = emu.admin.deliver({
    to: shared,
    from: { name: 'Enhetschef', address: manager },
    subject,
    body: `Hej! ${subject}`,
    attachments: attachments.map((a) => ({
      name: a.name,
      contentType: 'application/pdf',
      contentBytes: b64(a.bytes),
    })),
  });
  return rec!.messageId;
}

describe('auth', () => {
  it('msal-node gets its app token from the emulator token endpoint and caches it', async () => {
    const before = emu.admin.requestCounts().tokens;
    const fresh = createTokenProvider({
      tenantId: tenant.tenantId,
      clientId: tenant.app.clientId,
      clientSecret: tenant.app.clientSecret,
      localTokenEndpoint: emu.url,
    });
    const t1 = await fresh.getAppToken();
    const t2 = await fresh.getAppToken();
    expect(t1.split('.')).toHaveLength(3);
    expect(t2).toBe(t1);
    expect(emu.admin.requestCounts().tokens - before).toBe(1);
  });

  it('authenticates with a certificate (signed client assertion) instead of a secret', async () => {
    const byCert = createTokenProvider({
      tenantId: tenant.tenantId,
      clientId: CERT_APP_ID,
      certificate: {
        thumbprintSha256: 'a1'.repeat(32),
        privateKey: certKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
      localTokenEndpoint: emu.url,
    });
    const certGraph = createGraphClient({ baseUrl: emu.graphUrl, tokenProvider: byCert });
    expect((await createGraphApi(certGraph).users.getUser(shared)).mail?.toLowerCase()).toBe(
      shared,
    );
  });

  it('a wrong secret is refused as unauthorized', async () => {
    const bad = createTokenProvider({
      tenantId: tenant.tenantId,
      clientId: tenant.app.clientId,
      clientSecret: 'fel-hemlighet',
      localTokenEndpoint: emu.url,
    });
    await expect(bad.getAppToken()).rejects.toMatchObject({ reason: 'unauthorized' });
  });

  it('on-behalf-of: a user token from the tab becomes a Graph token for that user', async () => {
    const userToken = await emu.admin.mintUserToken({ upn: leader });
    const obo = await tokens.getOboToken(userToken, ['https://graph.microsoft.com/.default']);
    const asUser = createGraphClient({
      baseUrl: emu.graphUrl,
      tokenProvider: () => tokens.getOboToken(userToken, ['https://graph.microsoft.com/.default']),
    });
    expect(obo.split('.')).toHaveLength(3);
    const me = await createGraphApi(asUser).users.getUser(leader);
    expect(me.userPrincipalName?.toLowerCase()).toBe(leader.toLowerCase());
  });
});

describe('users and groups', () => {
  it('gets users by UPN and id, finds by mail, lists group members', async () => {
    const u = await api.users.getUser(shared);
    expect(u.mail?.toLowerCase()).toBe(shared);
    expect((await api.users.getUser(u.id!)).id).toBe(u.id);
    expect((await api.users.findUserByMail(manager))?.mail?.toLowerCase()).toBe(
      manager.toLowerCase(),
    );
    expect(await api.users.findUserByMail('finns.inte@stockholm.example')).toBeUndefined();
    const group = tenant.groups.find((g) => g.group.mailNickname === 'kvalitet-examinatorer')!;
    const members = await api.users.listGroupMembersByMailNickname('kvalitet-examinatorer');
    expect(members.map((m) => m.userPrincipalName?.toLowerCase()).sort()).toEqual(
      group.memberUpns.map((x) => x.toLowerCase()).sort(),
    );
    expect((await api.users.findGroupByMailNickname('kvalitet-samordnare'))?.id).toBeTruthy();
    const g = await api.users.findGroupByMailNickname('kvalitet-samordnare');
    expect((await api.users.listGroupMembers(g!.id!)).length).toBeGreaterThan(0);
  });

  it('an unknown user is not-found', async () => {
    await expect(api.users.getUser('nobody@stockholm.example')).rejects.toMatchObject({
      reason: 'not-found',
      status: 404,
    });
  });
});

describe('folders and categories', () => {
  it('well-known folders, idempotent child folders and nested paths', async () => {
    const inbox = await api.folders.getFolder(shared, 'inbox');
    expect(inbox.id).toBeTruthy();
    const top = await api.folders.listFolders(shared);
    expect(top.some((f) => f.id === inbox.id)).toBe(true);
    const a = await api.folders.ensureChildFolder(shared, 'inbox', 'Kvalitetsutmärkelsen 2026');
    const b = await api.folders.ensureChildFolder(shared, 'inbox', 'kvalitetsutmärkelsen 2026');
    expect(b.id).toBe(a.id);
    const leaf = await api.folders.ensureFolderPath(shared, 'inbox', [
      'Kvalitetsutmärkelsen 2026',
      'Bidrag',
    ]);
    const children = await api.folders.listChildFolders(shared, a.id!);
    expect(children.map((c) => c.id)).toContain(leaf.id);
  });

  it('master categories are created once with their colours', async () => {
    const wanted = [
      { displayName: 'Bidrag', color: 'preset7' as const },
      { displayName: 'Benchmärkt', color: 'preset2' as const },
    ];
    const first = await api.categories.ensureMasterCategories(shared, wanted);
    const second = await api.categories.ensureMasterCategories(shared, wanted);
    expect(second.length).toBe(first.length);
    const list = await api.categories.listMasterCategories(shared);
    expect(list.find((c) => c.displayName === 'Benchmärkt')?.color).toBe('preset2');
  });
});

describe('permissions as a tenant grants them', () => {
  it('filing categories without MailboxSettings fails and says which role is missing', async () => {
    emu.admin.registerApp({
      clientId: 'mail-only-app',
      clientSecret: 'mail-only-secret',
      displayName: 'Mail without mailbox settings',
      roles: ['User.Read.All'],
      rbacRoles: ['Application Mail.ReadWrite', 'Application Mail.Send'],
      mailboxScope: [shared],
      calendarScope: [],
    });
    const mailOnly = createGraphApi(
      createGraphClient({
        baseUrl: emu.graphUrl,
        tokenProvider: createTokenProvider({
          tenantId: tenant.tenantId,
          clientId: 'mail-only-app',
          clientSecret: 'mail-only-secret',
          localTokenEndpoint: emu.url,
        }),
        retry: { maxRetries: 0 },
      }),
    );
    // Mail itself works: the RBAC assignment, not a token role, grants it.
    expect((await mailOnly.messages.listMessages(shared, { top: 1 })).length).toBe(1);
    const filing = mailOnly.categories.ensureMasterCategories(shared, [
      { displayName: 'Bidrag', color: 'preset7' },
    ]);
    await expect(filing).rejects.toThrow(
      /needs MailboxSettings\.Read(Write)? \(the Exchange RBAC role/,
    );
    await expect(filing).rejects.toMatchObject({ reason: 'forbidden', status: 403 });
  });
});

describe('messages', () => {
  it('lists with filter, orderby, top and paging', async () => {
    for (let i = 0; i < 5; i++) deliverToShared(`Sidtest ${i}`);
    const latest = await api.messages.listMessages(shared, {
      folder: 'inbox',
      orderby: 'receivedDateTime desc',
      top: 3,
    });
    expect(latest).toHaveLength(3);
    const all: string[] = [];
    for await (const m of api.messages.iterateMessages(shared, {
      folder: 'inbox',
      pageSize: 2,
      top: 7,
    })) {
      all.push(m.id!);
    }
    expect(new Set(all).size).toBe(7);
    const unread = await api.messages.listMessages(shared, {
      folder: 'inbox',
      filter: 'isRead eq false',
      top: 50,
    });
    expect(unread.every((m) => m.isRead === false)).toBe(true);
  });

  it('gets, updates categories/flag/isRead, moves with an unchanged immutable id', async () => {
    const id = deliverToShared('Intresseanmälan Förskolan Solrosen');
    const m = await api.messages.getMessage(shared, id, { bodyType: 'text' });
    expect(m.subject).toBe('Intresseanmälan Förskolan Solrosen');
    expect(m.body?.contentType?.toLowerCase()).toBe('text');
    await api.messages.updateMessage(shared, id, {
      categories: ['Intresseanmälan'],
      flag: { flagStatus: 'flagged' },
      isRead: true,
    });
    expect(
      await api.messages.addCategories(shared, id, ['Att granska', 'Intresseanmälan']),
    ).toEqual(['Intresseanmälan', 'Att granska']);
    const folder = await api.folders.ensureChildFolder(shared, 'inbox', 'Intresseanmälningar');
    const moved = await api.messages.moveMessage(shared, id, folder.id!);
    expect(moved.id).toBe(id);
    const after = await api.messages.getMessage(shared, id);
    expect(after).toMatchObject({
      isRead: true,
      parentFolderId: folder.id,
      flag: { flagStatus: 'flagged' },
    });
    expect(after.categories).toEqual(['Intresseanmälan', 'Att granska']);
  });

  it('replies in the thread (comment and html), createReply + send, and sends new mail from the shared mailbox', async () => {
    const id = deliverToShared('Fråga om platsbesök');
    await api.messages.replyToMessage(shared, id, { comment: 'Tack, vi återkommer.' });
    await api.messages.replyToMessage(
      shared,
      id,
      { html: '<p>Välkommen på <b>platsbesök</b>.</p>' },
      { subject: 'Svar: platsbesök', headers: { 'x-kvalitet-key': 'svar-1' }, cc: [leader] },
    );
    const draft = await api.messages.createReply(shared, id, 'Utkast till svar');
    expect(draft.id).toBeTruthy();
    await api.messages.sendDraft(shared, draft.id!);
    await api.messages.sendMail(shared, {
      subject: 'Kvittens: bidrag mottaget',
      html: '<p>Vi har tagit emot ert bidrag.</p>',
      to: [manager],
      attachments: [{ name: 'kvitto.txt', contentType: 'text/plain', contentBytes: b64('kvitto') }],
    });
    const inbox = emu.admin.messages(manager, 'inbox').map((m) => m.subject);
    expect(inbox.filter((s) => /Fråga om platsbesök/.test(s)).length).toBeGreaterThanOrEqual(2);
    expect(inbox).toContain('Kvittens: bidrag mottaget');
    expect(inbox).toContain('Svar: platsbesök');
    // The cc on the html reply reaches the examiner too.
    expect(emu.admin.messages(leader, 'inbox').map((m) => m.subject)).toContain('Svar: platsbesök');
  });
});

describe('attachments', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(50_000, 65)]);
  const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3_500_000, 66)]);
  let small: string;
  let large: string;
  beforeAll(() => {
    small = deliverToShared('Bidrag med bilaga', [{ name: 'bidrag.pdf', bytes: pdf }]);
    large = deliverToShared('Bidrag med stor bilaga', [{ name: 'stort.pdf', bytes: big }]);
  });

  it('lists metadata, gets a small one with contentBytes, downloads raw bytes', async () => {
    const [meta] = await api.attachments.listAttachments(shared, small);
    expect(meta).toMatchObject({ name: 'bidrag.pdf', size: pdf.length });
    const one = await api.attachments.getAttachment(shared, small, meta!);
    expect(Buffer.from(one.contentBytes!, 'base64').equals(pdf)).toBe(true);
    const info = await api.attachments.getAttachmentInfo(shared, small, meta!.id);
    expect(info.size).toBe(pdf.length);
    expect((await api.attachments.downloadAttachment(shared, small, meta!.id)).equals(pdf)).toBe(
      true,
    );
  });

  it('fetches a large one in ranges and refuses it under a smaller cap without downloading', async () => {
    const [meta] = await api.attachments.listAttachments(shared, large);
    await expect(api.attachments.getAttachment(shared, large, meta!)).rejects.toMatchObject({
      reason: 'too-large',
    });
    const before = graph.stats().requests;
    const bytes = await api.attachments.downloadAttachment(shared, large, meta!, {
      rangeSize: 1_000_000,
    });
    expect(bytes.equals(big)).toBe(true);
    expect(graph.stats().requests - before).toBe(4);
    let chunks = 0;
    for await (const c of api.attachments.streamAttachment(shared, large, meta!, {
      rangeSize: 2_000_000,
    })) {
      chunks += c.byteLength;
    }
    expect(chunks).toBe(big.length);
    const b2 = graph.stats().requests;
    await expect(
      api.attachments.downloadAttachment(shared, large, meta!, { maxBytes: 1_000_000 }),
    ).rejects.toMatchObject({ reason: 'too-large' });
    expect(graph.stats().requests).toBe(b2);
  });

  it('lists the attachments of many mails through $batch', async () => {
    const ids = [small, large, deliverToShared('Utan bilaga')];
    const map = await api.attachments.listAttachmentsForMessages(shared, ids);
    expect(map.get(small)!.map((a) => a.name)).toEqual(['bidrag.pdf']);
    expect(map.get(large)!.map((a) => a.name)).toEqual(['stort.pdf']);
    expect(map.get(ids[2]!)).toEqual([]);
  });
});

describe('delta', () => {
  it('full sync, incremental changes with @removed, and a full resync after the state is lost', async () => {
    const folder = await api.folders.ensureChildFolder(shared, 'inbox', 'Deltatest');
    const ids = Array.from({ length: 12 }, (_, i) => deliverToShared(`Delta ${i}`));
    for (const id of ids) await api.messages.moveMessage(shared, id, folder.id!);
    const first = await api.delta.syncFolderCollect({
      mailbox: shared,
      folder: folder.id!,
      pageSize: 5,
    });
    expect(first.messages.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect(first.pages).toBe(3);

    const extra = deliverToShared('Delta ny');
    await api.messages.moveMessage(shared, extra, folder.id!);
    await api.messages.moveMessage(shared, ids[0]!, 'inbox');
    await api.messages.updateMessage(shared, ids[1]!, { categories: ['Bidrag'] });
    const second = await api.delta.syncFolderCollect({
      mailbox: shared,
      folder: folder.id!,
      deltaLink: first.deltaLink,
    });
    expect(second.messages.map((m) => m.id).sort()).toEqual([extra, ids[1]!].sort());
    expect(second.removedItems.map((r) => r.id)).toEqual([ids[0]]);
    expect(second.resynced).toBe(false);

    emu.admin.invalidateDelta(shared);
    const handed = new Map<string, number>();
    const third = await api.delta.syncFolder({
      mailbox: shared,
      folder: folder.id!,
      deltaLink: second.deltaLink,
      pageSize: 4,
      onPage: (p) => {
        for (const m of p.changed) handed.set(m.id!, (handed.get(m.id!) ?? 0) + 1);
      },
    });
    expect(third.resynced).toBe(true);
    expect(third.presentIds!.sort()).toEqual([...ids.slice(1), extra].sort());
    expect([...handed.values()].every((n) => n === 1)).toBe(true);
  });
});

describe('calendar and schedule', () => {
  it('creates an event with attendees and a Teams meeting once per transactionId, updates, reads responses, cancels', async () => {
    const start = { dateTime: '2026-12-03T09:00:00', timeZone: 'W. Europe Standard Time' };
    const end = { dateTime: '2026-12-03T10:30:00', timeZone: 'W. Europe Standard Time' };
    const input = {
      subject: 'Återföringsbesök',
      start,
      end,
      attendees: [{ address: manager, name: 'Enhetschef' }],
      html: '<p>Välkomna!</p>',
      location: 'Digitalt (Teams)',
      teamsMeeting: true,
      transactionId: 'visit-unit0-feedback-2026',
    };
    const ev = await api.calendar.createEvent(leader, input);
    const again = await api.calendar.createEvent(leader, input);
    expect(again.id).toBe(ev.id);
    expect(ev.onlineMeeting?.joinUrl).toMatch(/^https:\/\//);
    const updated = await api.calendar.updateEvent(leader, ev.id!, {
      subject: 'Återföringsbesök (flyttat)',
    });
    expect(updated.subject).toBe('Återföringsbesök (flyttat)');
    const got = await api.calendar.getEvent(leader, ev.id!);
    expect(got.start?.dateTime?.startsWith('2026-12-03T09:00:00')).toBe(true);
    const responses = await api.calendar.getEventResponses(leader, ev.id!);
    expect(responses.map((r) => r.address.toLowerCase())).toEqual([manager.toLowerCase()]);
    const view = await api.calendar.calendarView(
      leader,
      '2026-12-03T00:00:00Z',
      '2026-12-04T00:00:00Z',
    );
    expect(view.some((e) => e.id === ev.id)).toBe(true);
    await api.calendar.cancelEvent(leader, ev.id!, 'Vi bokar en ny tid.');
    const after = await api.calendar.calendarView(
      leader,
      '2026-12-03T00:00:00Z',
      '2026-12-04T00:00:00Z',
    );
    expect(after.find((e) => e.id === ev.id)?.isCancelled ?? true).toBe(true);
  });

  it('getSchedule over more than 20 people and more than 62 days, merged per person', async () => {
    const examiners = tenant.groups.find(
      (g) => g.group.mailNickname === 'kvalitet-examinatorer',
    )!.memberUpns;
    const managers = tenant.extras.units.map((u) => u.managerEmail);
    const people = [...examiners, ...managers].slice(0, 25);
    const before = graph.stats().requests;
    const result = await api.schedule.getSchedule({
      asUser: shared,
      addresses: people,
      startTime: { dateTime: '2026-11-01T00:00:00', timeZone: 'W. Europe Standard Time' },
      endTime: { dateTime: '2027-01-31T00:00:00', timeZone: 'W. Europe Standard Time' },
      availabilityViewInterval: 60,
    });
    expect(graph.stats().requests - before).toBe(4); // 2 address chunks × 2 windows
    expect(result.map((r) => r.scheduleId)).toEqual(people);
    for (const r of result) expect(r.availabilityView).toHaveLength(91 * 24);
    expect(result.some((r) => (r.scheduleItems ?? []).length > 0)).toBe(true);
  });
});

describe('subscriptions', () => {
  it('create (validation handshake), list, renew, keep alive, delete', async () => {
    const now = emu.admin.now();
    const create = {
      resource: `users/${shared}/mailFolders('inbox')/messages`,
      notificationUrl: hookUrl,
      clientState: 'hemligt-klientvärde',
    };
    const sub = await api.subscriptions.createSubscription({ ...create, now });
    expect(sub.id).toBeTruthy();
    expect(Date.parse(sub.expirationDateTime!) - now.getTime()).toBeLessThanOrEqual(4230 * 60_000);
    expect((await api.subscriptions.listSubscriptions()).map((s) => s.id)).toContain(sub.id);
    emu.admin.advanceClock(10 * 60_000);
    const later = emu.admin.now();
    const renewed = await api.subscriptions.renewSubscription(sub.id!, later);
    expect(Date.parse(renewed.expirationDateTime!)).toBeGreaterThan(
      Date.parse(sub.expirationDateTime!),
    );
    const same = await api.subscriptions.keepSubscriptionAlive(renewed, create, later);
    expect(same.id).toBe(sub.id);
    await api.subscriptions.deleteSubscription(sub.id!);
    await api.subscriptions.deleteSubscription(sub.id!); // already gone: fine
    const recreated = await api.subscriptions.keepSubscriptionAlive(
      { ...renewed, expirationDateTime: new Date(later.getTime() + 60_000).toISOString() },
      create,
      later,
    );
    expect(recreated.id).not.toBe(sub.id);
    await api.subscriptions.deleteSubscription(recreated.id!);
  });
});

describe('teams app installation', () => {
  it('installs for a user once; a second install is already', async () => {
    expect(await api.teamsApps.installAppForUser(manager, TEAMS_APP_ID)).toBe('installed');
    expect(await api.teamsApps.installAppForUser(manager, TEAMS_APP_ID)).toBe('already');
    expect(await api.teamsApps.isAppInstalledForUser(manager, TEAMS_APP_ID)).toBe(true);
    const list = await api.teamsApps.listInstalledApps(manager);
    expect(list.filter((a) => a.teamsAppId === TEAMS_APP_ID)).toHaveLength(1);
  });
});

describe('batch, limits and errors', () => {
  it('$batch keeps order, runs dependsOn, reports per-item errors', async () => {
    const results = await api.batch.batch([
      { id: 'a', url: `/users/${shared}?$select=id,mail` },
      { id: 'b', url: '/users/nobody@stockholm.example?$select=id' },
      { id: 'c', url: `/users/${shared}/mailFolders/inbox?$select=id`, dependsOn: ['a'] },
    ]);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['a', 200],
      ['b', 404],
      ['c', 200],
    ]);
    expect(results[1]!.error).toMatchObject({ reason: 'not-found' });
  });

  it('per-item 429 inside $batch is retried after Retry-After', async () => {
    emu.admin.setFaults({
      throttle: { count: 2, retryAfterSeconds: 1, pathContains: '/mailFolders/inbox' },
    });
    try {
      const results = await api.batch.batch(
        Array.from({ length: 5 }, (_, i) => ({
          url: `/users/${shared}/mailFolders/inbox?$select=id&n=${i}`,
        })),
      );
      expect(results.every((r) => r.status === 200)).toBe(true);
    } finally {
      emu.admin.setFaults({ throttle: null });
    }
  });

  it('injected 429 and 503 on plain requests are retried; concurrency stays within 4 per mailbox', async () => {
    emu.admin.setFaults({
      throttle: { count: 1, retryAfterSeconds: 1 },
      unavailable: { count: 1, retryAfterSeconds: 1 },
      latencyMs: 20,
    });
    const before = emu.admin.faultStats().concurrencyRejections;
    try {
      const inbox = await api.messages.listMessages(shared, { folder: 'inbox', top: 12 });
      await Promise.all(inbox.map((m) => api.messages.getMessage(shared, m.id!)));
    } finally {
      emu.admin.setFaults({ throttle: null, unavailable: null, latencyMs: 0 });
    }
    const sharedUser = await api.users.getUser(shared);
    expect(emu.admin.faultStats().peakConcurrency[sharedUser.id!]).toBeLessThanOrEqual(4);
    expect(emu.admin.faultStats().concurrencyRejections).toBe(before);
  });

  it('a mailbox outside the app scope is forbidden; a bad token unauthorized', async () => {
    const err = await api.messages.listMessages(manager, { top: 1 }).catch((e: unknown) => e);
    expect(isGraphError(err, 'forbidden')).toBe(true);
    const bad = createGraphClient({
      baseUrl: emu.graphUrl,
      tokenProvider: async () => 'not.a.token',
    });
    await expect(createGraphApi(bad).users.getUser(shared)).rejects.toMatchObject({
      reason: 'unauthorized',
    });
  });
});
