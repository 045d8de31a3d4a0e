// The seed's public surface in one place: the demo tenant, the mail labels, and the document and
// application-text generators that intake tests reuse.
export {
  COORDINATORS_GROUP,
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  DEMO_DOMAIN,
  DEMO_SHARED_MAILBOX,
  DEMO_TENANT_ID,
  EXAMINERS_GROUP,
  buildDemoTenant,
  buildLabelledDemoTenant,
  buildLabelledDemoTenantFresh,
  type LabelledDemoTenant,
} from './tenant.js';
export type * from './types.js';
export {
  buildMessage,
  textToHtml,
  utc,
  type Addr,
  type LabelledSeedMessage,
  type MailLabel,
  type MailLabelKind,
  type MailSpec,
} from './message.js';
export {
  DOCX_CONTENT_TYPE,
  PDF_CONTENT_TYPE,
  makeDocx,
  makePdf,
  toWinAnsi,
  type DocxParagraph,
  type PdfOptions,
  type PdfParagraph,
} from './documents.js';
export {
  ALL_QUESTIONS,
  QUESTIONS,
  QUESTION_AREAS,
  buildApplication,
  countNonSpace,
  type Application,
  type ApplicationOptions,
  type ApplicationUnit,
} from './application-text.js';
export {
  ZIP_BOMB_UNCOMPRESSED_SIZE,
  badDocuments,
  corruptDocx,
  corruptPdf,
  encryptedDocx,
  encryptedPdf,
  legacyDoc,
  odt,
  pages,
  zipBombDocx,
  type BadDocument,
  type BadDocumentKind,
} from './bad-documents.js';
export { documentFixtures, type DocumentFixture } from './fixtures.js';
export { protocolParagraphs } from './shared-mailbox.js';
export { buildUnits, type SeedUnit } from './units.js';
