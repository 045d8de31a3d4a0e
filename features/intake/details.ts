// A stored mail's `details` read at the boundary: one schema for what intake keeps on a mail (the
// store holds it as JSON, written by this and by earlier versions of the app), the one rule for
// "waiting for a coordinator", and the triage item built in one place. A field that does not fit
// (an older shape, a hand edit) is dropped, never trusted and never a crash.
import { z } from 'zod';
import { MAIL_KINDS, type MailKind, type TriageItem } from '../../core/intake/index.js';
import type { MailDecision, PlannedDetails } from '../../core/intake/plan.js';
import type { MailRecord } from '../../store/index.js';

/** A coordinator's decision on a triaged mail, kept in the mail's details until it is applied. */
export type TriageDecision = MailDecision;

/**
 * What intake stores in a mail's details (the triage list and the tab read it): what the plan decided
 * (core/intake/plan.ts) plus the executor's bookkeeping.
 */
export interface IntakeDetails extends PlannedDetails {
  /** The mail was deleted before it was processed. */
  gone?: boolean;
  /**
   * The effects are done (participation changed, answer queued): what is left is filing. A retry
   * resumes here instead of deciding and acting again.
   */
  acted?: { at: string; categories: string[]; folder: string[] | null };
  /** Filing kept failing after the effects: the mail is done, a person may move it by hand. */
  unfiled?: boolean;
}
const bilingual = z.object({ sv: z.string(), en: z.string() });
const kind = z.enum(MAIL_KINDS as readonly [MailKind, ...MailKind[]]);

/** Each field on its own: one bad field is dropped, the others kept. */
const fields = {
  kind,
  confidence: z.number().min(0).max(1),
  reasons: z.array(bilingual),
  triageReasons: z.array(bilingual),
  askMeetings: z.array(z.object({ id: z.string(), start: z.string() })),
  suggestedMeetingId: z.string(),
  candidates: z.array(z.object({ unitId: z.string(), unitName: z.string(), score: z.number() })),
  suggestedUnitId: z.string(),
  historical: z.boolean(),
  replyQueued: z.boolean(),
  facts: z.array(bilingual),
  decision: z.object({
    kind,
    unitId: z.string().optional(),
    meetingId: z.string().optional(),
    by: z.string(),
    at: z.string(),
  }),
  infoMeeting: z.object({ id: z.string(), certain: z.boolean() }),
  unitId: z.string(),
  year: z.number().int(),
  from: z.string(),
  subject: z.string(),
  preview: z.string(),
  gone: z.boolean(),
  acted: z.object({
    at: z.string(),
    categories: z.array(z.string()),
    folder: z.array(z.string()).nullable(),
  }),
  unfiled: z.boolean(),
} satisfies { [K in keyof IntakeDetails]-?: z.ZodType };

/** The mail's details as intake wrote them; what does not fit the schema is left out. */
export function readDetails(mail: Pick<MailRecord, 'details'>): Partial<IntakeDetails> {
  const raw = mail.details;
  if (!raw || typeof raw !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(fields)) {
    if (!(name in raw)) continue;
    const parsed = (schema as z.ZodType).safeParse((raw as Record<string, unknown>)[name]);
    if (parsed.success) out[name] = parsed.data;
  }
  return out as Partial<IntakeDetails>;
}

/**
 * Waiting for a coordinator: put in triage, or failed with no retry planned (the app gave up and a
 * person decides what the mail is; nothing is lost).
 */
export function awaitingTriage(mail: Pick<MailRecord, 'status' | 'retryAt'>): boolean {
  return mail.status === 'triage' || (mail.status === 'failed' && mail.retryAt === undefined);
}

/**
 * The "which info meeting?" a triaged signup asks, for every surface (card, tab, add-in): the
 * meetings it may mean and the one pre-selected (only when it is one of them; none: the coordinator
 * must choose).
 */
export function meetingChoiceOf(
  d: Partial<IntakeDetails>,
): Pick<TriageItem, 'meetingChoices' | 'suggestedMeetingId'> {
  if (!d.askMeetings?.length) return {};
  const suggested = d.askMeetings.find((m) => m.id === d.suggestedMeetingId);
  return {
    meetingChoices: d.askMeetings,
    ...(suggested ? { suggestedMeetingId: suggested.id } : {}),
  };
}

/** A mail waiting for a coordinator, as the bot's card, the tab and the add-in show it. */
export function triageItemOf(mail: MailRecord): TriageItem {
  const d = readDetails(mail);
  const from = mail.from ?? d.from;
  const subject = mail.subject ?? d.subject;
  return {
    messageId: mail.messageId,
    receivedAt: mail.receivedAt,
    ...(from ? { from } : {}),
    ...(subject ? { subject } : {}),
    ...(d.preview ? { preview: d.preview } : {}),
    suggestedKind: d.kind ?? 'other',
    confidence: d.confidence ?? 0,
    ...(d.suggestedUnitId ? { suggestedUnitId: d.suggestedUnitId } : {}),
    candidates: d.candidates ?? [],
    reasons: d.reasons ?? [],
    triageReasons:
      mail.status === 'failed'
        ? [
            {
              sv: 'Mejlet kunde inte behandlas automatiskt; välj vad det är.',
              en: 'The mail could not be processed automatically; choose what it is.',
            },
          ]
        : (d.triageReasons ?? []),
    ...meetingChoiceOf(d),
    ...(mail.status === 'failed' && mail.error ? { failed: mail.error } : {}),
  };
}
