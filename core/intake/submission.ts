// The checks a submission gets before its receipt is written: character count against the cycle's
// limit, the 24 questions, the administrative data, lateness by the sent time (not when we process
// it), and documents that could not be read. The result lists every problem, in the order the
// receipt explains them.
import { deadlineInstant, isLate } from '../deadlines.js';
import type { Cycle, IsoInstant } from '../model.js';
import { checkCharacterLimit } from './characters.js';
import { sameDocumentText } from './same-document.js';
import {
  detectAdministrativeData,
  detectQuestions,
  type AdministrativeData,
  type AdministrativeField,
  type QuestionCoverage,
} from './questions.js';

/** Why a document could not be read (features/documents produces these). */
export type DocumentFailureReason =
  | 'too-large'
  | 'password-protected'
  | 'unreadable'
  | 'unsupported-format'
  | 'suspicious-archive'
  | 'empty'
  /** A OneDrive/SharePoint link attached in place of the file: nothing the app may read. */
  | 'link';

export type SubmissionProblem =
  | { kind: 'over-limit'; count: number; max: number }
  | { kind: 'questions-missing'; numbers: number[] }
  | { kind: 'administrative-data-missing'; fields: AdministrativeField[] }
  | { kind: 'late'; sentAt: IsoInstant; deadline: IsoInstant }
  | {
      kind: 'document-failed';
      fileName: string;
      reason: DocumentFailureReason;
      format?: string;
      maxBytes?: number;
    }
  | { kind: 'no-document' };

export interface SubmissionDocument {
  fileName: string;
  /** Extracted text, or the reason it could not be extracted. */
  result:
    | { ok: true; text: string }
    | { ok: false; reason: DocumentFailureReason; format?: string; maxBytes?: number };
}

export interface SubmissionCheck {
  /** Characters excluding white space over all readable documents (a submission may come in parts). */
  characterCount: number;
  maxCharacters: number;
  questions: QuestionCoverage;
  administrative: AdministrativeData;
  late: boolean;
  problems: SubmissionProblem[];
  /** The combined text of the readable documents, in attachment order. */
  text: string;
  /** The readable documents whose text was counted (a copy of an earlier one is not). */
  countedFiles: string[];
  /** Documents with the same text as a counted one (attached twice, or as .docx and PDF). */
  duplicates: { fileName: string; sameAs: string }[];
}

/**
 * Checks one submission mail's documents. Several readable documents are read as one application in
 * attachment order (a submission split over files); the caller merges mails of a split submission.
 */
export function checkSubmission(input: {
  cycle: Cycle;
  sentAt: IsoInstant;
  documents: SubmissionDocument[];
}): SubmissionCheck {
  const { cycle, sentAt, documents } = input;
  const problems: SubmissionProblem[] = [];
  const readableAll = documents.filter(
    (d): d is SubmissionDocument & { result: { ok: true; text: string } } => d.result.ok,
  );
  // The same document twice counts once: the first of them in attachment order is the one counted.
  const readable: typeof readableAll = [];
  const duplicates: SubmissionCheck['duplicates'] = [];
  for (const d of readableAll) {
    const same = readable.find((k) => sameDocumentText(k.result.text, d.result.text));
    if (same) duplicates.push({ fileName: d.fileName, sameAs: same.fileName });
    else readable.push(d);
  }
  const text = readable.map((d) => d.result.text).join('\n\n');
  const late = isLate(sentAt, cycle.timeline.submissionDeadline);
  if (late)
    problems.push({
      kind: 'late',
      sentAt,
      deadline: deadlineInstant(cycle.timeline.submissionDeadline),
    });
  for (const d of documents) {
    if (!d.result.ok) {
      const p: SubmissionProblem = {
        kind: 'document-failed',
        fileName: d.fileName,
        reason: d.result.reason,
      };
      if (d.result.format) p.format = d.result.format;
      if (d.result.maxBytes) p.maxBytes = d.result.maxBytes;
      problems.push(p);
    }
  }
  if (documents.length === 0) problems.push({ kind: 'no-document' });
  const chars = checkCharacterLimit(text, cycle.rules.maxCharacters);
  const questions = detectQuestions(text);
  const administrative = detectAdministrativeData(text, questions);
  if (readable.length > 0) {
    if (chars.over) problems.push({ kind: 'over-limit', count: chars.count, max: chars.max });
    if (questions.missing.length > 0)
      problems.push({ kind: 'questions-missing', numbers: questions.missing });
    const important = administrative.missing.filter(
      (f) => f !== 'visitingAddress' && f !== 'postalAddress',
    );
    if (important.length > 0)
      problems.push({ kind: 'administrative-data-missing', fields: important });
  }
  return {
    characterCount: chars.count,
    maxCharacters: chars.max,
    questions,
    administrative,
    late,
    problems,
    text,
    countedFiles: readable.map((d) => d.fileName),
    duplicates,
  };
}

/** "Bidrag del 1 av 2", "part 2 of 3", "(1/2)": which part of a submission split over mails. */
export function splitPart(subject: string): { part: number; of: number } | null {
  const s = subject.toLowerCase();
  const m =
    /\b(?:del|part)\s*(\d{1,2})\s*(?:av|of|\/)\s*(\d{1,2})\b/.exec(s) ??
    /\((\d{1,2})\s*\/\s*(\d{1,2})\)/.exec(s);
  if (!m) return null;
  const part = Number(m[1]);
  const of = Number(m[2]);
  return part >= 1 && of >= 2 && part <= of ? { part, of } : null;
}
