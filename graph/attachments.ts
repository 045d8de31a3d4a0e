// Attachments of a mail: metadata without contents, small ones inline (contentBytes), raw bytes
// through $value, large ones in byte ranges (or streamed when the server ignores Range), and a
// size cap that refuses before downloading.
import type { Attachment, FileAttachment } from '@microsoft/microsoft-graph-types';
import { batch } from './batch.js';
import { buildPath, collect, userPath, type Graph, type Page } from './client.js';
import { localError } from './errors.js';

/** Graph returns contentBytes inline comfortably below this; above, use $value in ranges. */
export const INLINE_ATTACHMENT_LIMIT = 3 * 1024 * 1024;
export const DEFAULT_RANGE_SIZE = 4 * 1024 * 1024;

export const ATTACHMENT_META_SELECT = [
  'id',
  'name',
  'contentType',
  'size',
  'isInline',
  'lastModifiedDateTime',
] as const;

export interface AttachmentInfo {
  id: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  /** '#microsoft.graph.fileAttachment', itemAttachment or referenceAttachment. */
  kind: string;
}

export function toAttachmentInfo(a: Attachment & { '@odata.type'?: string }): AttachmentInfo {
  return {
    id: a.id ?? '',
    name: a.name ?? '',
    contentType: a.contentType ?? 'application/octet-stream',
    size: a.size ?? 0,
    isInline: a.isInline ?? false,
    kind: a['@odata.type'] ?? '#microsoft.graph.fileAttachment',
  };
}

const attachmentsPath = (mailbox: string, messageId: string) =>
  `${userPath(mailbox)}/messages/${encodeURIComponent(messageId)}/attachments`;

/** Metadata of every attachment, never the contents. */
export async function listAttachments(
  graph: Graph,
  mailbox: string,
  messageId: string,
): Promise<AttachmentInfo[]> {
  const list = await collect<Attachment>(graph, {
    path: attachmentsPath(mailbox, messageId),
    query: { $select: [...ATTACHMENT_META_SELECT] },
  });
  return list.map(toAttachmentInfo);
}

/**
 * Attachment metadata of many mails at once through $batch (20 mails per HTTP request), e.g. for
 * the mails of a delta page with hasAttachments. Failed items throw their GraphError.
 */
export async function listAttachmentsForMessages(
  graph: Graph,
  mailbox: string,
  messageIds: string[],
  o: { concurrency?: number } = {},
): Promise<Map<string, AttachmentInfo[]>> {
  const results = await batch<Page<Attachment>>(
    graph,
    messageIds.map((id, i) => ({
      id: String(i + 1),
      url: buildPath(attachmentsPath(mailbox, id), { $select: [...ATTACHMENT_META_SELECT] }),
    })),
    { concurrency: o.concurrency ?? 4 },
  );
  const out = new Map<string, AttachmentInfo[]>();
  for (let i = 0; i < messageIds.length; i++) {
    const r = results[i]!;
    if (r.error) throw r.error;
    let list = r.body.value ?? [];
    // A mail with very many attachments pages like any collection.
    let next = r.body['@odata.nextLink'];
    while (next) {
      const page: Page<Attachment> = await graph.json<Page<Attachment>>({ path: next });
      list = list.concat(page.value ?? []);
      next = page['@odata.nextLink'];
    }
    out.set(messageIds[i]!, list.map(toAttachmentInfo));
  }
  return out;
}

export async function getAttachmentInfo(
  graph: Graph,
  mailbox: string,
  messageId: string,
  attachmentId: string,
): Promise<AttachmentInfo> {
  const a = await graph.json<Attachment>({
    path: `${attachmentsPath(mailbox, messageId)}/${encodeURIComponent(attachmentId)}`,
    query: { $select: [...ATTACHMENT_META_SELECT] },
  });
  return toAttachmentInfo(a);
}

export interface SizeCap {
  /** Refuse (GraphError 'too-large') anything bigger, before downloading it. */
  maxBytes?: number;
}

function tooLarge(info: { name?: string; size?: number }, maxBytes: number) {
  return localError(
    'too-large',
    `Attachment ${info.name ?? ''} is ${info.size ?? 'over'} bytes, above the ${maxBytes}-byte cap`,
  );
}

/**
 * One file attachment with its contentBytes (base64). For attachments under 3 MB; bigger ones
 * are refused with 'too-large' when the known size says so: use downloadAttachment.
 */
export async function getAttachment(
  graph: Graph,
  mailbox: string,
  messageId: string,
  attachment: string | { id: string; size?: number; name?: string },
): Promise<FileAttachment> {
  const a = typeof attachment === 'string' ? { id: attachment } : attachment;
  if (a.size !== undefined && a.size >= INLINE_ATTACHMENT_LIMIT) {
    throw tooLarge(a, INLINE_ATTACHMENT_LIMIT);
  }
  return graph.json<FileAttachment>({
    path: `${attachmentsPath(mailbox, messageId)}/${encodeURIComponent(a.id)}`,
  });
}

export interface DownloadOptions extends SizeCap {
  /** Bytes per Range request for large attachments (default 4 MB). */
  rangeSize?: number;
  signal?: AbortSignal;
}

/**
 * The raw bytes of an attachment as chunks, without holding it all: one $value request when small,
 * byte ranges when large (a server that ignores Range answers 200 and we stream that body).
 */
export async function* streamAttachment(
  graph: Graph,
  mailbox: string,
  messageId: string,
  attachment: string | { id: string; size?: number; name?: string },
  o: DownloadOptions = {},
): AsyncGenerator<Uint8Array> {
  let info = typeof attachment === 'string' ? { id: attachment } : attachment;
  if (info.size === undefined && o.maxBytes !== undefined) {
    info = await getAttachmentInfo(graph, mailbox, messageId, info.id);
  }
  const size = info.size;
  if (o.maxBytes !== undefined && size !== undefined && size > o.maxBytes) {
    throw tooLarge(info, o.maxBytes);
  }
  const path = `${attachmentsPath(mailbox, messageId)}/${encodeURIComponent(info.id)}/$value`;
  const rangeSize = o.rangeSize ?? DEFAULT_RANGE_SIZE;
  const cap = o.maxBytes ?? Infinity;

  async function* body(res: Response, already: number): AsyncGenerator<Uint8Array> {
    let seen = already;
    if (!res.body) return;
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        seen += value.byteLength;
        if (seen > cap) throw tooLarge({ ...info, size: seen }, cap);
        yield value;
      }
    } finally {
      await reader.cancel().catch(() => undefined);
    }
  }

  if (size === undefined || size <= rangeSize) {
    yield* body(await graph.raw({ path, signal: o.signal }), 0);
    return;
  }
  let offset = 0;
  while (offset < size) {
    const end = Math.min(offset + rangeSize, size) - 1;
    const res = await graph.raw({
      path,
      headers: { Range: `bytes=${offset}-${end}` },
      signal: o.signal,
    });
    if (res.status !== 206) {
      // Range not honoured: this is the whole body, from byte 0.
      if (offset > 0) {
        await res.body?.cancel().catch(() => undefined);
        throw localError('unknown', 'Server stopped honouring Range mid-download');
      }
      yield* body(res, 0);
      return;
    }
    let got = 0;
    for await (const chunk of body(res, offset)) {
      got += chunk.byteLength;
      yield chunk;
    }
    if (got === 0) break;
    offset += got;
  }
}

/** The raw bytes of an attachment in one Buffer (streamed/ranged underneath, cap enforced). */
export async function downloadAttachment(
  graph: Graph,
  mailbox: string,
  messageId: string,
  attachment: string | { id: string; size?: number; name?: string },
  o: DownloadOptions = {},
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const c of streamAttachment(graph, mailbox, messageId, attachment, o)) chunks.push(c);
  return Buffer.concat(chunks);
}
