// Reading a mail's documents: sizes and formats are checked from the attachment list before anything
// is downloaded (a 20 MB file or a .pages file is answered without fetching it), then each readable
// file is downloaded with a byte cap and extracted with the guarded extractor (never throws).
import { isDocumentAttachment, type SubmissionDocument } from '../../core/intake/index.js';
import {
  DEFAULT_DOCUMENT_LIMITS,
  extractDocument,
  precheckAttachment,
  type DocumentResult,
} from '../documents/index.js';
import { isGraphError, type AttachmentInfo } from '../../graph/index.js';
import type { IntakeContext } from './context.js';

export interface ReadDocument extends SubmissionDocument {
  attachmentId: string;
  size: number;
}

const FILE = '#microsoft.graph.fileAttachment';
/** A OneDrive/SharePoint link attached in place of the file: no bytes for the app to read. */
const LINK = '#microsoft.graph.referenceAttachment';

/**
 * The written documents among the attachments (not inline images, not signature logos), files and
 * documents attached as links; a mail forwarded as an attachment (itemAttachment) is not one.
 */
export function documentAttachments(attachments: readonly AttachmentInfo[]): AttachmentInfo[] {
  return attachments.filter(
    (a) =>
      (a.kind === FILE || a.kind === LINK) &&
      isDocumentAttachment({ name: a.name, size: a.size, isInline: a.isInline }),
  );
}

export async function readDocuments(
  ctx: IntakeContext,
  messageId: string,
  attachments: readonly AttachmentInfo[],
): Promise<ReadDocument[]> {
  const limits = ctx.documentLimits ?? DEFAULT_DOCUMENT_LIMITS;
  const out: ReadDocument[] = [];
  // One at a time: memory stays bounded by one document, whatever the mail carries.
  for (const a of documentAttachments(attachments)) {
    if (a.kind === LINK) {
      // Nothing to download: it counts as a document that could not be read, and the receipt
      // asks for the file.
      out.push({
        attachmentId: a.id,
        size: a.size,
        fileName: a.name,
        result: { ok: false, reason: 'link' },
      });
      continue;
    }
    let result: DocumentResult | null = precheckAttachment(
      { name: a.name, size: a.size, contentType: a.contentType },
      limits,
    );
    if (result === null) {
      try {
        const bytes = await ctx.graph.attachments.downloadAttachment(
          ctx.mailbox,
          messageId,
          { id: a.id, size: a.size, name: a.name },
          { maxBytes: limits.maxBytes },
        );
        result = await extractDocument({ name: a.name, bytes, contentType: a.contentType }, limits);
      } catch (e) {
        if (!isGraphError(e, 'too-large')) throw e;
        result = precheckAttachment({ name: a.name, size: limits.maxBytes + 1 }, limits)!;
      }
    }
    out.push({
      attachmentId: a.id,
      size: a.size,
      fileName: a.name,
      result: result.ok
        ? { ok: true, text: result.text }
        : {
            ok: false,
            reason: result.reason,
            ...(result.format ? { format: result.format } : {}),
            ...(result.maxBytes ? { maxBytes: result.maxBytes } : {}),
          },
    });
    if (!result.ok)
      ctx.logger.info(
        { messageId, file: a.name, reason: result.reason, detail: result.detail },
        'document not readable',
      );
  }
  return out;
}
