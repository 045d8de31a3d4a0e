// One mail of the shared mailbox as the Outlook add-in shows it beside the mail: found by its
// internet message id (the id Outlook and Graph share), how the intake classified it and why, the
// units it matched and their state, a submission's character count and answered questions, and the
// receipt (sent or not, resent how often). Resending the receipt queues it under a new outbox key, so
// it goes out once more, and once: the caller says how many resends it saw, and two clicks on the
// same view make one resend.
import { MAIL_KIND_LABELS, type MailKind } from '../../core/intake/index.js';
import type { Bilingual, ParticipationState } from '../../core/model.js';
import { PARTICIPATION_STATE_LABELS } from '../../core/participation.js';
import type { MailRecord } from '../../store/index.js';
import { enqueueMail, MailPriority, type OutboxMessage } from '../outbox/types.js';
import type { IntakeContext } from './context.js';
import { cycleForMail } from './cycle.js';
import { IntakeError } from './errors.js';
import { awaitingTriage, meetingChoiceOf, readDetails } from './details.js';
import { receiptKey } from './replies.js';

export interface MailViewUnit {
  unitId: string;
  name: string;
  /** The unit's participation in the mail's year (none: not taking part). */
  state?: ParticipationState;
  stateLabel?: Bilingual;
  /** Acted on (processed) or only a candidate (triage). */
  matched: 'acted' | 'candidate';
}

export interface MailView {
  messageId: string;
  internetMessageId: string;
  subject?: string;
  from?: string;
  receivedAt: string;
  status: MailRecord['status'];
  year?: number;
  kind: MailKind;
  kindLabel: Bilingual;
  confidence: number;
  reasons: Bilingual[];
  triageReasons: Bilingual[];
  facts: Bilingual[];
  /** Decided by a coordinator (triage), or automatically. */
  decidedBy?: { by: string; at: string };
  waitingForTriage: boolean;
  /** A signup waiting for triage that did not say which info meeting: the meetings it may mean. */
  meetingChoices?: { id: string; start: string }[];
  /** The meeting pre-selected among meetingChoices (none: the coordinator must choose). */
  suggestedMeetingId?: string;
  units: MailViewUnit[];
  submission?: {
    characterCount: number;
    maxCharacters?: number;
    answeredQuestions: number[];
    missingQuestions: number[];
    late: boolean;
    fileNames: string[];
    problems: string[];
  };
  receipt?: {
    status: 'pending' | 'sending' | 'sent' | 'failed';
    sentAt?: string;
    /** Resends queued so far (give this back to resend once more). */
    resends: number;
  };
}

/** The intake's record of the mail with this internet message id in the shared mailbox. */
export async function findByInternetMessageId(
  ctx: Pick<IntakeContext, 'graph' | 'store' | 'mailbox'>,
  internetMessageId: string,
): Promise<MailRecord | undefined> {
  const quoted = internetMessageId.replace(/'/g, "''");
  const [found] = await ctx.graph.messages.listMessages(ctx.mailbox, {
    filter: `internetMessageId eq '${quoted}'`,
    select: ['id', 'internetMessageId'],
    top: 1,
  });
  if (!found?.id) return undefined;
  return ctx.store.mails.get({ mailbox: ctx.mailbox, messageId: found.id });
}

/** The view of one recorded mail. */
export async function mailView(
  ctx: Pick<IntakeContext, 'store' | 'mailbox' | 'cycles'>,
  mail: MailRecord,
): Promise<MailView> {
  const d = readDetails(mail);
  const kind = (d.decision?.kind ?? d.kind ?? mail.classification ?? 'other') as MailKind;
  // A mail still waiting for triage has no year yet: the cycle its kind and time point to.
  const year =
    mail.year ?? d.year ?? cycleForMail(ctx.cycles, kind, mail.sentAt ?? mail.receivedAt)?.year;
  const waitingForTriage = awaitingTriage(mail);

  const unitIds: { unitId: string; matched: MailViewUnit['matched'] }[] = [];
  const acted = mail.unitId ?? d.unitId;
  if (acted) unitIds.push({ unitId: acted, matched: 'acted' });
  else
    for (const c of d.candidates ?? [])
      if (!unitIds.some((u) => u.unitId === c.unitId))
        unitIds.push({ unitId: c.unitId, matched: 'candidate' });
  const units: MailViewUnit[] = [];
  for (const { unitId, matched } of unitIds.slice(0, 5)) {
    const unit = await ctx.store.units.get(unitId);
    const participation = year ? await ctx.store.participations.get(unitId, year) : undefined;
    units.push({
      unitId,
      name: unit?.name ?? unitId,
      matched,
      ...(participation
        ? {
            state: participation.state,
            stateLabel: PARTICIPATION_STATE_LABELS[participation.state],
          }
        : {}),
    });
  }

  const submission = await ctx.store.submissions.getByMessage(ctx.mailbox, mail.messageId);
  const cycle = ctx.cycles.find((c) => c.year === (submission?.year ?? year));
  const receipt = await receiptOf(ctx, mail.messageId);

  return {
    messageId: mail.messageId,
    internetMessageId: mail.internetMessageId ?? '',
    ...((mail.subject ?? d.subject) ? { subject: mail.subject ?? d.subject } : {}),
    ...((mail.from ?? d.from) ? { from: mail.from ?? d.from } : {}),
    receivedAt: mail.receivedAt,
    status: mail.status,
    ...(year ? { year } : {}),
    kind,
    kindLabel: MAIL_KIND_LABELS[kind] ?? MAIL_KIND_LABELS.other,
    confidence: mail.confidence ?? d.confidence ?? 0,
    reasons: d.reasons ?? [],
    triageReasons: waitingForTriage ? (d.triageReasons ?? []) : [],
    facts: d.facts ?? [],
    ...(d.decision ? { decidedBy: { by: d.decision.by, at: d.decision.at } } : {}),
    waitingForTriage,
    ...(waitingForTriage ? meetingChoiceOf(d) : {}),
    units,
    ...(submission
      ? {
          submission: {
            characterCount: submission.characterCount,
            ...(cycle ? { maxCharacters: cycle.rules.maxCharacters } : {}),
            answeredQuestions: submission.answeredQuestions,
            missingQuestions: Array.from({ length: 24 }, (_, i) => i + 1).filter(
              (q) => !submission.answeredQuestions.includes(q),
            ),
            late: submission.late,
            fileNames: submission.fileNames,
            problems: submission.problems,
          },
        }
      : {}),
    ...(receipt ? { receipt } : {}),
  };
}

const resendKey = (mailbox: string, messageId: string, n: number) =>
  `${receiptKey(mailbox, messageId)}:resend:${n}`;

async function receiptOf(
  ctx: Pick<IntakeContext, 'store' | 'mailbox'>,
  messageId: string,
): Promise<MailView['receipt']> {
  const first = await ctx.store.outbox.getByKey(receiptKey(ctx.mailbox, messageId));
  if (!first) return undefined;
  let resends = 0;
  let latest = first;
  for (;;) {
    const next = await ctx.store.outbox.getByKey(resendKey(ctx.mailbox, messageId, resends + 1));
    if (!next) break;
    resends++;
    latest = next;
  }
  return {
    status: latest.status,
    ...(latest.sentAt ? { sentAt: latest.sentAt } : {}),
    resends,
  };
}

/**
 * Queues the mail's receipt once more. `seen` is the number of resends the caller's view showed: the
 * resend is number seen + 1, so the same request twice (a double click, a retried call) queues one.
 */
export async function resendReceipt(
  ctx: Pick<IntakeContext, 'store' | 'mailbox' | 'onMailQueued'>,
  messageId: string,
  seen: number,
): Promise<{ queued: boolean; resends: number }> {
  const first = await ctx.store.outbox.getByKey<OutboxMessage>(receiptKey(ctx.mailbox, messageId));
  if (!first)
    throw new IntakeError('no-receipt', {
      sv: 'Appen har inte skickat något kvitto på det här mejlet.',
      en: 'The app has sent no receipt for this mail.',
    });
  const { inserted } = await enqueueMail(ctx.store, {
    key: resendKey(ctx.mailbox, messageId, seen + 1),
    purpose: 'receipt',
    priority: MailPriority.receipt,
    message: first.payload,
  });
  if (inserted) ctx.onMailQueued?.();
  return { queued: inserted, resends: seen + 1 };
}
