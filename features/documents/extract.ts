// Reads the text of an attachment: .docx with mammoth, .pdf with unpdf (pdf.js). Every guard runs
// before a parser sees the bytes: size, real format by magic bytes, password-protection, zip-bomb
// checks. Bad input never throws: it becomes a typed outcome with a message for the sender.
import mammoth from 'mammoth';
import { extensionOf, UNSUPPORTED_DOCUMENT_EXTENSIONS } from '../../core/intake/facts.js';
import { documentFailureMessage } from '../../core/intake/receipts.js';
import type { DocumentFailureReason } from '../../core/intake/submission.js';
import type { Bilingual } from '../../core/model.js';
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './limits.js';
import { sniffFormat } from './sniff.js';
import { inspectZip } from './zip-guard.js';

export type ReadableFormat = 'docx' | 'pdf';

export type DocumentResult =
  | { ok: true; format: ReadableFormat; text: string; pages?: number; warnings: string[] }
  | {
      ok: false;
      reason: DocumentFailureReason;
      /** The format we recognised (for 'unsupported-format': "doc", "odt", "pages", "rtf", ...). */
      format?: string;
      /** The size limit, for 'too-large'. */
      maxBytes?: number;
      /** What to tell the sender. */
      message: Bilingual;
      /** What happened, for logs (never shown to senders). */
      detail: string;
    };

export interface AttachmentInfo {
  name: string;
  size: number;
  contentType?: string;
}

function fail(
  name: string,
  reason: DocumentFailureReason,
  detail: string,
  extra: { format?: string; maxBytes?: number } = {},
): DocumentResult {
  const result: DocumentResult = {
    ok: false,
    reason,
    message: documentFailureMessage(name, reason, extra.format, extra.maxBytes),
    detail,
  };
  if (extra.format) result.format = extra.format;
  if (extra.maxBytes) result.maxBytes = extra.maxBytes;
  return result;
}

/**
 * Decides from the name and size alone (before downloading) whether an attachment can be read.
 * Returns the failure, or null when it is worth downloading.
 */
export function precheckAttachment(
  info: AttachmentInfo,
  limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS,
): DocumentResult | null {
  if (info.size > limits.maxBytes) {
    return fail(info.name, 'too-large', `${info.size} bytes > ${limits.maxBytes}`, {
      maxBytes: limits.maxBytes,
    });
  }
  const ext = extensionOf(info.name);
  if ((UNSUPPORTED_DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) {
    return fail(info.name, 'unsupported-format', `.${ext} by name`, { format: ext });
  }
  return null;
}

/** Extracts the text of a .docx or .pdf attachment, or says why it cannot. Never throws. */
export async function extractDocument(
  input: { name: string; bytes: Uint8Array; contentType?: string },
  limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS,
): Promise<DocumentResult> {
  const { name } = input;
  const bytes = input.bytes;
  try {
    if (bytes.byteLength > limits.maxBytes) {
      return fail(name, 'too-large', `${bytes.byteLength} bytes > ${limits.maxBytes}`, {
        maxBytes: limits.maxBytes,
      });
    }
    if (bytes.byteLength === 0) return fail(name, 'unreadable', 'empty file');
    const ext = extensionOf(name);
    const sniffed = sniffFormat(bytes);
    switch (sniffed) {
      case 'encrypted-office':
        return fail(
          name,
          'password-protected',
          'OLE container with EncryptionInfo/EncryptedPackage',
        );
      case 'ole':
        // A legacy binary Office file (.doc, .xls, .ppt) whatever its name says.
        return fail(name, 'unsupported-format', 'OLE compound file (legacy Office)', {
          format: ext && ext !== 'docx' ? ext : 'doc',
        });
      case 'rtf':
        return fail(name, 'unsupported-format', 'RTF', { format: 'rtf' });
      case 'pdf':
        return await extractPdf(name, bytes, limits);
      case 'zip':
        return await extractZipDocument(name, ext, bytes, limits);
      default:
        if ((UNSUPPORTED_DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) {
          return fail(name, 'unsupported-format', `.${ext}`, { format: ext });
        }
        return fail(name, 'unreadable', `unknown content (extension .${ext || 'none'})`);
    }
  } catch (e) {
    // A parser bug or an unforeseen file: still a clear outcome, never a crash.
    return fail(name, 'unreadable', `unexpected: ${(e as Error)?.message ?? String(e)}`);
  }
}

async function extractZipDocument(
  name: string,
  ext: string,
  bytes: Uint8Array,
  limits: DocumentLimits,
): Promise<DocumentResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const verdict = await inspectZip(buffer, limits);
  if (!verdict.ok) return fail(name, verdict.reason, verdict.detail);
  if (verdict.kind === 'odt')
    return fail(name, 'unsupported-format', 'OpenDocument package', { format: 'odt' });
  if (verdict.kind === 'pages')
    return fail(name, 'unsupported-format', 'Pages package', { format: 'pages' });
  if (verdict.kind !== 'docx') {
    return ext && ext !== 'docx' && ext !== 'zip'
      ? fail(name, 'unsupported-format', `zip package .${ext}`, { format: ext })
      : fail(name, 'unreadable', 'a zip that is not a Word document');
  }
  let raw: { value: string; messages: { type: string; message: string }[] };
  try {
    raw = await mammoth.extractRawText({ buffer });
  } catch (e) {
    return fail(name, 'unreadable', `mammoth: ${(e as Error).message}`);
  }
  const text = normaliseExtracted(raw.value, limits);
  if (!text.replace(/\s+/g, '')) return fail(name, 'empty', 'no text in the document');
  return {
    ok: true,
    format: 'docx',
    text,
    warnings: raw.messages
      .filter((m) => m.type !== 'info')
      .map((m) => m.message)
      .slice(0, 20),
  };
}

interface PdfModule {
  getDocumentProxy: (data: Uint8Array, options?: Record<string, unknown>) => Promise<PdfProxy>;
}
interface PdfProxy {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup(): void }>;
  destroy(): Promise<void>;
}

let unpdf: Promise<PdfModule> | null = null;

async function extractPdf(
  name: string,
  bytes: Uint8Array,
  limits: DocumentLimits,
): Promise<DocumentResult> {
  unpdf ??= import('unpdf') as unknown as Promise<PdfModule>;
  const { getDocumentProxy } = await unpdf;
  let pdf: PdfProxy;
  try {
    // pdf.js may detach the buffer it is given; hand it a copy so the caller's bytes stay usable.
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      verbosity: 0,
      isEvalSupported: false,
      stopAtErrors: false,
    });
  } catch (e) {
    const err = e as { name?: string; message?: string };
    if (err?.name === 'PasswordException' || /password/i.test(err?.message ?? '')) {
      return fail(name, 'password-protected', 'PDF needs a password');
    }
    return fail(
      name,
      'unreadable',
      `pdf.js: ${err?.name ?? ''} ${err?.message ?? String(e)}`.trim(),
    );
  }
  try {
    const pages = Math.min(pdf.numPages, limits.maxPdfPages);
    const parts: string[] = [];
    let length = 0;
    for (let n = 1; n <= pages && length < limits.maxTextChars; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      parts.push(pageText(content.items));
      length += parts[parts.length - 1]?.length ?? 0;
      page.cleanup();
    }
    const text = normaliseExtracted(parts.join('\n\n'), limits);
    if (!text.replace(/\s+/g, ''))
      return fail(name, 'empty', `no text on ${pdf.numPages} page(s) (scanned?)`);
    const warnings =
      pdf.numPages > pages ? [`only the first ${pages} of ${pdf.numPages} pages were read`] : [];
    return { ok: true, format: 'pdf', text, pages: pdf.numPages, warnings };
  } catch (e) {
    return fail(name, 'unreadable', `pdf.js text: ${(e as Error).message}`);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

/** Joins pdf.js text items into lines: an item that ends a line (hasEOL) starts a new one. */
function pageText(items: unknown[]): string {
  let out = '';
  for (const item of items) {
    const it = item as { str?: string; hasEOL?: boolean };
    if (typeof it.str !== 'string') continue;
    out += it.str;
    if (it.hasEOL) out += '\n';
  }
  return out;
}

function normaliseExtracted(text: string, limits: DocumentLimits): string {
  const t = text
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .normalize('NFC');
  return t.length > limits.maxTextChars ? t.slice(0, limits.maxTextChars) : t;
}
