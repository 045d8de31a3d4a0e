// Conformance: for each Graph endpoint the app uses, the emulator's response carries every property
// named in the matching excerpt of Microsoft's documentation (graph-doc-shapes.ts): names, nesting,
// paging links and error bodies.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server.js';
import { CLIENT_ID, EXAMINER, MANAGER, SHARED, TENANT_ID } from './fixture-tenant.js';
import * as DOC from './graph-doc-shapes.js';
import { appToken, eventually, graph, start, type Call } from './helpers.js';

/** Property paths in `doc` that are missing from `actual` (arrays: compared by their first element). */
function missing(doc: unknown, actual: unknown, path = '$'): string[] {
  if (doc === null || typeof doc !== 'object') return [];
  if (Array.isArray(doc)) {
    if (!Array.isArray(actual)) return [`${path} (expected an array)`];
    if (doc.length === 0 || actual.length === 0) return [];
    return missing(doc[0], actual[0], `${path}[0]`);
  }
  if (actual === null || typeof actual !== 'object') return [`${path} (expected an object)`];
  const out: string[] = [];
  for (const [k, v] of Object.entries(doc)) {
    if (!(k in (actual as Record<string, unknown>))) out.push(`${path}.${k}`);
    else if (v !== null && typeof v === 'object')
      out.push(...missing(v, (actual as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return out;
}

const conforms = (doc: unknown, res: Call | unknown) =>
  expect(missing(doc, (res as Call).body !== undefined ? (res as Call).body : res)).toEqual([]);

let emu: RunningEmulator;
let g: (m: string, p: string, b?: unknown, h?: Record<string, string>) => Promise<Call>;
let hook: Server;
let hookUrl = '';
const notes: unknown[] = [];
const box = `/users/${SHARED}`;

beforeAll(async () => {
  emu = await start({ teamsAppCatalogId: 'cat-1' });
  g = graph(emu, await appToken(emu));
  hook = createServer((req, res) => {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('validationToken');
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      if (token !== null) return res.writeHead(200, { 'Content-Type': 'text/plain' }).end(token);
      notes.push(JSON.parse(data));
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await emu.close();
  await new Promise((r) => hook.close(r));
});

describe('conformance with the Graph documentation', () => {
  it('error bodies', async () => {
    conforms(DOC.ERROR, await g('GET', '/users/nobody@stockholm.example'));
    conforms(DOC.ERROR, await graph(emu, 'garbage')('GET', '/users'));
    conforms(DOC.ERROR, await g('POST', `${box}/sendMail`, '{not json'));
    conforms(DOC.ERROR, await g('GET', `/users/${MANAGER}/messages`));
  });

  it('users and groups', async () => {
    conforms(DOC.USER, await g('GET', `/users/${MANAGER}`));
    conforms(DOC.USER_PAGE, await g('GET', '/users?$top=2'));
    const grp = (await g('GET', "/groups?$filter=mailNickname eq 'kvalitet-examinatorer'")).body
      .value[0];
    conforms(DOC.GROUP_MEMBERS, await g('GET', `/groups/${grp.id}/members`));
  });

  it('mail folders, messages, paging and attachments', async () => {
    conforms(DOC.MAIL_FOLDER, await g('GET', `${box}/mailFolders/inbox`));
    const page = await g('GET', `${box}/messages?$top=1`);
    conforms(DOC.MESSAGE_PAGE, page);
    expect(page.body['@odata.nextLink']).toMatch(/\$skip=1/);
    const withAtt = (await g('GET', `${box}/messages?$filter=hasAttachments eq true`)).body
      .value[0];
    conforms(DOC.MESSAGE, await g('GET', `${box}/messages/${withAtt.id}`));
    const att = (await g('GET', `${box}/messages/${withAtt.id}/attachments`)).body.value[0];
    conforms(
      DOC.FILE_ATTACHMENT,
      await g('GET', `${box}/messages/${withAtt.id}/attachments/${att.id}`),
    );
    conforms(DOC.MASTER_CATEGORIES, await g('GET', `${box}/outlook/masterCategories`));
  });

  it('delta paging links and @removed entries', async () => {
    const first = await g('GET', `${box}/mailFolders/inbox/messages/delta`, undefined, {
      Prefer: 'odata.maxpagesize=1',
    });
    conforms(DOC.DELTA_NEXT, first);
    expect(first.body['@odata.nextLink']).toMatch(/messages\/delta\?\$skiptoken=/);
    let res = first;
    while (res.body['@odata.nextLink']) res = await g('GET', res.body['@odata.nextLink']);
    conforms(DOC.DELTA_LAST, res);
    expect(res.body['@odata.deltaLink']).toMatch(/messages\/delta\?\$deltatoken=/);
    await g('DELETE', `${box}/messages/${first.body.value[0].id}`);
    const changes = await g('GET', res.body['@odata.deltaLink']);
    conforms(
      DOC.DELTA_REMOVED,
      changes.body.value.find((v: Record<string, unknown>) => v['@removed']),
    );
  });

  it('events and getSchedule', async () => {
    const ev = await g('POST', `/users/${EXAMINER}/events`, {
      subject: 'Återföringsbesök',
      start: { dateTime: '2026-12-01T10:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-12-01T11:00:00', timeZone: 'W. Europe Standard Time' },
      attendees: [{ emailAddress: { address: MANAGER }, type: 'required' }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: 'tx-conf',
    });
    conforms(DOC.EVENT, ev);
    const sched = await g(
      'POST',
      `${box}/calendar/getSchedule`,
      {
        schedules: [EXAMINER],
        startTime: { dateTime: '2026-11-25T08:00:00', timeZone: 'W. Europe Standard Time' },
        endTime: { dateTime: '2026-11-25T17:00:00', timeZone: 'W. Europe Standard Time' },
        availabilityViewInterval: 60,
      },
      { Prefer: 'outlook.timezone="W. Europe Standard Time"' },
    );
    conforms(DOC.SCHEDULE, sched);
  });

  it('subscriptions and change notifications', async () => {
    const sub = await g('POST', '/subscriptions', {
      changeType: 'created',
      notificationUrl: hookUrl,
      resource: `users/${SHARED}/mailFolders('inbox')/messages`,
      expirationDateTime: new Date(emu.admin.now().getTime() + 3600_000).toISOString(),
      clientState: 'x',
    });
    conforms(DOC.SUBSCRIPTION, sub);
    emu.admin.deliver({ to: SHARED, from: 'a@external.example', subject: 'Notis' });
    await eventually('the change notification', () => notes.length > 0);
    conforms(DOC.CHANGE_NOTIFICATION, notes[0]);
  });

  it('$batch, Teams app installation and the token endpoint', async () => {
    conforms(
      DOC.BATCH,
      await g('POST', '/$batch', {
        requests: [{ id: '1', method: 'GET', url: `${box}/mailFolders/inbox` }],
      }),
    );
    await g('POST', `/users/${MANAGER}/teamwork/installedApps`, {
      'teamsApp@odata.bind': `${emu.graphUrl}/appCatalogs/teamsApps/cat-1`,
    });
    conforms(
      DOC.INSTALLED_APPS,
      await g('GET', `/users/${MANAGER}/teamwork/installedApps?$expand=teamsApp`),
    );
    const form = (o: Record<string, string>) => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(o),
    });
    const ok = await fetch(
      emu.tokenUrl(TENANT_ID),
      form({
        grant_type: 'client_credentials',
        client_id: CLIENT_ID,
        client_secret: 'local-demo-secret-kvalitet',
        scope: 'https://graph.microsoft.com/.default',
      }),
    );
    conforms(DOC.TOKEN, await ok.json());
    const bad = await fetch(
      emu.tokenUrl(TENANT_ID),
      form({
        grant_type: 'client_credentials',
        client_id: CLIENT_ID,
        client_secret: 'local-demo-secret-kvalitet',
        scope: 'User.Read',
      }),
    );
    conforms(DOC.TOKEN_ERROR, await bad.json());
  });
});
