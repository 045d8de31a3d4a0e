// Mail endpoints: mail folders and child folders, messages (list, get, create, update, delete, move,
// copy), reply/replyAll/forward and their create* drafts, send, and /sendMail.
import type * as MG from '@microsoft/microsoft-graph-types';
import { PERMS } from '../auth/guard.js';
import { GraphError, badRequest } from '../errors.js';
import { applySelect, collection, metadataContext } from '../odata.js';
import type { GraphRequest, Router } from '../router.js';
import {
  replyFields,
  sendMessage,
  type AttachmentInput,
  type ReplyKind,
} from '../state/mail-ops.js';
import type { FolderRec, MailboxRec, MessageFields, MessageRec } from '../state/model.js';
import { jsonBody, mailboxFor, messageOr404, type Services } from './common.js';
import { folderJson, messageJson } from './mail-shape.js';

const WRITABLE: Array<keyof MessageFields> = [
  'subject',
  'body',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'from',
  'sender',
  'categories',
  'flag',
  'isRead',
  'importance',
  'inferenceClassification',
  'isDeliveryReceiptRequested',
  'isReadReceiptRequested',
  'internetMessageHeaders',
];

export function folderOr404(s: Services, mb: MailboxRec, id: string): FolderRec {
  const f = s.store.folder(mb, id);
  if (!f)
    throw new GraphError(
      404,
      'ErrorItemNotFound',
      'The specified object was not found in the store.',
    );
  return f;
}

/** Validates and picks writable message properties from a request body. */
export function messageInput(body: Record<string, unknown>, strict = true): Partial<MessageFields> {
  const out: Partial<MessageFields> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('@odata')) continue;
    if (k === 'attachments') continue;
    const key = WRITABLE.find((w) => w.toLowerCase() === k.toLowerCase());
    if (!key) {
      if (
        strict &&
        !['id', 'parentFolderId', 'conversationId', 'receivedDateTime', 'sentDateTime'].includes(k)
      )
        throw badRequest(
          `Could not find a property named '${k}' on type 'microsoft.graph.message'.`,
          'RequestBodyRead',
        );
      continue;
    }
    if (key === 'categories' && (!Array.isArray(v) || v.some((c) => typeof c !== 'string')))
      throw badRequest("Invalid value for property 'categories'.", 'RequestBodyRead');
    if (key === 'internetMessageHeaders') checkCustomHeaders(v);
    if (key === 'isRead' && typeof v !== 'boolean')
      throw badRequest(
        "Cannot convert the literal to the expected type 'Edm.Boolean'.",
        'RequestBodyRead',
      );
    (out as Record<string, unknown>)[key] = v;
  }
  return out;
}

/**
 * Custom internet headers as Graph takes them when a message is created: names starting with x-,
 * at most 5 (https://learn.microsoft.com/graph/api/user-sendmail and message-send: "only custom
 * headers that begin with x- or X-"; "up to 5 custom headers"). Anything else is 400.
 */
function checkCustomHeaders(v: unknown): void {
  if (!Array.isArray(v))
    throw badRequest("Invalid value for property 'internetMessageHeaders'.", 'RequestBodyRead');
  if (v.length > 5)
    throw badRequest(
      'Maximum number of headers in one message should be less than or equal to 5.',
      'InvalidInternetMessageHeaderCollection',
    );
  for (const h of v as Array<{ name?: unknown; value?: unknown }>) {
    if (typeof h?.name !== 'string' || typeof h.value !== 'string')
      throw badRequest(
        'An internet message header needs a name and a value.',
        'InvalidInternetMessageHeader',
      );
    if (!/^x-[\x21-\x39\x3b-\x7e]+$/i.test(h.name))
      throw badRequest(
        `The internet message header name '${h.name}' should start with 'x-' or 'X-'.`,
        'InvalidInternetMessageHeader',
      );
  }
}

/** Reads inline attachments from a message body (sendMail, create draft). */
export function attachmentsInput(s: Services, body: Record<string, unknown>): AttachmentInput[] {
  const list = body.attachments;
  if (list === undefined) return [];
  if (!Array.isArray(list))
    throw badRequest("Invalid value for property 'attachments'.", 'RequestBodyRead');
  return list.map((a) => fileAttachmentInput(s, a as Record<string, unknown>));
}

export function fileAttachmentInput(s: Services, a: Record<string, unknown>): AttachmentInput {
  const type = String(a['@odata.type'] ?? '#microsoft.graph.fileAttachment');
  if (!/fileAttachment$/i.test(type))
    throw badRequest(
      `Attachment type '${type}' is not supported by the emulator.`,
      'ErrorInvalidRequest',
    );
  if (typeof a.name !== 'string' || typeof a.contentBytes !== 'string')
    throw badRequest('The attachment name and contentBytes are required.', 'ErrorInvalidRequest');
  const size = Buffer.from(a.contentBytes, 'base64').length;
  if (size > s.limits.attachmentBytes)
    throw new GraphError(
      413,
      'RequestEntityTooLarge',
      `The attachment '${a.name}' is ${size} bytes; attachments over ${s.limits.attachmentBytes} bytes must be uploaded with an upload session (createUploadSession).`,
    );
  return {
    name: a.name,
    contentType: typeof a.contentType === 'string' ? a.contentType : 'application/octet-stream',
    contentBytes: a.contentBytes,
    isInline: a.isInline === true,
    contentId: typeof a.contentId === 'string' ? a.contentId : undefined,
  };
}

/** $search="word" or $search="subject:word" (also from:, to:, body:), case-insensitive substring match. */
function searchMatcher(raw: string): (m: MessageRec) => boolean {
  const q = raw.replace(/^"|"$/g, '').trim().toLowerCase();
  const m = /^(subject|from|to|body):(.*)$/.exec(q);
  const field = m?.[1];
  const term = (m ? m[2]! : q).replace(/^"|"$/g, '').trim();
  return (rec) => {
    const f = rec.fields;
    const parts: Record<string, string> = {
      subject: f.subject ?? '',
      from: `${f.from?.emailAddress?.name ?? ''} ${f.from?.emailAddress?.address ?? ''}`,
      to: (f.toRecipients ?? [])
        .map((r) => `${r.emailAddress?.name ?? ''} ${r.emailAddress?.address ?? ''}`)
        .join(' '),
      body: f.body?.content ?? '',
    };
    const hay = field ? parts[field]! : Object.values(parts).join(' ');
    return hay.toLowerCase().includes(term);
  };
}

/** The message properties Graph knows (https://learn.microsoft.com/graph/api/resources/message). */
const MESSAGE_PROPERTIES = new Set(
  [
    'id',
    'createdDateTime',
    'lastModifiedDateTime',
    'changeKey',
    'categories',
    'receivedDateTime',
    'sentDateTime',
    'hasAttachments',
    'internetMessageId',
    'internetMessageHeaders',
    'subject',
    'body',
    'bodyPreview',
    'uniqueBody',
    'importance',
    'parentFolderId',
    'conversationId',
    'conversationIndex',
    'isDeliveryReceiptRequested',
    'isReadReceiptRequested',
    'isRead',
    'isDraft',
    'webLink',
    'inferenceClassification',
    'sender',
    'from',
    'toRecipients',
    'ccRecipients',
    'bccRecipients',
    'replyTo',
    'flag',
    'attachments',
    'extensions',
    'singleValueExtendedProperties',
    'multiValueExtendedProperties',
  ].map((p) => p.toLowerCase()),
);

/** An unknown $select property is 400 in Graph, not silently dropped. */
export function checkMessageSelect(req: GraphRequest): void {
  const select = req.query.get('$select');
  if (!select) return;
  for (const raw of select.split(',')) {
    const name = raw.trim();
    if (name && !MESSAGE_PROPERTIES.has(name.toLowerCase()))
      throw badRequest(
        `Could not find a property named '${name}' on type 'microsoft.graph.message'.`,
        'RequestBroker--ParseUri',
      );
  }
}

/**
 * $orderby with $filter on messages: every $orderby property must also be in $filter, in the same
 * order, before any other filtered property; otherwise Graph answers 400 InefficientFilter
 * (https://learn.microsoft.com/graph/api/user-list-messages, "Using filter and orderby in the same
 * query").
 */
function checkFilterWithOrderBy(req: GraphRequest): void {
  const filter = req.query.get('$filter');
  const orderby = req.query.get('$orderby');
  if (!filter || !orderby) return;
  const ordered = orderby
    .split(',')
    .map((k) => (k.trim().split(/\s+/)[0] ?? '').toLowerCase())
    .filter(Boolean);
  const filtered: string[] = [];
  const re = /([A-Za-z][\w/]*)\s+(?:eq|ne|gt|ge|lt|le)\s/gi;
  for (let m = re.exec(filter); m; m = re.exec(filter)) {
    const p = m[1]!.toLowerCase();
    if (!['and', 'or', 'not'].includes(p) && !filtered.includes(p)) filtered.push(p);
  }
  if (ordered.some((p, i) => filtered[i] !== p))
    throw badRequest(
      'The restriction or sort order is too complex for this operation.',
      'InefficientFilter',
    );
}

function ctxMessages(req: GraphRequest, userParam: string): string {
  return metadataContext(req, `users('${userParam}')/messages`);
}

export function registerMail(r: Router, s: Services): void {
  const read = (req: GraphRequest, u: string) => mailboxFor(s, req, u, 'mail', PERMS.mailRead);
  const write = (req: GraphRequest, u: string) => mailboxFor(s, req, u, 'mail', PERMS.mailWrite);

  // ---- folders ----
  const listFolders = (req: GraphRequest, u: string, parentId: string | undefined) => {
    const { mb } = read(req, u);
    const parent = parentId ? folderOr404(s, mb, parentId).id : s.store.rootFolderId(mb);
    const include = req.query.get('includeHiddenFolders') === 'true';
    const folders = Object.values(mb.folders).filter(
      (f) => f.parentFolderId === parent && (include || !f.isHidden),
    );
    return {
      status: 200,
      body: collection(
        req,
        metadataContext(req, `users('${u}')/mailFolders`),
        folders,
        { defaultPageSize: 10, maxPageSize: 1000 },
        (f) => folderJson(f, mb),
      ),
    };
  };
  r.get('/users/:u/mailFolders', 'mailFolders.list', (req, p) => listFolders(req, p.u!, undefined));
  r.get('/users/:u/mailFolders/:f/childFolders', 'mailFolders.list', (req, p) =>
    listFolders(req, p.u!, p.f!),
  );
  r.get('/users/:u/mailFolders/:f', 'mailFolders.get', (req, p) => {
    const { mb } = read(req, p.u!);
    const f = folderOr404(s, mb, p.f!);
    return {
      status: 200,
      body: {
        '@odata.context': metadataContext(req, `users('${p.u}')/mailFolders/$entity`),
        ...applySelect(folderJson(f, mb), req.query.get('$select')),
      },
    };
  });
  const createFolder = (req: GraphRequest, u: string, parentId: string | undefined) => {
    const { mb } = write(req, u);
    const parent = parentId ? folderOr404(s, mb, parentId).id : s.store.rootFolderId(mb);
    const body = jsonBody(req);
    const name = body.displayName;
    if (typeof name !== 'string' || !name.trim())
      throw badRequest('The displayName property is required.', 'ErrorInvalidRequest');
    const exists = Object.values(mb.folders).some(
      (f) => f.parentFolderId === parent && f.displayName.toLowerCase() === name.toLowerCase(),
    );
    if (exists)
      throw new GraphError(
        409,
        'ErrorFolderExists',
        'A folder with the specified name already exists.',
      );
    const f = s.store.createFolder(mb, parent, name);
    if (body.isHidden === true) f.isHidden = true;
    return {
      status: 201,
      body: {
        '@odata.context': metadataContext(req, `users('${u}')/mailFolders/$entity`),
        ...folderJson(f, mb),
      },
    };
  };
  // https://learn.microsoft.com/graph/api/mailfolder-delete: 204; the folder goes to Deleted Items
  // with what it holds; a well-known folder cannot be deleted.
  r.delete('/users/:u/mailFolders/:f', 'mailFolders.delete', (req, p) => {
    const { mb } = write(req, p.u!);
    const f = folderOr404(s, mb, p.f!);
    if (f.wellKnownName)
      throw new GraphError(
        403,
        'ErrorDeleteDistinguishedFolder',
        'Distinguished folders cannot be deleted.',
      );
    f.parentFolderId = s.store.folder(mb, 'deleteditems')!.id;
    s.store.emit({ userId: mb.userId, kind: 'other', changeType: 'updated', id: f.id });
    return { status: 204 };
  });
  r.post('/users/:u/mailFolders', 'mailFolders.create', (req, p) =>
    createFolder(req, p.u!, undefined),
  );
  r.post('/users/:u/mailFolders/:f/childFolders', 'mailFolders.create', (req, p) =>
    createFolder(req, p.u!, p.f!),
  );

  // ---- messages: list ----
  const listMessages = (req: GraphRequest, u: string, folderId: string | undefined) => {
    const { mb } = read(req, u);
    checkMessageSelect(req);
    checkFilterWithOrderBy(req);
    const folder = folderId ? folderOr404(s, mb, folderId) : undefined;
    let recs = s.store.messagesIn(mb, folder?.id);
    if (!folder) {
      // /messages spans the mailbox's mail folders (not the hidden root).
      recs = recs.filter((m) => !mb.folders[m.folderId]?.isHidden);
    }
    const search = req.query.get('$search');
    if (search !== null) {
      if (req.query.get('$orderby') || req.query.get('$filter'))
        throw badRequest(
          'The query parameters $orderby and $filter are not supported with $search.',
          'ErrorInvalidUrlQuery',
        );
      recs = recs.filter(searchMatcher(search));
    }
    const ordered = req.query.get('$orderby')
      ? recs
      : [...recs].sort((a, b) =>
          (b.fields.receivedDateTime ?? '').localeCompare(a.fields.receivedDateTime ?? ''),
        );
    return {
      status: 200,
      body: collection(
        req,
        ctxMessages(req, u),
        ordered,
        { defaultPageSize: 10, maxPageSize: 1000 },
        (m) => messageJson(m, mb, req),
      ),
    };
  };
  r.get('/users/:u/messages', 'messages.list', (req, p) => listMessages(req, p.u!, undefined));
  r.get('/users/:u/mailFolders/:f/messages', 'messages.list', (req, p) =>
    listMessages(req, p.u!, p.f!),
  );

  // ---- messages: create ----
  const createMessage = (req: GraphRequest, u: string, folderId: string | undefined) => {
    const { user, mb } = write(req, u);
    const folder = folderId ? folderOr404(s, mb, folderId) : s.store.folder(mb, 'drafts')!;
    const body = jsonBody(req);
    const fields = messageInput(body);
    const from: MG.Recipient = {
      emailAddress: {
        name: user.displayName ?? '',
        address: user.mail ?? user.userPrincipalName ?? '',
      },
    };
    const rec = s.store.addMessage(
      mb,
      folder.id,
      {
        isRead: true,
        isDraft: true,
        importance: 'normal',
        categories: [],
        flag: { flagStatus: 'notFlagged' },
        body: { contentType: 'text', content: '' },
        from,
        sender: from,
        ...fields,
      },
      attachmentsInput(s, body),
    );
    return {
      status: 201,
      body: {
        '@odata.context': metadataContext(req, `users('${u}')/messages/$entity`),
        ...messageJson(rec, mb, req),
      },
    };
  };
  r.post('/users/:u/messages', 'messages.create', (req, p) => createMessage(req, p.u!, undefined));
  r.post('/users/:u/mailFolders/:f/messages', 'messages.create', (req, p) =>
    createMessage(req, p.u!, p.f!),
  );

  // ---- single message routes, reachable with or without /mailFolders/{f} ----
  for (const prefix of ['/users/:u/messages/:m', '/users/:u/mailFolders/:f/messages/:m']) {
    r.get(prefix, 'messages.get', (req, p) => {
      const { mb } = read(req, p.u!);
      checkMessageSelect(req);
      const rec = messageOr404(mb, p.m!);
      if (p.f && folderOr404(s, mb, p.f).id !== rec.folderId)
        throw new GraphError(
          404,
          'ErrorItemNotFound',
          'The specified object was not found in the store.',
        );
      return {
        status: 200,
        body: {
          '@odata.context': metadataContext(req, `users('${p.u}')/messages/$entity`),
          ...applySelect(messageJson(rec, mb, req), req.query.get('$select')),
        },
      };
    });

    r.patch(prefix, 'messages.update', (req, p) => {
      const { mb } = write(req, p.u!);
      const rec = messageOr404(mb, p.m!);
      const patch = messageInput(jsonBody(req));
      if (patch.internetMessageHeaders !== undefined)
        throw badRequest(
          "The property 'internetMessageHeaders' can only be set when the message is created.",
          'ErrorInvalidPropertyUpdate',
        );
      if (!rec.fields.isDraft) {
        const draftOnly = [
          'subject',
          'body',
          'toRecipients',
          'ccRecipients',
          'bccRecipients',
          'from',
          'sender',
        ];
        const bad = Object.keys(patch).find((k) => draftOnly.includes(k));
        if (bad)
          throw badRequest(
            `The property '${bad}' can only be updated on a draft message.`,
            'ErrorInvalidPropertyUpdateSentMessage',
          );
      }
      rec.fields = { ...rec.fields, ...patch };
      s.store.touchMessage(mb, rec);
      return {
        status: 200,
        body: {
          '@odata.context': metadataContext(req, `users('${p.u}')/messages/$entity`),
          ...messageJson(rec, mb, req),
        },
      };
    });

    r.delete(prefix, 'messages.delete', (req, p) => {
      const { mb } = write(req, p.u!);
      const rec = messageOr404(mb, p.m!);
      const deleted = s.store.folder(mb, 'deleteditems')!;
      if (rec.folderId === deleted.id) s.store.removeMessage(mb, rec);
      else s.store.moveMessage(mb, rec, deleted.id);
      return { status: 204 };
    });

    const moveOrCopy = (copy: boolean) => (req: GraphRequest, p: Record<string, string>) => {
      const { mb } = write(req, p.u!);
      const rec = messageOr404(mb, p.m!);
      const dest = jsonBody(req).destinationId;
      if (typeof dest !== 'string')
        throw badRequest('The destinationId parameter is required.', 'ErrorInvalidRequest');
      const folder = s.store.folder(mb, dest);
      if (!folder)
        throw new GraphError(
          404,
          'ErrorItemNotFound',
          'The specified folder could not be found in the store.',
        );
      let out = rec;
      if (copy)
        out = s.store.addMessage(
          mb,
          folder.id,
          structuredClone(rec.fields),
          structuredClone(rec.attachments),
        );
      else s.store.moveMessage(mb, rec, folder.id);
      return {
        status: 201,
        body: {
          '@odata.context': metadataContext(req, `users('${p.u}')/messages/$entity`),
          ...messageJson(out, mb, req),
        },
      };
    };
    r.post(`${prefix}/move`, 'messages.move', moveOrCopy(false));
    r.post(`${prefix}/copy`, 'messages.copy', moveOrCopy(true));

    const reply =
      (kind: ReplyKind, create: boolean) => (req: GraphRequest, p: Record<string, string>) => {
        const { user, mb } = create
          ? write(req, p.u!)
          : mailboxFor(s, req, p.u!, 'mail', PERMS.mailSend);
        const orig = messageOr404(mb, p.m!);
        const body = jsonBody(req);
        const comment = typeof body.comment === 'string' ? body.comment : '';
        const overrides = body.message
          ? messageInput(body.message as Record<string, unknown>, false)
          : {};
        if (kind === 'forward' && Array.isArray(body.toRecipients))
          overrides.toRecipients = body.toRecipients as MG.Recipient[];
        const { fields, attachments } = replyFields(
          kind,
          orig,
          mb,
          user.mail ?? '',
          comment,
          overrides,
        );
        if (create) {
          const rec = s.store.addMessage(mb, s.store.folder(mb, 'drafts')!.id, fields, attachments);
          return {
            status: 201,
            body: {
              '@odata.context': metadataContext(req, `users('${p.u}')/messages/$entity`),
              ...messageJson(rec, mb, req),
            },
          };
        }
        sendMessage({
          store: s.store,
          faults: s.faults,
          sender: user,
          fields,
          attachments,
          saveToSentItems: true,
        });
        return { status: 202 };
      };
    r.post(`${prefix}/reply`, 'messages.reply', reply('reply', false));
    r.post(`${prefix}/replyAll`, 'messages.reply', reply('replyAll', false));
    r.post(`${prefix}/forward`, 'messages.reply', reply('forward', false));
    r.post(`${prefix}/createReply`, 'messages.createReply', reply('reply', true));
    r.post(`${prefix}/createReplyAll`, 'messages.createReply', reply('replyAll', true));
    r.post(`${prefix}/createForward`, 'messages.createReply', reply('forward', true));

    r.post(`${prefix}/send`, 'messages.send', (req, p) => {
      const { user, mb } = mailboxFor(s, req, p.u!, 'mail', PERMS.mailSend);
      const rec = messageOr404(mb, p.m!);
      if (!rec.fields.isDraft)
        throw badRequest('Only draft messages can be sent.', 'ErrorInvalidOperation');
      // A draft already submitted waits in the Outbox until Exchange has sent it: not sent twice.
      if (rec.folderId === s.store.folder(mb, 'outbox')?.id)
        throw badRequest(
          'The message has already been submitted for delivery.',
          'ErrorInvalidOperation',
        );
      sendMessage({
        store: s.store,
        faults: s.faults,
        sender: user,
        fields: rec.fields,
        attachments: rec.attachments.map(
          ({ name, contentType, contentBytes, isInline, contentId }) => ({
            name,
            contentType,
            contentBytes,
            isInline,
            contentId,
          }),
        ),
        saveToSentItems: true,
        draft: rec,
      });
      return { status: 202 };
    });
  }

  r.post('/users/:u/sendMail', 'sendMail', (req, p) => {
    const { user } = mailboxFor(s, req, p.u!, 'mail', PERMS.mailSend);
    const body = jsonBody(req);
    const message = body.message;
    if (!message || typeof message !== 'object')
      throw badRequest("The value of the parameter 'Message' is empty.", 'ErrorInvalidParameter');
    const fields = messageInput(message as Record<string, unknown>);
    const attachments = attachmentsInput(s, message as Record<string, unknown>);
    sendMessage({
      store: s.store,
      faults: s.faults,
      sender: user,
      fields: {
        importance: 'normal',
        categories: [],
        flag: { flagStatus: 'notFlagged' },
        body: { contentType: 'text', content: '' },
        ...fields,
      },
      attachments,
      saveToSentItems: body.saveToSentItems !== false,
    });
    return { status: 202 };
  });
}
