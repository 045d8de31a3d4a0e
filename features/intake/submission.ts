// A submission mail: the unit's earlier versions read, the outcome planned in core (the documents
// checked — characters without spaces, the 24 questions, the administrative data, lateness by the
// sent time — a split submission's parts merged, the receipt), and this version kept by its mail.
import { planSubmission, type SubmissionPlan } from '../../core/intake/submission-plan.js';
import type { Cycle, Locale } from '../../core/model.js';
import type { IntakeContext } from './context.js';
import type { ReadDocument } from './documents.js';

export interface SubmissionInput {
  messageId: string;
  subject: string;
  unitId: string;
  unitName: string;
  cycle: Cycle;
  sentAt: string;
  receivedAt: string;
  language: Locale;
  documents: ReadDocument[];
  /** Sent after the deadline and accepted by a coordinator (the receipt says so). */
  lateAccepted?: boolean;
  /** The document's link in the mail's text, when nothing is attached. */
  linkedDocument?: string;
}

export type SubmissionOutcome = Omit<SubmissionPlan, 'details'>;

export async function handleSubmission(
  ctx: IntakeContext,
  input: SubmissionInput,
): Promise<SubmissionOutcome> {
  const { cycle, unitId, documents } = input;
  const year = cycle.year;
  const plan = planSubmission({
    messageId: input.messageId,
    subject: input.subject,
    unitName: input.unitName,
    cycle,
    sentAt: input.sentAt,
    language: input.language,
    documents,
    earlier: await ctx.store.submissions.list(unitId, year),
    ...(input.lateAccepted ? { lateAccepted: true } : {}),
    ...(input.linkedDocument ? { linkedDocument: input.linkedDocument } : {}),
  });
  const { check, details, ...outcome } = plan;
  // Keyed by the mail: the same mail again keeps the version recorded the first time.
  await ctx.store.submissions.add({
    unitId,
    year,
    mailbox: ctx.mailbox,
    messageId: input.messageId,
    receivedAt: input.receivedAt,
    sentAt: input.sentAt,
    characterCount: check.characterCount,
    answeredQuestions: check.questions.answered,
    late: check.late,
    fileNames: documents.map((d) => d.fileName),
    problems: check.problems.map((p) => p.kind),
    details,
  });
  return { check, ...outcome };
}
