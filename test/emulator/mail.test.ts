// Mail as an app sees it in the emulator: directory lookups, folders, listing with $filter/$orderby/
// paging, updates, moves with stable ids, sendMail and replies delivered inside the tenant and to the
// external outbox, attachments (contentBytes, $value, size limit), master categories.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server.js';
import { COORD, MANAGER, MANAGER2, SHARED } from './fixture-tenant.js';
import { appToken, graph, type Call } from './helpers.js';
import { start } from './helpers.js';

let emu: RunningEmulator;
let g: (m: string, p: string, b?: unknown, h?: Record<string, string>) => Promise<Call>;
const box = `/users/${SHARED}`;

beforeAll(async () => {
  emu = await start({ faults: { sendingLimits: null } });
});
beforeEach(async () => {
  emu.admin.reset();
  g = graph(emu, await appToken(emu));
});
afterAll(async () => {
  await emu.close();
});

describe('directory', () => {
  it('finds users by UPN, id and $filter, and groups by mailNickname with members', async () => {
    const byUpn = await g('GET', `/users/${MANAGER}?$select=id,displayName,jobTitle`);
    expect(byUpn.body).toMatchObject({ displayName: 'Bo Chef', jobTitle: 'Förskolechef' });
    expect((await g('GET', `/users/${byUpn.body.id}`)).body.userPrincipalName).toBe(MANAGER);
    const filtered = await g('GET', `/users?$filter=mail eq '${MANAGER2.toUpperCase()}'`);
    expect(filtered.body.value.map((u: { mail: string }) => u.mail)).toEqual([MANAGER2]);
    const groups = await g(
      'GET',
      "/groups?$filter=mailNickname eq 'kvalitet-examinatorer'&$select=id,displayName",
    );
    expect(groups.body.value).toHaveLength(1);
    const members = await g('GET', `/groups/${groups.body.value[0].id}/members?$select=mail`);
    expect(members.body.value.map((m: { mail: string }) => m.mail).sort()).toHaveLength(2);
  });

  it('answers unknown users with 404 Request_ResourceNotFound', async () => {
    const res = await g('GET', '/users/nobody@stockholm.example');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('Request_ResourceNotFound');
    const mail = await g('GET', '/users/nobody@stockholm.example/messages');
    expect(mail.status).toBe(404);
  });
});

describe('folders and messages', () => {
  it('lists well-known folders and creates child folders', async () => {
    const inbox = await g('GET', `${box}/mailFolders/inbox`);
    expect(inbox.body).toMatchObject({
      displayName: 'Inbox',
      totalItemCount: 3,
      unreadItemCount: 2,
    });
    const created = await g('POST', `${box}/mailFolders/inbox/childFolders`, {
      displayName: 'Bidrag 2026',
    });
    expect(created.status).toBe(201);
    const dup = await g('POST', `${box}/mailFolders/inbox/childFolders`, {
      displayName: 'Bidrag 2026',
    });
    expect(dup.status).toBe(409);
    const children = await g('GET', `${box}/mailFolders/inbox/childFolders`);
    expect(children.body.value.map((f: { displayName: string }) => f.displayName)).toEqual([
      'Bidrag 2026',
    ]);
    const top = await g('GET', `${box}/mailFolders?$top=50`);
    const names = top.body.value.map((f: { displayName: string }) => f.displayName);
    expect(names).toEqual(
      expect.arrayContaining(['Inbox', 'Sent Items', 'Deleted Items', 'Drafts', 'Archive', '2026']),
    );
  });

  it('filters, orders and pages messages with @odata.nextLink', async () => {
    const unread = await g(
      'GET',
      `${box}/mailFolders('inbox')/messages?$filter=isRead eq false&$select=subject`,
    );
    expect(unread.body.value).toHaveLength(2);
    const cat = await g(
      'GET',
      `${box}/messages?$filter=categories/any(c:c eq 'Bidrag')&$select=subject,categories`,
    );
    expect(cat.body.value.map((m: { subject: string }) => m.subject)).toEqual([
      'Bidrag Skolan Månen',
    ]);
    const from = await g(
      'GET',
      `${box}/messages?$filter=from/emailAddress/address eq '${MANAGER}'`,
    );
    expect(from.body.value).toHaveLength(1);
    const since = await g(
      'GET',
      `${box}/messages?$filter=receivedDateTime ge 2026-04-01T00:00:00Z&$count=true`,
    );
    expect(since.body['@odata.count']).toBe(2);
    const page1 = await g(
      'GET',
      `${box}/mailFolders/inbox/messages?$orderby=receivedDateTime asc&$top=2&$select=subject`,
    );
    expect(page1.body.value.map((m: { subject: string }) => m.subject)).toEqual([
      'Intresseanmälan Förskolan Solen',
      'Nyhetsbrev',
    ]);
    expect(Object.keys(page1.body.value[0]).sort()).toEqual(['@odata.etag', 'id', 'subject']);
    const page2 = await g('GET', page1.body['@odata.nextLink']);
    expect(page2.body.value.map((m: { subject: string }) => m.subject)).toEqual([
      'Bidrag Skolan Månen',
    ]);
    expect(page2.body['@odata.nextLink']).toBeUndefined();
    const sized = await g('GET', `${box}/messages?$select=subject`, undefined, {
      Prefer: 'odata.maxpagesize=1',
    });
    expect(sized.body.value).toHaveLength(1);
    expect(sized.headers.get('preference-applied')).toMatch(/odata.maxpagesize=1/);
  });

  it('updates categories, flag and isRead, and keeps the id when a message moves', async () => {
    const [msg] = (
      await g('GET', `${box}/mailFolders/inbox/messages?$filter=isRead eq false&$top=1`)
    ).body.value;
    const patched = await g('PATCH', `${box}/messages/${msg.id}`, {
      categories: ['Intresseanmälan'],
      flag: { flagStatus: 'flagged' },
      isRead: true,
    });
    expect(patched.body).toMatchObject({
      categories: ['Intresseanmälan'],
      flag: { flagStatus: 'flagged' },
      isRead: true,
    });
    const folder = (await g('POST', `${box}/mailFolders`, { displayName: 'Intresseanmälningar' }))
      .body;
    const moved = await g('POST', `${box}/messages/${msg.id}/move`, { destinationId: folder.id });
    expect(moved.status).toBe(201);
    expect(moved.body.id).toBe(msg.id);
    expect(moved.body.parentFolderId).toBe(folder.id);
    expect((await g('GET', `${box}/mailFolders/${folder.id}/messages`)).body.value).toHaveLength(1);
    const bad = await g('PATCH', `${box}/messages/${msg.id}`, '{"categories": [');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BadRequest');
  });

  it('delivers sendMail into tenant inboxes, Sent Items and the external outbox', async () => {
    const res = await g('POST', `${box}/sendMail`, {
      message: {
        subject: 'Kvitto',
        body: { contentType: 'text', content: 'Tack för ert bidrag' },
        toRecipients: [
          { emailAddress: { address: MANAGER } },
          { emailAddress: { address: 'someone@external.example' } },
        ],
        ccRecipients: [{ emailAddress: { address: 'kvalitet-samordnare@stockholm.example' } }],
      },
      saveToSentItems: true,
    });
    expect(res.status).toBe(202);
    expect(emu.admin.messages(MANAGER, 'inbox').map((m) => m.subject)).toEqual(['Kvitto']);
    expect(emu.admin.messages(COORD, 'inbox').map((m) => m.subject)).toEqual(['Kvitto']);
    // The sender's copy shows once Exchange has sent the mail, not with the 202.
    expect(emu.admin.messages(SHARED, 'sentitems')).toEqual([]);
    emu.admin.advanceClock(2_000);
    expect(emu.admin.messages(SHARED, 'sentitems').map((m) => m.subject)).toEqual(['Kvitto']);
    const outbox = emu.admin.outbox();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ from: SHARED, to: ['someone@external.example'] });
  });

  it('accepts mail to an unknown address in its own domain, then bounces it to the sender (5.1.10)', async () => {
    const mistyped = 'bo.berrg@stockholm.example';
    const res = await g('POST', `${box}/sendMail`, {
      message: {
        subject: 'Påminnelse',
        body: { contentType: 'text', content: 'Glöm inte bidraget' },
        toRecipients: [{ emailAddress: { address: mistyped } }],
        ccRecipients: [{ emailAddress: { address: MANAGER } }],
      },
      saveToSentItems: true,
    });
    expect(res.status).toBe(202);
    // The known recipient gets it; the unknown one is not relayed anywhere.
    expect(emu.admin.messages(MANAGER, 'inbox').map((m) => m.subject)).toEqual(['Påminnelse']);
    expect(emu.admin.outbox()).toEqual([]);
    const ndrs = () =>
      emu.admin.messages(SHARED, 'inbox').filter((m) => m.subject === 'Undeliverable: Påminnelse');
    expect(ndrs()).toHaveLength(1);
    const ndr = ndrs()[0]!;
    expect(ndr.from).toBe('postmaster@stockholm.example');
    const read = await g(
      'GET',
      `${box}/messages/${ndr.id}?$select=body,internetMessageHeaders&$expand=attachments`,
    );
    const body = (read.body as { body: { content: string } }).body.content;
    expect(body).toContain(mistyped);
    expect(body).not.toContain(MANAGER.replace(/@.*/, '@'));
    expect(body).toMatch(/550 5\.1\.10 RESOLVER\.ADR\.RecipientNotFound/);
    // The report quotes the sent mail's Message-ID, so the sender can tell which mail bounced.
    emu.admin.advanceClock(2_000);
    const [sent] = emu.admin.messages(SHARED, 'sentitems');
    const original = await g('GET', `${box}/messages/${sent!.id}?$select=internetMessageId`);
    const messageId = (original.body as { internetMessageId: string }).internetMessageId;
    expect(body).toContain(messageId.replace('<', '&lt;').replace('>', '&gt;'));
    // Outside addresses are still relayed, never bounced by the tenant.
    await g('POST', `${box}/sendMail`, {
      message: {
        subject: 'Utanför',
        toRecipients: [{ emailAddress: { address: 'bo.berrg@stockholm.example.org' } }],
      },
      saveToSentItems: false,
    });
    expect(emu.admin.outbox().map((o) => o.to)).toEqual([['bo.berrg@stockholm.example.org']]);
    expect(
      emu.admin.messages(SHARED, 'inbox').filter((m) => /^Undeliverable/.test(m.subject)),
    ).toHaveLength(1);
  });

  it('replies in the thread, and createReply + send works too', async () => {
    const [msg] = (
      await g('GET', `${box}/messages?$filter=from/emailAddress/address eq '${MANAGER}'`)
    ).body.value;
    expect((await g('POST', `${box}/messages/${msg.id}/reply`, { comment: 'Tack!' })).status).toBe(
      202,
    );
    const got = emu.admin.messages(MANAGER, 'inbox');
    expect(got[0]!.subject).toBe('RE: Intresseanmälan Förskolan Solen');
    const draft = await g('POST', `${box}/messages/${msg.id}/createReply`, {});
    expect(draft.status).toBe(201);
    expect(draft.body.isDraft).toBe(true);
    expect(draft.body.conversationId).toBe(msg.conversationId);
    expect((await g('POST', `${box}/messages/${draft.body.id}/send`)).status).toBe(202);
    expect(emu.admin.messages(MANAGER, 'inbox')).toHaveLength(2);
    // Until Exchange has sent it the draft waits in the Outbox, and cannot be sent again.
    const folderOf = async (id: string) =>
      (await g('GET', `${box}/mailFolders/${id}?$select=displayName`)).body.displayName;
    const waiting = (await g('GET', `${box}/messages/${draft.body.id}`)).body;
    expect([waiting.isDraft, await folderOf(waiting.parentFolderId)]).toEqual([true, 'Outbox']);
    expect((await g('POST', `${box}/messages/${draft.body.id}/send`)).status).toBe(400);
    emu.admin.advanceClock(2_000);
    // Then it is in Sent Items under the same id, no longer a draft.
    const sent = (await g('GET', `${box}/messages/${draft.body.id}`)).body;
    expect([sent.isDraft, await folderOf(sent.parentFolderId)]).toEqual([false, 'Sent Items']);
    expect(emu.admin.messages(MANAGER, 'inbox')).toHaveLength(2);
  });

  it('keeps custom headers for recipients but not on the Sent Items copy', async () => {
    const headers = [{ name: 'x-kvalitet-outbox-key', value: 'receipt:1' }];
    const created = await g('POST', `${box}/messages`, {
      subject: 'Kvitto',
      body: { contentType: 'text', content: 'Tack' },
      toRecipients: [{ emailAddress: { address: MANAGER } }],
      internetMessageHeaders: headers,
    });
    expect(created.status).toBe(201);
    expect((await g('POST', `${box}/messages/${created.body.id}/send`)).status).toBe(202);
    emu.admin.advanceClock(2_000);
    // The app may not read the manager's mailbox: look at the delivered copy in the state.
    const managerId = emu.admin.state().users.find((u) => u.userPrincipalName === MANAGER)!.id!;
    const received = Object.values(emu.admin.state().mailboxes[managerId]!.messages).find(
      (m) => m.fields.subject === 'Kvitto',
    )!.fields;
    expect(received.internetMessageHeaders).toEqual(expect.arrayContaining(headers));
    const copy = (
      await g('GET', `${box}/messages/${created.body.id}?$select=subject,internetMessageHeaders`)
    ).body;
    expect(copy.internetMessageHeaders ?? []).not.toEqual(expect.arrayContaining(headers));
  });

  it('gives a draft its Message-ID at creation and keeps it when the mail is sent', async () => {
    const reply = await g('POST', `${box}/messages`, {
      subject: 'Kvitto: vi har tagit emot ert bidrag',
      body: { contentType: 'text', content: 'Tack' },
      toRecipients: [{ emailAddress: { address: MANAGER } }],
    });
    const id = reply.body.internetMessageId as string;
    expect([reply.body.isDraft, id]).toEqual([true, expect.stringMatching(/^<[^@\s]+@[^>\s]+>$/)]);
    expect((await g('POST', `${box}/messages/${reply.body.id}/send`)).status).toBe(202);
    emu.admin.advanceClock(2_000);
    const sent = (await g('GET', `${box}/messages/${reply.body.id}`)).body;
    expect([sent.isDraft, sent.internetMessageId]).toEqual([false, id]);
    const managerId = emu.admin.state().users.find((u) => u.userPrincipalName === MANAGER)!.id!;
    const received = Object.values(emu.admin.state().mailboxes[managerId]!.messages).find(
      (m) => m.fields.subject === 'Kvitto: vi har tagit emot ert bidrag',
    )!.fields;
    expect(received.internetMessageId).toBe(id);
  });

  it('takes custom headers only as x- names, at most 5, and only when a message is created', async () => {
    const draft = (headers: Array<{ name: string; value: string }>) =>
      g('POST', `${box}/messages`, {
        subject: 'Kvitto',
        toRecipients: [{ emailAddress: { address: MANAGER } }],
        internetMessageHeaders: headers,
      });
    const notX = await draft([{ name: 'Kvalitet-Key', value: '1' }]);
    expect(notX.status).toBe(400);
    expect(notX.body.error.code).toBe('InvalidInternetMessageHeader');
    const six = await draft(Array.from({ length: 6 }, (_, i) => ({ name: `x-k${i}`, value: 'v' })));
    expect(six.status).toBe(400);
    const send = await g('POST', `${box}/sendMail`, {
      message: {
        subject: 'x',
        toRecipients: [{ emailAddress: { address: MANAGER } }],
        internetMessageHeaders: [{ name: 'Reply-To', value: 'a@b.example' }],
      },
    });
    expect(send.status).toBe(400);
    const ok = await draft([{ name: 'x-kvalitet-outbox-key', value: 'receipt:1' }]);
    expect(ok.status).toBe(201);
    const later = await g('PATCH', `${box}/messages/${ok.body.id}`, {
      internetMessageHeaders: [{ name: 'x-other', value: '2' }],
    });
    expect(later.status).toBe(400);
  });

  it('is as strict as Graph about $select, $filter with $orderby, ids and user names', async () => {
    const unknown = await g('GET', `${box}/messages?$select=subject,colour`);
    expect(unknown.status).toBe(400);
    const list = `${box}/mailFolders/inbox/messages`;
    const since = `receivedDateTime ge 2020-01-01T00:00:00Z`;
    const mismatched = await g(
      'GET',
      `${list}?$filter=isRead eq false and ${since}&$orderby=receivedDateTime desc`,
    );
    expect(mismatched.status).toBe(400);
    expect(mismatched.body.error.code).toBe('InefficientFilter');
    const matched = await g(
      'GET',
      `${list}?$filter=${since} and isRead eq false&$orderby=receivedDateTime desc`,
    );
    expect(matched.status).toBe(200);
    const malformed = await g('GET', `${box}/messages/not*an*id`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('ErrorInvalidIdMalformed');
    // A mailbox whose SMTP address differs from its UPN is found by the UPN (or id) only.
    const shared = emu.admin.state().users.find((u) => u.userPrincipalName === SHARED)!;
    shared.mail = 'kvalitet@stockholm.example';
    expect((await g('GET', `/users/kvalitet@stockholm.example/messages`)).status).toBe(404);
    expect((await g('GET', `${box}/messages?$top=1`)).status).toBe(200);
  });

  it('lists a forwarded mail and a shared link as item and reference attachments', async () => {
    const { messageId } = emu.admin.deliver({
      to: SHARED,
      from: 'x@external.example',
      subject: 'Vidarebefordrat och länk',
      attachments: [
        {
          kind: 'item',
          name: 'Ursprungligt mejl',
          item: { subject: 'Hej', from: 'a@b.example', body: 'Text' },
        },
        { kind: 'reference', name: 'Bidrag.docx', sourceUrl: 'https://contoso.sharepoint.com/x' },
      ],
    })[0]!;
    const list = (await g('GET', `${box}/messages/${messageId}/attachments`)).body.value;
    expect(
      list.map((a: Record<string, unknown>) => [a['@odata.type'], a.name, 'contentBytes' in a]),
    ).toEqual([
      ['#microsoft.graph.itemAttachment', 'Ursprungligt mejl', false],
      ['#microsoft.graph.referenceAttachment', 'Bidrag.docx', false],
    ]);
    const mime = await g('GET', `${box}/messages/${messageId}/attachments/${list[0].id}/$value`);
    expect(mime.status).toBe(200);
    expect(String(mime.body)).toContain('Subject: Hej');
    const link = await g('GET', `${box}/messages/${messageId}/attachments/${list[1].id}/$value`);
    expect(link.status).toBe(400);
  });

  it('records mail delivered from outside through the admin API', async () => {
    const { messageId } = emu.admin.deliver({
      to: SHARED,
      from: { name: 'Extern', address: 'x@external.example' },
      subject: 'Fråga',
      body: 'Hur gör vi?',
    })[0]!;
    const got = await g('GET', `${box}/messages/${messageId}?$select=subject,from,isRead`);
    expect(got.body).toMatchObject({
      subject: 'Fråga',
      isRead: false,
      from: { emailAddress: { address: 'x@external.example' } },
    });
  });
});

describe('attachments', () => {
  it('lists attachments with contentBytes and serves raw bytes at $value', async () => {
    const [msg] = (await g('GET', `${box}/messages?$filter=hasAttachments eq true`)).body.value;
    const list = await g('GET', `${box}/messages/${msg.id}/attachments`);
    expect(list.body.value).toHaveLength(1);
    const a = list.body.value[0];
    expect(a).toMatchObject({
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'bidrag.pdf',
      contentType: 'application/pdf',
    });
    expect(Buffer.from(a.contentBytes, 'base64').toString()).toBe('%PDF-1.4 fake');
    const raw = await fetch(`${emu.graphUrl}${box}/messages/${msg.id}/attachments/${a.id}/$value`, {
      headers: { Authorization: `Bearer ${await appToken(emu)}` },
    });
    expect(raw.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await raw.arrayBuffer()).toString()).toBe('%PDF-1.4 fake');
  });

  it('adds an attachment to a draft and refuses one over 3 MB', async () => {
    const draft = (
      await g('POST', `${box}/messages`, {
        subject: 'Med bilaga',
        toRecipients: [{ emailAddress: { address: MANAGER } }],
      })
    ).body;
    const ok = await g('POST', `${box}/messages/${draft.id}/attachments`, {
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'a.txt',
      contentBytes: Buffer.from('hej').toString('base64'),
    });
    expect(ok.status).toBe(201);
    const big = await g('POST', `${box}/messages/${draft.id}/attachments`, {
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'big.bin',
      contentBytes: Buffer.alloc(3 * 1024 * 1024 + 10).toString('base64'),
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBeTruthy();
    expect((await g('POST', `${box}/messages/${draft.id}/send`)).status).toBe(202);
    const [inbox] = emu.admin.messages(MANAGER, 'inbox');
    expect(inbox!.subject).toBe('Med bilaga');
  });
});

describe('master categories', () => {
  it('lists and creates categories with colors', async () => {
    const list = await g('GET', `${box}/outlook/masterCategories`);
    expect(list.body.value.map((c: { displayName: string }) => c.displayName)).toEqual(['Bidrag']);
    const created = await g('POST', `${box}/outlook/masterCategories`, {
      displayName: 'Protokoll',
      color: 'preset3',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: 'Protokoll', color: 'preset3' });
  });
});

describe('directory filters', () => {
  it('filters users on properties outside the default set', async () => {
    const res = await g(
      'GET',
      "/users?$filter=department eq 'Stadsledningskontoret' and jobTitle eq 'Rektor'",
    );
    expect(res.body.value.map((u: { userPrincipalName: string }) => u.userPrincipalName)).toEqual([
      MANAGER2,
    ]);
    expect(res.body.value[0]).not.toHaveProperty('department');
  });
});

describe('$search', () => {
  it('finds messages by a word, or by subject:, and refuses $orderby with $search', async () => {
    const any = await g('GET', `${box}/messages?$search="bidrag"&$select=subject`);
    expect(any.body.value.map((m: { subject: string }) => m.subject)).toEqual([
      'Bidrag Skolan Månen',
    ]);
    const subj = await g('GET', `${box}/messages?$search="subject:intresseanmälan"`);
    expect(subj.body.value).toHaveLength(1);
    const bad = await g('GET', `${box}/messages?$search="x"&$orderby=receivedDateTime desc`);
    expect(bad.status).toBe(400);
  });
});
