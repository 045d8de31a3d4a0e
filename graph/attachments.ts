// Attachments of a mail: metadata without contents, small ones inline (contentBytes), raw bytes
// through $value, large ones in byte ranges (or streamed when the server ignores Range), a size
// cap that refuses before downloading, and a delta sync of a folder that looks up its mails'
// attachments while it pages (the two overlap inside the mailbox's 4 concurrent slots).
import type { Attachment, FileAttachment } from '@microsoft/microsoft-graph-types';
import { MAX_BATCH_SIZE, batch } from './batch.js';
import {
  buildPath,
  collect,
  userPath,
  type Graph,
  type GraphRequest,
  type Page,
} from './client.js';
import {
  syncFolder,
  type DeltaPage,
  type SyncFolderOptions,
  type SyncFolderResult,
} from './delta.js';
import { errorFromFailure, isGraphError, localError } from './errors.js';
import { MESSAGE_SELECT } from './messages.js';

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
 * the mails of a delta page with hasAttachments. Each batch runs its items one after another and
 * so holds one of the mailbox's slots: `concurrency` batches in flight use `concurrency` slots.
 * Failed items throw their GraphError, unless `skipMissing` (a mail deleted meanwhile is left out).
 */
export async function listAttachmentsForMessages(
  graph: Graph,
  mailbox: string,
  messageIds: string[],
  o: { concurrency?: number; skipMissing?: boolean } = {},
): Promise<Map<string, AttachmentInfo[]>> {
  const results = await batch<Page<Attachment>>(
    graph,
    messageIds.map((id, i) => ({
      id: String(i + 1),
      url: buildPath(attachmentsPath(mailbox, id), { $select: [...ATTACHMENT_META_SELECT] }),
    })),
    { concurrency: o.concurrency ?? 4, sequential: true },
  );
  const out = new Map<string, AttachmentInfo[]>();
  for (let i = 0; i < messageIds.length; i++) {
    const r = results[i]!;
    if (r.error) {
      if (o.skipMissing && isGraphError(r.error, 'not-found')) continue;
      throw r.error;
    }
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

export interface DeltaPageWithAttachments extends DeltaPage {
  /**
   * Attachment metadata by message id for the changed mails with hasAttachments; a mail deleted
   * between the delta page and the lookup is absent (a later delta reports it removed).
   */
  attachments: Map<string, AttachmentInfo[]>;
}

export interface SyncWithAttachmentsOptions extends Omit<SyncFolderOptions, 'onPage' | 'prefetch'> {
  /** The sink, called once per page in page order, when the page's attachments are known. */
  onPage: (page: DeltaPageWithAttachments) => Promise<void> | void;
  /**
   * Requests this sync keeps in flight on the mailbox: while the delta chain runs it holds one and
   * the attachment batches share the rest; then batches use them all. Default 4, Outlook's per-app
   * limit, with the client's per-mailbox limiter (4 by default) as the final gate. Set it lower
   * when other work on the same mailbox must keep slots of its own.
   */
  maxConcurrency?: number;
  /**
   * Pages held while the sink is busy (default 4; one more is being fetched): bounds memory when
   * the sink is slow. Their attachment lookups run meanwhile.
   */
  maxPagesAhead?: number;
}

export interface SyncWithAttachmentsResult extends SyncFolderResult {
  /** $batch requests made for attachment metadata (paging of huge attachment lists not counted). */
  attachmentBatches: number;
  /** Mails whose attachment metadata was looked up. */
  attachmentLookups: number;
}

/**
 * Delta sync of a folder with each changed mail's attachment metadata, pipelined: the $batch
 * lookups (20 mails each, run one item at a time so each batch holds one mailbox slot) of a page
 * run while the next delta page is fetched, never more than `maxConcurrency` requests in flight
 * on the mailbox. The delta pages still reach the sink in order, and a resync works as in
 * syncFolder (the sink must be idempotent by message id).
 */
export async function syncFolderWithAttachments(
  graph: Graph,
  o: SyncWithAttachmentsOptions,
): Promise<SyncWithAttachmentsResult> {
  const limit = Math.max(2, o.maxConcurrency ?? 4);
  const ahead = Math.max(1, o.maxPagesAhead ?? 4);
  const select = o.select ?? MESSAGE_SELECT;
  const { onPage: _sink, maxConcurrency: _mc, maxPagesAhead: _ahead, ...deltaOptions } = o;

  let failure: { error: unknown } | undefined;
  const fail = (error: unknown) => {
    failure ??= { error };
  };

  // Every HTTP request of this sync takes a slot here from the moment it is sent until its response
  // arrives (parsing and bookkeeping happen outside, so a slot never idles while we work). A delta
  // page goes first when it waits: the pages feed the lookups. While a page is in flight the
  // lookups get the other slots. With the default limit and no page in flight or waiting, one
  // lookup more goes through and waits, built, in the client's per-mailbox limiter (all lookups
  // name the same mailbox there, so it caps them at its limit, 4 by default) to go out the moment
  // a response frees a slot. Pages never count on that limiter: their links may name the mailbox
  // differently (an id, not the address). A limit set here is kept here, strictly.
  const lookahead = o.maxConcurrency === undefined ? 1 : 0;
  let active = 0;
  let deltaActive = 0;
  const deltaWaiting: (() => void)[] = [];
  const waiting: (() => void)[] = [];
  const grant = () => {
    while (active < limit && deltaWaiting.length) {
      active++;
      deltaActive++;
      deltaWaiting.shift()!();
    }
    const cap = deltaActive || deltaWaiting.length ? limit : limit + lookahead;
    while (active < cap && waiting.length) {
      active++;
      waiting.shift()!();
    }
  };
  const acquire = async (page: boolean): Promise<() => void> => {
    await new Promise<void>((resolve) => {
      (page ? deltaWaiting : waiting).push(resolve);
      grant();
    });
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active--;
      if (page) deltaActive--;
      grant();
    };
  };
  const gated = (page: boolean): Graph => {
    const g: Graph = {
      ...graph,
      raw: async (req) => {
        const release = await acquire(page);
        try {
          if (failure) throw failure.error; // no new work once the sync has failed
          return await graph.raw(req);
        } finally {
          release();
        }
      },
      json: async <T>(req: GraphRequest): Promise<T> => {
        const res = await g.raw(req);
        if (res.status === 204) return undefined as T;
        const text = await res.text();
        try {
          return (text ? JSON.parse(text) : undefined) as T;
        } catch (e) {
          throw errorFromFailure(e, { method: req.method ?? 'GET', url: req.path });
        }
      },
    };
    return g;
  };
  const slotted = gated(false);

  let attachmentBatches = 0;
  let attachmentLookups = 0;
  const lookUp = async (ids: string[], into: Map<string, AttachmentInfo[]>) => {
    attachmentBatches++;
    attachmentLookups += ids.length;
    const found = await listAttachmentsForMessages(slotted, o.mailbox, ids, {
      concurrency: 1,
      skipMissing: true,
    });
    for (const [id, list] of found) into.set(id, list);
  };

  // Pages reach the sink one after another, in order, each once its lookups are done.
  let tail: Promise<void> = Promise.resolve();
  const deliveries: Promise<void>[] = [];
  const enqueue = async (page: DeltaPage) => {
    const before = deliveries[deliveries.length - ahead];
    if (before) await before;
    if (failure) throw failure.error;
    const attachments = new Map<string, AttachmentInfo[]>();
    const ids = page.changed.filter((m) => m.hasAttachments && m.id).map((m) => m.id!);
    const lookups: Promise<void>[] = [];
    for (let i = 0; i < ids.length; i += MAX_BATCH_SIZE) {
      const chunk = ids.slice(i, i + MAX_BATCH_SIZE);
      lookups.push(lookUp(chunk, attachments));
    }
    const ready = Promise.all(lookups);
    ready.catch(fail);
    tail = tail.then(async () => {
      if (failure) return;
      try {
        await ready;
        await o.onPage({ ...page, attachments });
      } catch (e) {
        fail(e);
      }
    });
    deliveries.push(tail);
  };

  let result: SyncFolderResult;
  try {
    result = await syncFolder(gated(true), {
      ...deltaOptions,
      select: select.includes('hasAttachments') ? select : [...select, 'hasAttachments'],
      prefetch: true,
      onPage: enqueue,
      onResync: async () => {
        // Earlier pages first, so the sink sees the resync after what came before it.
        await tail;
        if (failure) throw failure.error;
        await o.onResync?.();
      },
    });
  } catch (e) {
    fail(e);
  }
  await tail;
  if (failure) throw failure.error;
  return { ...result!, attachmentBatches, attachmentLookups };
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
