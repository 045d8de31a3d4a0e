// Documents intake must refuse without crashing or hanging: a corrupt .docx, an encrypted Office file
// (an OLE/CFB container, as Word writes password-protected .docx), a zip bomb, the old .doc format, an
// .odt, a .pages file, and a corrupt and an encrypted PDF. All built in code, deterministically.
import { crc32, constants, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { prng } from './ids.js';
import { DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE } from './documents.js';

const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

function pseudoRandomBytes(seed: string, length: number): Buffer {
  const random = prng(seed);
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(random.next() * 256);
  return out;
}

/** Bytes that are no zip at all, named .docx. */
export function corruptDocx(): Buffer {
  return pseudoRandomBytes('corrupt-docx', 4096);
}

// --- OLE compound file (CFB) ------------------------------------------------------------------------

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

interface CfbStream {
  name: string;
  data: Buffer;
}

/**
 * A small but well-formed compound file (version 3, 512-byte sectors) holding streams of at least
 * 4096 bytes each (so no mini stream is needed), with one FAT sector and one directory sector.
 */
function compoundFile(streams: CfbStream[]): Buffer {
  const sector = 512;
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / sector) * sector);
    const buf = Buffer.alloc(size);
    s.data.copy(buf);
    return { name: s.name, data: buf, size: Math.max(4096, s.data.length) };
  });
  const dataSectors = padded.reduce((n, s) => n + s.data.length / sector, 0);
  if (dataSectors + 2 > 128) throw new RangeError('compoundFile: too large for one FAT sector');

  const header = Buffer.alloc(sector);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift: 512
  header.writeUInt16LE(6, 32); // mini sector shift: 64
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // first mini FAT sector
  header.writeUInt32LE(0, 64); // mini FAT sectors
  header.writeUInt32LE(ENDOFCHAIN, 68); // first DIFAT sector
  header.writeUInt32LE(0, 72); // DIFAT sectors
  header.writeUInt32LE(0, 76); // DIFAT[0] = sector 0 holds the FAT
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREESECT, 76 + i * 4);

  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);
  let next = 2;
  const starts: number[] = [];
  for (const s of padded) {
    starts.push(next);
    const count = s.data.length / sector;
    for (let i = 0; i < count; i++)
      fat.writeUInt32LE(i === count - 1 ? ENDOFCHAIN : next + i + 1, (next + i) * 4);
    next += count;
  }

  const dir = Buffer.alloc(sector);
  const entry = (
    index: number,
    name: string,
    type: number,
    child: number,
    right: number,
    start: number,
    size: number,
  ) => {
    const at = index * 128;
    const encoded = Buffer.from(name + '\0', 'utf16le');
    encoded.copy(dir, at);
    dir.writeUInt16LE(encoded.length, at + 64);
    dir[at + 66] = type;
    dir[at + 67] = 1; // black
    dir.writeUInt32LE(NOSTREAM, at + 68); // left sibling
    dir.writeUInt32LE(right, at + 72);
    dir.writeUInt32LE(child, at + 76);
    dir.writeUInt32LE(start, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  // Siblings chained to the right in the red-black tree's order (shorter names first).
  const order = padded
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.name.length - b.s.name.length || a.s.name.localeCompare(b.s.name));
  entry(0, 'Root Entry', 5, order.length ? 1 : NOSTREAM, NOSTREAM, ENDOFCHAIN, 0);
  order.forEach(({ s, i }, k) => {
    entry(1 + k, s.name, 2, NOSTREAM, k + 1 < order.length ? 2 + k : NOSTREAM, starts[i]!, s.size);
  });
  for (let k = 1 + order.length; k < 4; k++) {
    dir.writeUInt32LE(NOSTREAM, k * 128 + 68);
    dir.writeUInt32LE(NOSTREAM, k * 128 + 72);
    dir.writeUInt32LE(NOSTREAM, k * 128 + 76);
  }
  return Buffer.concat([header, fat, dir, ...padded.map((s) => s.data)]);
}

/**
 * What Word saves for a password-protected .docx: not a zip but a compound file with the
 * EncryptionInfo (agile encryption, version 4.4) and EncryptedPackage streams.
 */
export function encryptedDocx(): Buffer {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" ' +
    'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="' +
    pseudoRandomBytes('salt', 16).toString('base64') +
    '"/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" ' +
    'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></keyEncryptor>' +
    '</keyEncryptors></encryption>';
  const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(xml, 'utf8')]);
  const packageSize = 8184;
  const pkg = Buffer.concat([Buffer.alloc(8), pseudoRandomBytes('encrypted-package', packageSize)]);
  pkg.writeUInt32LE(packageSize, 0);
  return compoundFile([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: pkg },
  ]);
}

/** A Word 97–2003 .doc: a compound file whose WordDocument stream starts with the FIB magic 0xA5EC. */
export function legacyDoc(): Buffer {
  const word = Buffer.alloc(4096);
  word.writeUInt16LE(0xa5ec, 0); // wIdent
  word.writeUInt16LE(0x00c1, 2); // nFib (Word 97)
  word.writeUInt16LE(0x0409, 6); // lid
  Buffer.from('Kvalitetsutmärkelsen 2026 tävlingsbidrag', 'latin1').copy(word, 0x800);
  const table = pseudoRandomBytes('1table', 4096);
  return compoundFile([
    { name: 'WordDocument', data: word },
    { name: '1Table', data: table },
  ]);
}

// --- zip bomb ------------------------------------------------------------------------------------------

interface ZipEntry {
  name: string;
  /** Raw deflate data. */
  compressed: Buffer;
  crc: number;
  size: number;
}

function deflateEntry(name: string, content: Buffer): ZipEntry {
  return {
    name,
    compressed: deflateRawSync(content),
    crc: crc32(content) >>> 0,
    size: content.length,
  };
}

function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date:
      ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

function writeZip(entries: ZipEntry[]): Buffer {
  const { time, date } = dosDateTime(FIXED_DATE);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Uncompressed size of the zip bomb's word/document.xml: 1 GiB. */
export const ZIP_BOMB_UNCOMPRESSED_SIZE = 1024 * 1024 * 1024;

let zipBombCache: Buffer | undefined;

/**
 * A .docx whose word/document.xml inflates to 1 GiB (an XML prologue followed by spaces) while the file
 * is about 1 MB. Built without allocating the gigabyte: one megabyte of spaces is deflated with a full
 * flush, so its compressed form is byte-aligned and independent of what came before, and is repeated.
 * The CRC is computed over the same repetition. Cached after the first call (about 0.2 s).
 */
export function zipBombDocx(): Buffer {
  if (zipBombCache) return zipBombCache;
  const prologue = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    'utf8',
  );
  const chunkSize = 1024 * 1024;
  const chunks = (ZIP_BOMB_UNCOMPRESSED_SIZE - prologue.length) / chunkSize;
  const tail = ZIP_BOMB_UNCOMPRESSED_SIZE - prologue.length - Math.floor(chunks) * chunkSize;
  const chunk = Buffer.alloc(chunkSize, 0x20);
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const parts: Buffer[] = [deflateRawSync(prologue, flush)];
  const chunkDeflated = deflateRawSync(chunk, flush);
  let crc = crc32(prologue);
  for (let i = 0; i < Math.floor(chunks); i++) {
    parts.push(chunkDeflated);
    crc = crc32(chunk, crc);
  }
  const last = chunk.subarray(0, tail);
  parts.push(deflateRawSync(last, { level: 9 })); // final block
  crc = crc32(last, crc);
  const document: ZipEntry = {
    name: 'word/document.xml',
    compressed: Buffer.concat(parts),
    crc: crc >>> 0,
    size: ZIP_BOMB_UNCOMPRESSED_SIZE,
  };
  zipBombCache = writeZip([
    deflateEntry(
      '[Content_Types].xml',
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    ),
    deflateEntry(
      '_rels/.rels',
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    ),
    document,
  ]);
  return zipBombCache;
}

// --- other formats ---------------------------------------------------------------------------------------

/** An OpenDocument text (.odt) with a little Swedish text. */
export async function odt(): Promise<Buffer> {
  const zip = new JSZip();
  const opts = { date: FIXED_DATE, createFolders: false };
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', {
    ...opts,
    compression: 'STORE',
  });
  zip.file(
    'META-INF/manifest.xml',
    '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
      '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>' +
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    opts,
  );
  zip.file(
    'content.xml',
    '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text>' +
      '<text:h text:outline-level="1">Tävlingsbidrag Kvalitetsutmärkelsen 2026</text:h>' +
      '<text:p>Verksamhetens namn: Förskolan Årstaskogen</text:p></office:text></office:body></office:document-content>',
    opts,
  );
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    mimeType: 'application/vnd.oasis.opendocument.text',
  });
}

/** An Apple Pages document (a zip of Index/*.iwa protobuf archives and a preview). */
export async function pages(): Promise<Buffer> {
  const zip = new JSZip();
  const opts = { date: FIXED_DATE, createFolders: false };
  zip.file('Index/Document.iwa', pseudoRandomBytes('pages-document', 2048), opts);
  zip.file('Index/Metadata.iwa', pseudoRandomBytes('pages-metadata', 512), opts);
  zip.file(
    'Metadata/Properties.plist',
    '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>isMultiPage</key><true/><key>revision</key><string>0::5A6E</string></dict></plist>',
    opts,
  );
  zip.file('Metadata/DocumentIdentifier', '3F1B7A3C-2D4E-4C61-9A0B-5E8F7D6C5B4A', opts);
  zip.file('preview.jpg', Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'), opts);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A PDF cut off halfway: header and a few objects, no cross-reference table or trailer. */
export function corruptPdf(): Buffer {
  return Buffer.concat([
    Buffer.from(
      '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 880 /Filter /FlateDecode >>\nstream\n',
      'latin1',
    ),
    pseudoRandomBytes('corrupt-pdf', 300),
  ]);
}

/** A PDF encrypted with the standard security handler and an unknown user password. */
export function encryptedPdf(): Buffer {
  const hex = (seed: string) => pseudoRandomBytes(seed, 32).toString('hex');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length 64 >>\nstream\n${pseudoRandomBytes('encrypted-pdf-content', 32).toString('hex')}\nendstream`,
    `<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <${hex('pdf-owner')}> /U <${hex('pdf-user')}> >>`,
  ];
  let body = '%PDF-1.6\n';
  const offsets: number[] = [];
  objects.forEach((content, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${content}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  const id = pseudoRandomBytes('pdf-id', 16).toString('hex');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export type BadDocumentKind =
  | 'corrupt-docx'
  | 'encrypted-docx'
  | 'zip-bomb-docx'
  | 'legacy-doc'
  | 'odt'
  | 'pages'
  | 'corrupt-pdf'
  | 'encrypted-pdf';

export interface BadDocument {
  kind: BadDocumentKind;
  name: string;
  contentType: string;
  bytes: Buffer;
}

/** Every bad document, with the file name and content type a mail client would give it. */
export async function badDocuments(): Promise<BadDocument[]> {
  return [
    {
      kind: 'corrupt-docx',
      name: 'Tävlingsbidrag Förskolan Ekorren.docx',
      contentType: DOCX_CONTENT_TYPE,
      bytes: corruptDocx(),
    },
    {
      kind: 'encrypted-docx',
      name: 'Bidrag 2026 (lösenordsskyddat).docx',
      contentType: DOCX_CONTENT_TYPE,
      bytes: encryptedDocx(),
    },
    {
      kind: 'zip-bomb-docx',
      name: 'Kvalitetsutmärkelsen bidrag.docx',
      contentType: DOCX_CONTENT_TYPE,
      bytes: zipBombDocx(),
    },
    {
      kind: 'legacy-doc',
      name: 'Bidrag Kvalitetsutmärkelsen 2026.doc',
      contentType: 'application/msword',
      bytes: legacyDoc(),
    },
    {
      kind: 'odt',
      name: 'Tävlingsbidrag.odt',
      contentType: 'application/vnd.oasis.opendocument.text',
      bytes: await odt(),
    },
    {
      kind: 'pages',
      name: 'Tävlingsbidrag.pages',
      contentType: 'application/x-iwork-pages-sffpages',
      bytes: await pages(),
    },
    {
      kind: 'corrupt-pdf',
      name: 'Bidrag Kvalitetsutmärkelsen.pdf',
      contentType: PDF_CONTENT_TYPE,
      bytes: corruptPdf(),
    },
    {
      kind: 'encrypted-pdf',
      name: 'Bidrag (skyddad).pdf',
      contentType: PDF_CONTENT_TYPE,
      bytes: encryptedPdf(),
    },
  ];
}
