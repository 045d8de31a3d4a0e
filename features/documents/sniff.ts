// Tells what a file really is from its first bytes (and for zips, its parts), not from its name:
// a ".docx" that is an encrypted Office container is password-protected, a ".pdf" that is HTML is
// unreadable, an ".odt" renamed to ".docx" is still OpenDocument.

export type SniffedFormat =
  | 'zip'
  | 'pdf'
  /** OLE compound file holding an encrypted Office document (password-protected .docx/.xlsx). */
  | 'encrypted-office'
  /** OLE compound file holding a legacy Word document (.doc) or another legacy Office file. */
  | 'ole'
  | 'rtf'
  | 'unknown';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

/** Finds `text` encoded as UTF-16LE (how OLE directory entries name their streams). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return 'zip';
  if (startsWith(bytes, OLE)) {
    // Encrypted OOXML (Office "Encrypt with password") is an OLE file with these two streams.
    if (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage'))
      return 'encrypted-office';
    return 'ole';
  }
  // PDF: "%PDF-" within the first 1024 bytes (the spec allows leading junk).
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, 1024),
  ).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('{\\rtf')) return 'rtf';
  return 'unknown';
}
