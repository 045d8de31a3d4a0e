// Mailbox intake rules, pure: what a mail is, which unit it concerns, what a submission contains,
// and what the app answers. The pipeline in features/ feeds these with Graph messages.
export {
  assessMail,
  matchMail,
  KINDS_NEEDING_UNIT,
  type DocumentHints,
  type MailAssessment,
} from './assess.js';
export {
  checkCharacterLimit,
  countCharactersNoSpaces,
  countCharactersWithSpaces,
  type CharacterCheck,
} from './characters.js';
export {
  AUTO_THRESHOLD,
  classifyMail,
  decide,
  type Classification,
  type ClassificationSignals,
  type Decision,
  type Signal,
} from './classify.js';
export {
  extensionOf,
  headerValue,
  isDocumentAttachment,
  MAIL_KIND_LABELS,
  MAIL_KINDS,
  READABLE_EXTENSIONS,
  UNSUPPORTED_DOCUMENT_EXTENSIONS,
  type MailAttachmentFacts,
  type MailFacts,
  type MailHeader,
  type MailKind,
} from './facts.js';
export {
  MATCH_THRESHOLD,
  matchProtocol,
  matchUnit,
  prepareUnits,
  RUNNER_UP_LIMIT,
  unitsMissingFromProtocol,
  type EvidenceKind,
  type MatchableUnit,
  type MatchEvidence,
  type MatchInput,
  type PreparedUnit,
  type ProtocolMatch,
  type ProtocolUnitMatch,
  type UnitCandidate,
  type UnitMatch,
} from './match.js';
export {
  ADMINISTRATIVE_FIELD_LABELS,
  detectAdministrativeData,
  detectQuestions,
  MIN_ANSWER_CHARS,
  QUESTION_AREAS,
  QUESTION_COUNT,
  QUESTION_OPENINGS,
  QUESTION_TEXTS,
  type AdministrativeData,
  type AdministrativeField,
  type QuestionArea,
  type QuestionAreaId,
  type QuestionCoverage,
  type QuestionHeading,
} from './questions.js';
export {
  documentFailureMessage,
  fmtNumber,
  infoMeetingSignupReceipt,
  pickInfoMeeting,
  preRegistrationReceipt,
  submissionReceipt,
  withdrawalReceipt,
  type InfoMeetingReceiptInput,
  type PreRegistrationReceiptInput,
  type Receipt,
  type SubmissionReceiptInput,
  type WithdrawalReceiptInput,
} from './receipts.js';
export { nonDeliveryReport, type NonDeliveryReport } from './non-delivery.js';
export { levenshtein, similarity } from './similarity.js';
export {
  checkSubmission,
  splitPart,
  type DocumentFailureReason,
  type SubmissionCheck,
  type SubmissionDocument,
  type SubmissionProblem,
} from './submission.js';
export {
  collapseBlankLines,
  decodeEntities,
  detectLanguage,
  findEmailAddresses,
  fold,
  htmlToText,
  parseSubject,
  previewOf,
  splitMail,
  words,
  type MailParts,
  type SubjectInfo,
} from './text.js';
export type { TriageItem } from './triage-item.js';
