// Documents attached to mails: guarded text extraction and safe display of mail HTML.
export {
  extractDocument,
  precheckAttachment,
  type AttachmentInfo,
  type DocumentResult,
  type ReadableFormat,
} from './extract.js';
export { DEFAULT_DOCUMENT_LIMITS, withLimits, type DocumentLimits } from './limits.js';
export { sanitizeMailHtml } from './html.js';
export { sniffFormat, type SniffedFormat } from './sniff.js';
export { inspectZip, type ZipVerdict } from './zip-guard.js';
