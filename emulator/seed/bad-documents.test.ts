import mammoth from 'mammoth';
import { extractText } from 'unpdf';
import yauzl from 'yauzl';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  ZIP_BOMB_UNCOMPRESSED_SIZE,
  badDocuments,
  encryptedDocx,
  legacyDoc,
  zipBombDocx,
} from './bad-documents.js';

function entries(
  bytes: Buffer,
): Promise<Array<{ name: string; compressed: number; uncompressed: number; firstBytes?: string }>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: Array<{
        name: string;
        compressed: number;
        uncompressed: number;
        firstBytes?: string;
      }> = [];
      zip.on('entry', (e: yauzl.Entry) => {
        const row = {
          name: e.fileName,
          compressed: e.compressedSize,
          uncompressed: e.uncompressedSize,
        } as (typeof out)[number];
        out.push(row);
        if (e.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2);
          stream.once('data', (chunk: Buffer) => {
            row.firstBytes = chunk.subarray(0, 60).toString('utf8');
            stream.destroy();
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('bad documents', () => {
  it('the zip bomb is about a megabyte on disk but declares a 1 GiB word/document.xml that starts as XML', async () => {
    const bomb = zipBombDocx();
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    const list = await entries(bomb);
    const doc = list.find((e) => e.name === 'word/document.xml')!;
    expect(doc.uncompressed).toBe(ZIP_BOMB_UNCOMPRESSED_SIZE);
    expect(doc.uncompressed / bomb.length).toBeGreaterThan(900);
    expect(doc.firstBytes).toMatch(/^<\?xml version="1.0"/);
  });

  it('the encrypted .docx is an OLE compound file with the encryption streams, which mammoth refuses', async () => {
    const bytes = encryptedDocx();
    expect(bytes.subarray(0, 8).toString('hex')).toBe('d0cf11e0a1b11ae1');
    expect(bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))).toBe(true);
    expect(bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'))).toBe(true);
    await expect(mammoth.extractRawText({ buffer: bytes })).rejects.toThrow();
  });

  it('the .doc is a compound file with a WordDocument stream', () => {
    const bytes = legacyDoc();
    expect(bytes.subarray(0, 8).toString('hex')).toBe('d0cf11e0a1b11ae1');
    expect(bytes.includes(Buffer.from('WordDocument', 'utf16le'))).toBe(true);
  });

  it('every bad document fails extraction with the library that its extension suggests', async () => {
    for (const doc of await badDocuments()) {
      if (doc.kind === 'zip-bomb-docx') continue; // would inflate a gigabyte
      if (doc.name.endsWith('.pdf')) {
        await expect(extractText(new Uint8Array(doc.bytes)), doc.kind).rejects.toThrow();
      } else {
        await expect(mammoth.extractRawText({ buffer: doc.bytes }), doc.kind).rejects.toThrow();
      }
    }
  });

  it('the encrypted PDF asks for a password', async () => {
    const doc = (await badDocuments()).find((d) => d.kind === 'encrypted-pdf')!;
    await expect(extractText(new Uint8Array(doc.bytes))).rejects.toThrow(/password/i);
  });

  it('the .odt and .pages files are real zips of their formats', async () => {
    const docs = await badDocuments();
    const odt = await JSZip.loadAsync(docs.find((d) => d.kind === 'odt')!.bytes);
    expect(await odt.file('mimetype')!.async('string')).toBe(
      'application/vnd.oasis.opendocument.text',
    );
    const pages = await JSZip.loadAsync(docs.find((d) => d.kind === 'pages')!.bytes);
    expect(pages.file('Index/Document.iwa')).not.toBeNull();
  });

  it('is deterministic', async () => {
    const [a, b] = [await badDocuments(), await badDocuments()];
    a.forEach((doc, i) => expect(doc.bytes.equals(b[i]!.bytes), doc.kind).toBe(true));
  });
});
