// Attachments: list, get (fileAttachment with contentBytes), raw bytes via /$value, add to a draft,
// delete, and upload sessions for files between 3 MB and 150 MB.
import { PERMS } from '../auth/guard.js';
import { GraphError, badRequest } from '../errors.js';
import { guid, outlookId } from '../ids.js';
import { applySelect, collection, metadataContext } from '../odata.js';
import type { GraphResponse, Router } from '../router.js';
import type { MailboxRec, MessageRec } from '../state/model.js';
import { isoZ } from '../timezones.js';
import { jsonBody, mailboxFor, messageOr404, type Services } from './common.js';
import { fileAttachmentInput } from './mail.js';
import { attachmentJson } from './mail-shape.js';

interface UploadSession {
  id: string;
  userId: string;
  messageId: string;
  name: string;
  contentType: string;
  isInline: boolean;
  size: number;
  received: Buffer[];
  receivedBytes: number;
  expires: number;
}

function attachmentOr404(rec: MessageRec, id: string) {
  const a = rec.attachments.find((x) => x.id === id);
  if (!a)
    throw new GraphError(
      404,
      'ErrorItemNotFound',
      'The specified object was not found in the store.',
    );
  return a;
}

export function registerAttachments(
  r: Router,
  s: Services,
): {
  upload: (
    sessionId: string,
    req: { headers: Record<string, string>; body: Buffer },
  ) => GraphResponse;
} {
  const sessions = new Map<string, UploadSession>();

  for (const prefix of ['/users/:u/messages/:m', '/users/:u/mailFolders/:f/messages/:m']) {
    r.get(`${prefix}/attachments`, 'attachments.list', (req, p) => {
      const { mb } = mailboxFor(s, req, p.u!, 'mail', PERMS.mailRead);
      const rec = messageOr404(mb, p.m!);
      return {
        status: 200,
        body: collection(
          req,
          metadataContext(req, `users('${p.u}')/messages('${p.m}')/attachments`),
          rec.attachments,
          { defaultPageSize: 1000, maxPageSize: 1000 },
          (a) => attachmentJson(a, true),
        ),
      };
    });
    r.get(`${prefix}/attachments/:a`, 'attachments.get', (req, p) => {
      const { mb } = mailboxFor(s, req, p.u!, 'mail', PERMS.mailRead);
      const a = attachmentOr404(messageOr404(mb, p.m!), p.a!);
      return {
        status: 200,
        body: {
          '@odata.context': metadataContext(
            req,
            `users('${p.u}')/messages('${p.m}')/attachments/$entity`,
          ),
          ...applySelect(attachmentJson(a, true), req.query.get('$select')),
        },
      };
    });
    r.get(`${prefix}/attachments/:a/$value`, 'attachments.value', (req, p): GraphResponse => {
      const { mb } = mailboxFor(s, req, p.u!, 'mail', PERMS.mailRead);
      const a = attachmentOr404(messageOr404(mb, p.m!), p.a!);
      // /$value gives a file's bytes or a forwarded mail's MIME; a link has no content here
      // (https://learn.microsoft.com/graph/api/attachment-get: raw contents of file or item
      // attachments only).
      if (a.kind === 'reference')
        throw badRequest(
          'Raw content is not available for a reference attachment.',
          'ErrorInvalidRequest',
        );
      const bytes = Buffer.from(a.contentBytes, 'base64');
      const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers['range'] ?? '');
      if (range) {
        const start = Number(range[1]);
        const end = range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1;
        if (start >= bytes.length)
          return { status: 416, headers: { 'Content-Range': `bytes */${bytes.length}` }, raw: '' };
        return {
          status: 206,
          headers: {
            'Content-Type': a.contentType,
            'Content-Range': `bytes ${start}-${end}/${bytes.length}`,
          },
          raw: bytes.subarray(start, end + 1),
        };
      }
      return { status: 200, headers: { 'Content-Type': a.contentType }, raw: bytes };
    });
    r.post(`${prefix}/attachments`, 'attachments.create', (req, p) => {
      const { mb } = mailboxFor(s, req, p.u!, 'mail', PERMS.mailWrite);
      const rec = messageOr404(mb, p.m!);
      const input = fileAttachmentInput(s, jsonBody(req));
      const a = {
        ...input,
        id: outlookId(),
        size: Buffer.from(input.contentBytes, 'base64').length,
        lastModifiedDateTime: s.store.nowIso(),
      };
      rec.attachments.push(a);
      s.store.touchMessage(mb, rec);
      return {
        status: 201,
        body: {
          '@odata.context': metadataContext(
            req,
            `users('${p.u}')/messages('${p.m}')/attachments/$entity`,
          ),
          ...attachmentJson(a, true),
        },
      };
    });
    r.delete(`${prefix}/attachments/:a`, 'attachments.delete', (req, p) => {
      const { mb } = mailboxFor(s, req, p.u!, 'mail', PERMS.mailWrite);
      const rec = messageOr404(mb, p.m!);
      attachmentOr404(rec, p.a!);
      rec.attachments = rec.attachments.filter((x) => x.id !== p.a);
      s.store.touchMessage(mb, rec);
      return { status: 204 };
    });
    r.post(`${prefix}/attachments/createUploadSession`, 'attachments.uploadSession', (req, p) => {
      const { user, mb } = mailboxFor(s, req, p.u!, 'mail', PERMS.mailWrite);
      const rec = messageOr404(mb, p.m!);
      const item = jsonBody(req).AttachmentItem as Record<string, unknown> | undefined;
      if (!item || typeof item.name !== 'string' || typeof item.size !== 'number')
        throw badRequest('AttachmentItem with name and size is required.', 'ErrorInvalidRequest');
      if (item.size < 3 * 1024 * 1024)
        throw badRequest(
          'Attachment size must be greater than the minimum size (3 MB) for an upload session.',
          'ErrorAttachmentSizeShouldNotBeLessThanMinimumSize',
        );
      if (item.size > s.limits.uploadSessionBytes)
        throw new GraphError(
          413,
          'ErrorAttachmentSizeExceeded',
          'The attachment exceeds the maximum size (150 MB).',
        );
      const id = guid();
      const expires = s.clock.now().getTime() + 15 * 60_000;
      sessions.set(id, {
        id,
        userId: user.id!,
        messageId: rec.id,
        name: item.name,
        contentType:
          typeof item.contentType === 'string' ? item.contentType : 'application/octet-stream',
        isInline: item.isInline === true,
        size: item.size,
        received: [],
        receivedBytes: 0,
        expires,
      });
      return {
        status: 201,
        body: {
          '@odata.context': `${req.baseUrl}/$metadata#microsoft.graph.uploadSession`,
          uploadUrl: `${s.origin()}/_upload/${id}`,
          expirationDateTime: isoZ(expires),
          nextExpectedRanges: ['0-'],
        },
      };
    });
  }

  /** PUT {uploadUrl} with Content-Range: the pre-authenticated upload URL, outside /v1.0. */
  const upload = (
    sessionId: string,
    req: { headers: Record<string, string>; body: Buffer },
  ): GraphResponse => {
    const sess = sessions.get(sessionId);
    if (!sess)
      return {
        status: 404,
        body: { error: { code: 'ErrorItemNotFound', message: 'Upload session not found.' } },
      };
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
    if (!m)
      return {
        status: 400,
        body: { error: { code: 'InvalidRange', message: 'Content-Range header is required.' } },
      };
    const start = Number(m[1]);
    const end = Number(m[2]);
    if (
      start !== sess.receivedBytes ||
      end - start + 1 !== req.body.length ||
      Number(m[3]) !== sess.size
    )
      return {
        status: 416,
        body: {
          error: { code: 'InvalidRange', message: 'The range does not match the expected range.' },
        },
      };
    sess.received.push(req.body);
    sess.receivedBytes += req.body.length;
    if (sess.receivedBytes < sess.size)
      return {
        status: 200,
        body: {
          expirationDateTime: isoZ(sess.expires),
          nextExpectedRanges: [`${sess.receivedBytes}-${sess.size - 1}`],
        },
      };
    sessions.delete(sessionId);
    const mb: MailboxRec = s.store.mailbox(sess.userId);
    const rec = mb.messages[sess.messageId];
    if (!rec)
      return {
        status: 404,
        body: { error: { code: 'ErrorItemNotFound', message: 'The message was deleted.' } },
      };
    const a = {
      id: outlookId(),
      name: sess.name,
      contentType: sess.contentType,
      isInline: sess.isInline,
      size: sess.size,
      lastModifiedDateTime: s.store.nowIso(),
      contentBytes: Buffer.concat(sess.received).toString('base64'),
    };
    rec.attachments.push(a);
    s.store.touchMessage(mb, rec);
    return {
      status: 201,
      headers: {
        Location: `${s.origin()}/v1.0/users('${sess.userId}')/messages('${sess.messageId}')/attachments('${a.id}')`,
      },
    };
  };
  return { upload };
}
