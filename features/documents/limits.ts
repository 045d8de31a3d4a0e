// How much a document may cost us before we refuse to read it. Checked before any parsing, so a
// 20 MB attachment or a zip bomb is turned away without being unpacked.

export interface DocumentLimits {
  /** Largest attachment we read, in bytes. */
  maxBytes: number;
  /** Largest total unpacked size of a .docx (the sum over its parts), in bytes. */
  maxUncompressedBytes: number;
  /** Largest unpack ratio of one part bigger than `ratioCheckFromBytes` (XML packs ~10×; bombs 1000×). */
  maxCompressionRatio: number;
  ratioCheckFromBytes: number;
  /** Most parts in a .docx. */
  maxEntries: number;
  /** Most pages of a PDF we read text from. */
  maxPdfPages: number;
  /** Most characters of text kept (an application is at most ~85 000 characters plus spaces). */
  maxTextChars: number;
}

export const DEFAULT_DOCUMENT_LIMITS: Readonly<DocumentLimits> = {
  maxBytes: 15 * 1024 * 1024,
  maxUncompressedBytes: 150 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioCheckFromBytes: 1024 * 1024,
  maxEntries: 5_000,
  maxPdfPages: 500,
  maxTextChars: 2_000_000,
};

export function withLimits(overrides: Partial<DocumentLimits> = {}): DocumentLimits {
  return { ...DEFAULT_DOCUMENT_LIMITS, ...overrides };
}
