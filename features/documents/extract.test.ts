import { describe, expect, it } from 'vitest';
import {
  applicationParagraphs,
  docx,
  encryptedDocx,
  legacyDoc,
  lyingZip,
  odt,
  pages,
  pdf,
  zipBomb,
  zipWith,
} from '../../test/fixtures/mails/documents.js';
import { countCharactersNoSpaces } from '../../core/intake/characters.js';
import { detectQuestions } from '../../core/intake/questions.js';
import { extractDocument, precheckAttachment } from './extract.js';
import { withLimits } from './limits.js';

describe('extractDocument: readable documents', () => {
  it('reads a .docx and the questions in it', async () => {
    const r = await extractDocument({
      name: 'Bidrag.docx',
      bytes: await docx(applicationParagraphs()),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.format).toBe('docx');
    expect(r.text).toContain('Verksamhetens namn: Förskolan Solrosen');
    expect(detectQuestions(r.text).missing).toEqual([]);
  });

  it('reads a PDF with å/ä/ö over several pages and counts its pages', async () => {
    const lines = applicationParagraphs();
    const r = await extractDocument({ name: 'Bidrag.pdf', bytes: pdf(lines) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.format).toBe('pdf');
    expect(r.pages).toBe(2);
    expect(r.text).toContain('Besöksadress: Västertorpsvägen 12');
    expect(countCharactersNoSpaces(r.text)).toBe(countCharactersNoSpaces(lines.join('')));
  });

  it('trusts the bytes over the name: a PDF named .docx is read as a PDF', async () => {
    const r = await extractDocument({ name: 'Bidrag.docx', bytes: pdf(['Hej Solrosen']) });
    expect(r).toMatchObject({ ok: true, format: 'pdf' });
  });

  it('leaves the caller’s bytes intact', async () => {
    const bytes = pdf(['Hej']);
    await extractDocument({ name: 'a.pdf', bytes });
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('extractDocument: bad documents get a clear outcome, never an exception', () => {
  it('refuses a 20 MB file before parsing it', async () => {
    const r = await extractDocument({
      name: 'Stort bidrag.pdf',
      bytes: new Uint8Array(20 * 1024 * 1024),
    });
    expect(r).toMatchObject({ ok: false, reason: 'too-large', maxBytes: 15 * 1024 * 1024 });
    if (!r.ok) expect(r.message.sv).toContain('15 MB');
  });

  it('honours a configured size cap', async () => {
    const r = await extractDocument(
      { name: 'a.docx', bytes: await docx(['x'.repeat(5_000)]) },
      withLimits({ maxBytes: 500 }),
    );
    expect(r).toMatchObject({ ok: false, reason: 'too-large', maxBytes: 500 });
  });

  it('says a password-protected .docx or PDF is password-protected', async () => {
    expect(await extractDocument({ name: 'Bidrag.docx', bytes: encryptedDocx() })).toMatchObject({
      ok: false,
      reason: 'password-protected',
    });
    const r = await extractDocument({
      name: 'Bidrag.pdf',
      bytes: pdf(['hemligt'], { encrypt: true }),
    });
    expect(r).toMatchObject({ ok: false, reason: 'password-protected' });
    if (!r.ok) expect(r.message.en).toContain('without a password');
  });

  it('says a corrupt .docx or PDF is unreadable', async () => {
    const good = await docx(['hej']);
    expect(await extractDocument({ name: 'a.docx', bytes: good.subarray(0, 200) })).toMatchObject({
      ok: false,
      reason: 'unreadable',
    });
    expect(
      await extractDocument({ name: 'a.pdf', bytes: pdf(['hej']).subarray(0, 100) }),
    ).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(await extractDocument({ name: 'a.docx', bytes: new Uint8Array(0) })).toMatchObject({
      ok: false,
      reason: 'unreadable',
    });
    expect(
      await extractDocument({ name: 'a.pdf', bytes: Buffer.from('<html>not a pdf</html>') }),
    ).toMatchObject({ ok: false, reason: 'unreadable' });
    // A zip that is not a Word document.
    expect(
      await extractDocument({ name: 'a.docx', bytes: await zipWith({ 'hello.txt': 'hej' }) }),
    ).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('turns away a zip bomb by its declared ratio without unpacking it', async () => {
    const bomb = await zipBomb(30);
    expect(bomb.byteLength).toBeLessThan(200_000);
    const r = await extractDocument({ name: 'Bidrag.docx', bytes: bomb });
    expect(r).toMatchObject({ ok: false, reason: 'suspicious-archive' });
    if (!r.ok) expect(r.detail).toMatch(/unpacks \d+×/);
  });

  it('turns away a zip whose headers lie about its sizes', async () => {
    const r = await extractDocument({ name: 'Bidrag.docx', bytes: await lyingZip(20) });
    expect(r).toMatchObject({ ok: false, reason: 'suspicious-archive' });
  });

  it('turns away a zip that declares too much in total or too many parts', async () => {
    const many = await zipWith(
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`word/part${i}.xml`, 'x'])),
    );
    expect(
      await extractDocument({ name: 'a.docx', bytes: many }, withLimits({ maxEntries: 10 })),
    ).toMatchObject({ ok: false, reason: 'suspicious-archive' });
    const big = await docx(['x'.repeat(200_000)]);
    expect(
      await extractDocument(
        { name: 'a.docx', bytes: big },
        withLimits({ maxUncompressedBytes: 50_000 }),
      ),
    ).toMatchObject({
      ok: false,
      reason: 'suspicious-archive',
    });
  });

  it('names .doc, .odt, .pages and .rtf as unsupported formats and asks for .docx or PDF', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['Bidrag.doc', legacyDoc(), 'doc'],
      ['Bidrag.docx', legacyDoc(), 'doc'],
      ['Bidrag.odt', await odt(), 'odt'],
      ['Bidrag.pages', await pages(), 'pages'],
      ['Bidrag.rtf', Buffer.from('{\\rtf1\\ansi Hej}'), 'rtf'],
    ];
    for (const [name, bytes, format] of cases) {
      const r = await extractDocument({ name, bytes });
      expect(r, name).toMatchObject({ ok: false, reason: 'unsupported-format', format });
      if (!r.ok) expect(r.message.sv).toContain('(.docx) eller PDF');
    }
  });

  it('says a document with no text (a scan) is empty', async () => {
    expect(await extractDocument({ name: 'scan.pdf', bytes: pdf([]) })).toMatchObject({
      ok: false,
      reason: 'empty',
    });
    expect(
      await extractDocument({ name: 'tom.docx', bytes: await docx(['', '  ']) }),
    ).toMatchObject({ ok: false, reason: 'empty' });
  });
});

describe('precheckAttachment', () => {
  it('decides from name and size before downloading', () => {
    expect(precheckAttachment({ name: 'Bidrag.pdf', size: 20 * 1024 * 1024 })).toMatchObject({
      ok: false,
      reason: 'too-large',
    });
    expect(precheckAttachment({ name: 'Bidrag.odt', size: 100 })).toMatchObject({
      ok: false,
      reason: 'unsupported-format',
      format: 'odt',
    });
    expect(precheckAttachment({ name: 'Bidrag.docx', size: 100_000 })).toBeNull();
  });
});
