// A submission mail's outcome, pure: its documents checked together with the earlier parts of a split
// submission ("Bidrag del 1 av 2"), the receipt (a short "part received" until every part is in),
// and the version to keep. features/intake/submission.ts reads the earlier versions and writes this one.
import type { Cycle, IsoInstant, Locale } from '../model.js';
import { submissionReceipt, type Receipt } from './receipts.js';
import {
  checkSubmission,
  splitPart,
  type SubmissionCheck,
  type SubmissionDocument,
  type SubmissionProblem,
} from './submission.js';

/** An earlier version of the unit's submission this cycle, as kept (newest first). */
export interface EarlierVersion {
  messageId: string;
  details?: Record<string, unknown>;
}

export interface SubmissionPlanInput {
  messageId: string;
  subject: string;
  unitName: string;
  cycle: Cycle;
  sentAt: IsoInstant;
  language: Locale;
  documents: SubmissionDocument[];
  /** The unit's versions for the cycle, newest first (this mail's own is skipped). */
  earlier: readonly EarlierVersion[];
  /** Sent after the deadline and accepted by a coordinator. */
  lateAccepted?: boolean;
  /** A link to the document in the mail's text, when nothing is attached (the receipt asks for the file). */
  linkedDocument?: string;
}

export interface SubmissionPlan {
  check: SubmissionCheck;
  /** Set while parts of a split submission are still missing. */
  waitingFor?: { part: number; of: number; missing: number[] };
  receipt: Receipt;
  /** At least one document could be read (the application has arrived). */
  readable: boolean;
  replacesEarlier: boolean;
  /** What the version keeps beside the counts (a split's own text, so later parts can merge it). */
  details: Record<string, unknown>;
}

interface PartDetails {
  split?: { part: number; of: number };
  partText?: string;
  partFiles?: string[];
}

export function planSubmission(input: SubmissionPlanInput): SubmissionPlan {
  const { cycle } = input;
  // A link instead of the file is a document the app may not open: the receipt says so and asks
  // for the file, rather than "no file attached".
  const documents: SubmissionDocument[] =
    input.documents.length === 0 && input.linkedDocument
      ? [{ fileName: input.linkedDocument, result: { ok: false, reason: 'link' } }]
      : input.documents;
  const earlier = input.earlier.filter((v) => v.messageId !== input.messageId);
  const split = splitPart(input.subject);
  const ownText = documents
    .filter((d) => d.result.ok)
    .map((d) => (d.result.ok ? d.result.text : ''))
    .join('\n\n');

  let checkDocs: SubmissionDocument[] = documents;
  let waitingFor: SubmissionPlan['waitingFor'];
  if (split) {
    // The newest mail for each part number of this split; this mail is its own part.
    const parts = new Map<number, SubmissionDocument[]>();
    for (const v of [...earlier].reverse()) {
      const d = (v.details ?? {}) as PartDetails;
      if (d.split?.of === split.of && d.partText !== undefined)
        parts.set(d.split.part, [
          { fileName: (d.partFiles ?? []).join(', '), result: { ok: true, text: d.partText } },
        ]);
    }
    parts.set(split.part, documents);
    const missing = Array.from({ length: split.of }, (_, i) => i + 1).filter((n) => !parts.has(n));
    if (missing.length > 0) waitingFor = { ...split, missing };
    checkDocs = [...parts.entries()].sort(([a], [b]) => a - b).flatMap(([, docs]) => docs);
  }

  const check = checkSubmission({ cycle, sentAt: input.sentAt, documents: checkDocs });
  const readable = documents.some((d) => d.result.ok);
  const replacesEarlier = !split && earlier.length > 0 && readable;
  const receipt = waitingFor
    ? partReceipt(input, waitingFor, check.problems)
    : submissionReceipt({
        cycle,
        unitName: input.unitName,
        language: input.language,
        sentAt: input.sentAt,
        characterCount: check.characterCount,
        problems: check.problems,
        fileNames: checkDocs.map((d) => d.fileName),
        replacesEarlier,
        ...(check.duplicates.length > 0 ? { duplicates: check.duplicates } : {}),
        ...(input.lateAccepted ? { lateAccepted: true } : {}),
      });
  return {
    check,
    ...(waitingFor ? { waitingFor } : {}),
    receipt,
    readable,
    replacesEarlier,
    details: {
      administrative: check.administrative,
      problems: check.problems,
      ...(split ? { split, partText: ownText, partFiles: documents.map((d) => d.fileName) } : {}),
      ...(waitingFor ? { waitingFor } : {}),
    },
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** "We have part 1 of 2; the rest is missing": the full receipt follows with the last part. */
function partReceipt(
  input: SubmissionPlanInput,
  waiting: { part: number; of: number; missing: number[] },
  problems: SubmissionProblem[],
): Receipt {
  const year = input.cycle.year;
  const late = problems.some((p) => p.kind === 'late');
  const sv = [
    'Hej!',
    `Vi har tagit emot del ${waiting.part} av ${waiting.of} av tävlingsbidraget från ${input.unitName} till Kvalitetsutmärkelsen ${year}.`,
    `Vi väntar på del ${waiting.missing.join(', ')}. När alla delar har kommit in får ni ett kvitto med antal tecken och eventuella brister.`,
    ...(late ? ['Observera att bidraget kom in efter sista dag.'] : []),
    'Med vänliga hälsningar\nKvalitetsutmärkelsen, Stockholms stad',
  ];
  const en = [
    'Hello,',
    `We have received part ${waiting.part} of ${waiting.of} of the application from ${input.unitName} for the Quality Award ${year}.`,
    `We are waiting for part ${waiting.missing.join(', ')}. Once every part is in you will get a receipt with the character count and any problems.`,
    ...(late ? ['Please note that the application arrived after the deadline.'] : []),
    'Kind regards\nThe Quality Award, City of Stockholm',
  ];
  const [first, second] = input.language === 'en' ? [en, sv] : [sv, en];
  const html = (blocks: string[]) =>
    blocks.map((b) => `<p>${escapeHtml(b).replace(/\n/g, '<br>')}</p>`).join('');
  return {
    subject:
      input.language === 'en'
        ? `Part ${waiting.part} of ${waiting.of} received / Del ${waiting.part} av ${waiting.of} mottagen – Kvalitetsutmärkelsen ${year}`
        : `Del ${waiting.part} av ${waiting.of} mottagen / Part ${waiting.part} of ${waiting.of} received – Kvalitetsutmärkelsen ${year}`,
    text: `${first.join('\n\n')}\n\n${'—'.repeat(20)}\n\n${second.join('\n\n')}\n`,
    html: `<!DOCTYPE html><html><body>${html(first)}<hr>${html(second)}</body></html>`,
  };
}
