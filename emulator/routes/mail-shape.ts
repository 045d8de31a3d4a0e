// How stored mail records look on the wire: message, mailFolder and attachment JSON as Graph returns them.
import type { GraphRequest } from '../router.js';
import type { AttachmentRec, FolderRec, MailboxRec, MessageRec } from '../state/model.js';

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function bodyPreviewOf(rec: MessageRec): string {
  const b = rec.fields.body;
  if (rec.fields.bodyPreview) return rec.fields.bodyPreview;
  if (!b?.content) return '';
  const text = b.contentType === 'html' ? htmlToText(b.content) : b.content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

type Recip = { emailAddress?: { name?: string | null; address?: string | null } | null };

/** Graph always writes both name and address (the address stands in for a missing name). */
function recip<T extends Recip | null | undefined>(r: T): T {
  if (!r?.emailAddress) return r;
  const { name, address } = r.emailAddress;
  return { ...r, emailAddress: { name: name ?? address ?? '', address: address ?? '' } } as T;
}
const recips = (list: Recip[] | null | undefined) => (list ?? []).map((r) => recip(r));

/**
 * `select` is the request's $select unless the caller knows better: a delta page reads it from its
 * token (Graph encodes the first request's $select into every nextLink and deltaLink).
 */
export function messageJson(
  rec: MessageRec,
  mb: MailboxRec,
  req: GraphRequest,
  select: string | null = req.query.get('$select'),
): Record<string, unknown> {
  const f = rec.fields;
  let body = f.body ?? { contentType: 'text', content: '' };
  if (req.prefer.bodyContentType === 'text' && body.contentType === 'html')
    body = { contentType: 'text', content: htmlToText(body.content ?? '') };
  const out: Record<string, unknown> = {
    '@odata.etag': `W/"${rec.changeKey}"`,
    id: rec.id,
    createdDateTime: rec.createdDateTime,
    lastModifiedDateTime: rec.lastModifiedDateTime,
    changeKey: rec.changeKey,
    categories: f.categories ?? [],
    receivedDateTime: f.receivedDateTime ?? rec.createdDateTime,
    sentDateTime: f.sentDateTime ?? null,
    hasAttachments: rec.attachments.some((a) => !a.isInline),
    internetMessageId: f.internetMessageId ?? `<${rec.id.slice(-16)}@emulator.local>`,
    subject: f.subject ?? '',
    bodyPreview: bodyPreviewOf(rec),
    importance: f.importance ?? 'normal',
    parentFolderId: rec.folderId,
    conversationId: f.conversationId ?? rec.id,
    conversationIndex: f.conversationIndex ?? null,
    isDeliveryReceiptRequested: f.isDeliveryReceiptRequested ?? false,
    isReadReceiptRequested: f.isReadReceiptRequested ?? false,
    isRead: f.isRead ?? false,
    isDraft: f.isDraft ?? false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(rec.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: f.inferenceClassification ?? 'focused',
    body,
    sender: recip(f.sender ?? f.from ?? null),
    from: recip(f.from ?? null),
    toRecipients: recips(f.toRecipients),
    ccRecipients: recips(f.ccRecipients),
    bccRecipients: recips(f.bccRecipients),
    replyTo: recips(f.replyTo),
    flag: f.flag ?? { flagStatus: 'notFlagged' },
  };
  // "Returned only on applying a $select query option"
  // (https://learn.microsoft.com/graph/api/resources/message, internetMessageHeaders).
  if (f.internetMessageHeaders && select?.toLowerCase().includes('internetmessageheaders'))
    out.internetMessageHeaders = f.internetMessageHeaders;
  const expand = (req.query.get('$expand') ?? '').toLowerCase();
  if (expand.split(',').some((e) => e.trim().startsWith('attachments')))
    out.attachments = rec.attachments.map((a) => attachmentJson(a, true));
  void mb;
  return out;
}

export function attachmentJson(a: AttachmentRec, withContent: boolean): Record<string, unknown> {
  // https://learn.microsoft.com/graph/api/resources/itemattachment and .../referenceattachment:
  // neither has contentBytes; an item's content comes with $expand or as MIME from /$value.
  if (a.kind === 'item' || a.kind === 'reference')
    return {
      '@odata.type': `#microsoft.graph.${a.kind}Attachment`,
      id: a.id,
      lastModifiedDateTime: a.lastModifiedDateTime,
      name: a.name,
      contentType: a.kind === 'item' ? null : a.contentType,
      size: a.size,
      isInline: a.isInline,
    };
  return {
    '@odata.type': '#microsoft.graph.fileAttachment',
    '@odata.mediaContentType': a.contentType,
    id: a.id,
    lastModifiedDateTime: a.lastModifiedDateTime,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    isInline: a.isInline,
    contentId: a.contentId ?? null,
    contentLocation: null,
    ...(withContent ? { contentBytes: a.contentBytes } : {}),
  };
}

export function folderJson(f: FolderRec, mb: MailboxRec): Record<string, unknown> {
  const msgs = Object.values(mb.messages).filter((m) => m.folderId === f.id);
  return {
    id: f.id,
    displayName: f.displayName,
    parentFolderId: f.parentFolderId,
    childFolderCount: Object.values(mb.folders).filter((c) => c.parentFolderId === f.id).length,
    unreadItemCount: msgs.filter((m) => !m.fields.isRead).length,
    totalItemCount: msgs.length,
    sizeInBytes: msgs.reduce(
      (n, m) =>
        n + (m.fields.body?.content?.length ?? 0) + m.attachments.reduce((k, a) => k + a.size, 0),
      0,
    ),
    isHidden: f.isHidden,
  };
}
