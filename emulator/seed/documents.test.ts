import mammoth from 'mammoth';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { makeDocx, makePdf, toWinAnsi } from './documents.js';

describe('makeDocx', () => {
  it('writes a .docx whose text mammoth extracts paragraph by paragraph, å ä ö included', async () => {
    const docx = await makeDocx([
      { text: 'Tävlingsbidrag', style: 'Title' },
      'Förskolan Äppelgården – Bromma',
      'Rad ett\nRad två',
      'A & B <C>',
    ]);
    const { value } = await mammoth.extractRawText({ buffer: docx });
    expect(value.trim().split(/\n\n/)).toEqual([
      'Tävlingsbidrag',
      'Förskolan Äppelgården – Bromma',
      'Rad ett',
      'Rad två',
      'A & B <C>',
    ]);
  });

  it('gives the same bytes for the same input', async () => {
    const a = await makeDocx(['Samma text']);
    const b = await makeDocx(['Samma text']);
    expect(a.equals(b)).toBe(true);
  });
});

describe('makePdf', () => {
  it('writes a PDF whose text unpdf extracts, wrapping long paragraphs onto several pages', async () => {
    const long = Array.from(
      { length: 60 },
      (_, i) =>
        `Stycke ${i + 1}: Vi följer upp målen på förskolan varje termin och återkopplar till vårdnadshavarna.`,
    );
    const pdf = await makePdf([
      { text: 'Protokollsutdrag', style: 'Title' },
      'Stadsdelsnämnden beslutar att anmäla följande enheter',
      ...long,
    ]);
    const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(totalPages).toBeGreaterThan(1);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Protokollsutdrag');
    expect(flat).toContain('Stadsdelsnämnden beslutar att anmäla följande enheter');
    expect(flat).toContain(
      'Stycke 60: Vi följer upp målen på förskolan varje termin och återkopplar till vårdnadshavarna.',
    );
  });

  it('gives the same bytes for the same input', async () => {
    expect((await makePdf(['Å ä ö'])).equals(await makePdf(['Å ä ö']))).toBe(true);
  });

  it('replaces characters the standard fonts cannot encode instead of failing', async () => {
    expect(toWinAnsi('≥ 5 medarbetare – ok')).toBe('>= 5 medarbetare – ok');
    const pdf = await makePdf(['Minst ≥ 5 medarbetare 😀']);
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(text).toContain('Minst >= 5 medarbetare');
  });
});
