// Deterministic .docx and .pdf files built in code, for the demo mailbox and for intake tests: the same
// input always gives the same bytes, and mammoth / unpdf extract the text that went in.
import JSZip from 'jszip';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

/** A fixed timestamp for zip entries and PDF metadata, so files do not depend on the clock. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

export type DocxParagraph = string | { text: string; style?: 'Title' | 'Heading1' | 'Heading2' };

export interface DocumentMeta {
  title?: string;
  author?: string;
  /** Timestamp written into document metadata (default 2026-01-01T00:00:00Z). */
  date?: Date;
}

export const DOCX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_CONTENT_TYPE = 'application/pdf';

function xmlEscape(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

function runXml(line: string): string {
  // A tab becomes <w:tab/>; spaces are kept as written.
  const pieces: string[] = [];
  line.split('\t').forEach((chunk, tabIndex) => {
    if (tabIndex > 0) pieces.push('<w:tab/>');
    if (chunk) pieces.push(`<w:t xml:space="preserve">${xmlEscape(chunk)}</w:t>`);
  });
  return `<w:r>${pieces.join('')}</w:r>`;
}

function paragraphXml(paragraph: DocxParagraph): string {
  const { text, style } =
    typeof paragraph === 'string' ? { text: paragraph, style: undefined } : paragraph;
  const props = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  // A line break starts a new paragraph: text extractors (mammoth) drop <w:br/> without a separator.
  return text
    .split('\n')
    .map((line) => `<w:p>${props}${runXml(line)}</w:p>`)
    .join('');
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<w:styles xmlns:w="${W_NS}">` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>` +
  `</w:styles>`;

/** Builds a minimal but valid WordprocessingML document with one paragraph per entry. */
export async function makeDocx(
  paragraphs: readonly DocxParagraph[],
  meta: DocumentMeta = {},
): Promise<Buffer> {
  const date = meta.date ?? FIXED_DATE;
  const zip = new JSZip();
  const add = (name: string, content: string) =>
    zip.file(name, content, { date, createFolders: false });
  add(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
      `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `</Types>`,
  );
  add(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `</Relationships>`,
  );
  add(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:title>${xmlEscape(meta.title ?? '')}</dc:title>` +
      `<dc:creator>${xmlEscape(meta.author ?? '')}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${date.toISOString().replace(/\.\d{3}Z$/, 'Z')}</dcterms:created>` +
      `</cp:coreProperties>`,
  );
  add(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      `</Relationships>`,
  );
  add('word/styles.xml', STYLES_XML);
  add(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>` +
      paragraphs.map(paragraphXml).join('') +
      `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>` +
      `</w:body></w:document>`,
  );
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}

export type PdfParagraph = string | { text: string; style?: 'Title' | 'Heading1' | 'Heading2' };

export interface PdfOptions extends DocumentMeta {
  fontSize?: number;
  /** Start a new page before these paragraph indexes (besides automatic page breaks). */
  pageBreaksBefore?: number[];
}

/** Replaces what the standard fonts' WinAnsi encoding cannot show (å ä ö é – are fine) with near equivalents. */
export function toWinAnsi(text: string): string {
  return text
    .replace(/[\u2010\u2011\u2012\u2212]/g, '-')
    .replace(/[\u2248]/g, '~')
    .replace(/\u2265/g, '>=')
    .replace(/\u2264/g, '<=')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(
      /[^\u0020-\u007e\u00a0-\u00ff\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178\n\t]/g,
      '?',
    );
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  // Widths add up glyph by glyph (the standard fonts are not kerned here), so a line's width is kept
  // as a running sum instead of measuring the growing line again for every word.
  const cache = new Map<string, number>();
  const measure = (s: string) => {
    let w = cache.get(s);
    if (w === undefined) cache.set(s, (w = font.widthOfTextAtSize(s, size)));
    return w;
  };
  const space = measure(' ');
  const lines: string[] = [];
  for (const rawLine of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (let word of rawLine.replace(/\t/g, '    ').split(' ')) {
      let wordWidth = measure(word);
      if (line && lineWidth + space + wordWidth > width) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      // A single word wider than the line is cut where it no longer fits.
      while (!line && wordWidth > width && word.length > 1) {
        let cut = word.length - 1;
        while (cut > 1 && measure(word.slice(0, cut)) > width) cut--;
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
        wordWidth = measure(word);
      }
      lineWidth = line ? lineWidth + space + wordWidth : wordWidth;
      line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Builds an A4 PDF with the standard Helvetica fonts: paragraphs are wrapped to the page width and flow
 * onto new pages as needed. Text is limited to WinAnsi (see toWinAnsi).
 */
export async function makePdf(
  paragraphs: readonly PdfParagraph[],
  options: PdfOptions = {},
): Promise<Buffer> {
  const date = options.date ?? FIXED_DATE;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setProducer('Kvalitetsutmärkelsen demo');
  doc.setCreator('Kvalitetsutmärkelsen demo');
  if (options.title) doc.setTitle(toWinAnsi(options.title));
  if (options.author) doc.setAuthor(toWinAnsi(options.author));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const baseSize = options.fontSize ?? 11;
  const [pageWidth, pageHeight] = [595.28, 841.89];
  const margin = 56;
  const breaks = new Set(options.pageBreaksBefore ?? []);

  let page = doc.addPage([pageWidth, pageHeight]);
  let y = pageHeight - margin;
  const newPage = () => {
    page = doc.addPage([pageWidth, pageHeight]);
    y = pageHeight - margin;
  };

  paragraphs.forEach((paragraph, index) => {
    const { text, style } =
      typeof paragraph === 'string' ? { text: paragraph, style: undefined } : paragraph;
    const size =
      style === 'Title'
        ? baseSize + 7
        : style === 'Heading1'
          ? baseSize + 4
          : style === 'Heading2'
            ? baseSize + 2
            : baseSize;
    const font = style ? bold : regular;
    const leading = size * 1.35;
    if (breaks.has(index) && index > 0) newPage();
    for (const line of wrap(toWinAnsi(text), font, size, pageWidth - 2 * margin)) {
      if (y - leading < margin) newPage();
      y -= leading;
      if (line) page.drawText(line, { x: margin, y, size, font });
    }
    y -= size * 0.6;
  });
  const bytes = await doc.save({ useObjectStreams: false });
  return Buffer.from(bytes);
}
