// The document fixtures in test/fixtures/documents/: submissions at and around the character limit,
// with questions or administrative data missing, board protocols, and every bad format. Files are
// generated here (and written by write-fixtures.ts) so tests can also build them in memory; a test
// checks the committed files still equal what this module generates.
import { buildApplication, type ApplicationOptions } from './application-text.js';
import {
  corruptDocx,
  corruptPdf,
  encryptedDocx,
  encryptedPdf,
  legacyDoc,
  odt,
  pages,
} from './bad-documents.js';
import { DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE, makeDocx, makePdf } from './documents.js';
import { ORGANISATIONS } from './organisations.js';
import { SECRETARIES } from './people.js';
import { applicationUnit, protocolParagraphs } from './shared-mailbox.js';
import { buildUnits, type SeedUnit } from './units.js';

export interface DocumentFixture {
  file: string;
  contentType: string;
  /** What intake should make of it. */
  kind: 'submission' | 'board-protocol' | 'unreadable' | 'unsupported-format';
  description: string;
  /** Demo units the document names (ids from the demo tenant). */
  unitIds: string[];
  /** For submissions: characters excluding spaces of the whole text. */
  nonSpaceCharacters?: number;
  answeredQuestions?: number[];
  hasAdministrativeData?: boolean;
  bytes: Buffer;
}

const YEAR = 2026;

/** Every fixture with its bytes and expected facts (the zip bomb is left out: see zipBombDocx()). */
export async function documentFixtures(): Promise<DocumentFixture[]> {
  const units = new Map(buildUnits().map((u) => [u.key, u]));
  const u = (key: string) => units.get(key)!;
  const out: DocumentFixture[] = [];
  const submission = async (
    file: string,
    unit: SeedUnit,
    description: string,
    options: Partial<ApplicationOptions>,
  ) => {
    const app = buildApplication({ unit: applicationUnit(unit), year: YEAR, ...options });
    const pdf = file.endsWith('.pdf');
    out.push({
      file,
      contentType: pdf ? PDF_CONTENT_TYPE : DOCX_CONTENT_TYPE,
      kind: 'submission',
      description,
      unitIds: [unit.id],
      nonSpaceCharacters: app.nonSpaceCharacters,
      answeredQuestions: app.answeredQuestions,
      hasAdministrativeData: !options.omitAdministrativeData,
      bytes: pdf ? await makePdf(app.paragraphs) : await makeDocx(app.paragraphs),
    });
  };
  await submission(
    'submission-complete.docx',
    u('ekorren'),
    'All 24 questions, 40 000 characters',
    {
      targetNonSpaceChars: 40_000,
    },
  );
  await submission(
    'submission-complete.pdf',
    u('solangen'),
    'All 24 questions as PDF, 30 000 characters',
    {
      targetNonSpaceChars: 30_000,
    },
  );
  await submission(
    'submission-at-limit.docx',
    u('kontaktcenter'),
    'Exactly 85 000 characters: allowed',
    {
      targetNonSpaceChars: 85_000,
    },
  );
  await submission(
    'submission-over-limit.docx',
    u('arstaskogen'),
    '85 001 characters: one over the limit',
    {
      targetNonSpaceChars: 85_001,
    },
  );
  await submission(
    'submission-missing-questions.docx',
    u('norradjurgarden'),
    'Questions 19–24 missing',
    {
      questions: Array.from({ length: 18 }, (_, i) => i + 1),
      targetNonSpaceChars: 36_000,
    },
  );
  await submission(
    'submission-no-administrative-data.docx',
    u('tranbar'),
    'No administrative data block; headings are "Fråga N" only',
    { omitAdministrativeData: true, questionHeadings: 'number-only', targetNonSpaceChars: 25_000 },
  );

  const protocol = async (
    file: string,
    orgKey: string,
    date: string,
    paragraph: number,
    keys: string[],
  ) => {
    const org = ORGANISATIONS.find((o) => o.key === orgKey)!;
    const paragraphs = protocolParagraphs(
      org,
      SECRETARIES[orgKey]!,
      YEAR,
      date,
      paragraph,
      keys.map((k) => u(k).name),
    );
    const pdf = file.endsWith('.pdf');
    out.push({
      file,
      contentType: pdf ? PDF_CONTENT_TYPE : DOCX_CONTENT_TYPE,
      kind: 'board-protocol',
      description: `Protocol excerpt from ${org.boardName} listing ${keys.length} unit(s)`,
      unitIds: keys.map((k) => u(k).id),
      bytes: pdf
        ? await makePdf(paragraphs, { title: 'Protokollsutdrag' })
        : await makeDocx(paragraphs),
    });
  };
  await protocol('protocol-sodermalm.pdf', 'sodermalm', `${YEAR}-06-18`, 16, [
    'barnungdom-sodermalm',
    'fyrklovern',
    'nytorget',
  ]);
  await protocol('protocol-bromma.docx', 'bromma', `${YEAR}-06-17`, 8, ['appelgarden', 'ekhagen']);

  const bad = (
    file: string,
    contentType: string,
    kind: DocumentFixture['kind'],
    description: string,
    bytes: Buffer,
  ) => out.push({ file, contentType, kind, description, unitIds: [], bytes });
  bad('corrupt.docx', DOCX_CONTENT_TYPE, 'unreadable', 'Random bytes named .docx', corruptDocx());
  bad(
    'encrypted.docx',
    DOCX_CONTENT_TYPE,
    'unreadable',
    'Password-protected Word file (OLE container)',
    encryptedDocx(),
  );
  bad(
    'corrupt.pdf',
    PDF_CONTENT_TYPE,
    'unreadable',
    'PDF cut off before its cross-reference table',
    corruptPdf(),
  );
  bad(
    'encrypted.pdf',
    PDF_CONTENT_TYPE,
    'unreadable',
    'PDF with an unknown user password',
    encryptedPdf(),
  );
  bad('legacy.doc', 'application/msword', 'unsupported-format', 'Word 97–2003 .doc', legacyDoc());
  bad(
    'submission.odt',
    'application/vnd.oasis.opendocument.text',
    'unsupported-format',
    'OpenDocument text',
    await odt(),
  );
  bad(
    'submission.pages',
    'application/x-iwork-pages-sffpages',
    'unsupported-format',
    'Apple Pages',
    await pages(),
  );
  return out;
}

/** The manifest written beside the files (everything but the bytes, plus the size). */
export function fixtureManifest(fixtures: DocumentFixture[]): string {
  const rows = fixtures.map(({ bytes, ...rest }) => ({ ...rest, size: bytes.length }));
  return JSON.stringify(rows, null, 2) + '\n';
}
