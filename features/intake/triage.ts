// The triage list: mails the app would not act on alone (uncertain kind, unknown or ambiguous sender),
// each with the suggestion and the reasons, and the coordinator's decision that sends the mail through
// the same processing as an automatic one (with the chosen kind and unit).
import {
  KINDS_NEEDING_UNIT,
  MAIL_KINDS,
  type MailKind,
  type TriageItem,
} from '../../core/intake/index.js';
export type { TriageItem };
import { cycleForMail } from '../../core/intake/cycle.js';
import type { IntakeContext } from './context.js';
import { IntakeError } from './errors.js';
import { awaitingTriage, triageItemOf, type TriageDecision } from './details.js';

export async function listTriage(
  ctx: Pick<IntakeContext, 'store' | 'mailbox'>,
  options: { limit?: number } = {},
): Promise<TriageItem[]> {
  // Mails the app gave up on (no retry planned) wait here too: a person decides, nothing is lost.
  // Chosen by the store before the limit, so failures still being retried never crowd them out.
  const mails = await ctx.store.mails.list({
    status: ['triage', 'failed'],
    mailbox: ctx.mailbox,
    awaitingTriage: true,
    limit: options.limit ?? 50,
  });
  return mails.filter(awaitingTriage).map(triageItemOf);
}

export interface TriageResolution {
  messageId: string;
  kind: MailKind;
  unitId?: string;
  /** The info meeting a signup is for (only with kind info-meeting-signup). */
  meetingId?: string;
  /** Who decided (e-mail or AAD object id). */
  by: string;
}

/**
 * Records a coordinator's decision and puts the mail back in the queue. The caller then processes
 * it (the service does at once); the outcome is the same as for an automatic decision.
 */
export async function recordTriageDecision(
  ctx: Pick<IntakeContext, 'store' | 'mailbox' | 'now' | 'cycles'>,
  resolution: TriageResolution,
): Promise<void> {
  const key = { mailbox: ctx.mailbox, messageId: resolution.messageId };
  const mail = await ctx.store.mails.get(key);
  if (!mail)
    throw new IntakeError('mail-not-found', {
      sv: 'Mejlet finns inte (längre) i intaget.',
      en: 'The mail is not (or no longer) in the intake.',
    });
  if (!awaitingTriage(mail))
    throw new IntakeError('not-in-triage', {
      sv: 'Mejlet väntar inte på granskning (någon har redan beslutat).',
      en: 'The mail is not waiting for triage (someone already decided).',
    });
  if (!MAIL_KINDS.includes(resolution.kind))
    throw new IntakeError('unknown-kind', {
      sv: `Okänd typ av mejl: ${resolution.kind}`,
      en: `Unknown kind of mail: ${resolution.kind}`,
    });
  if (KINDS_NEEDING_UNIT.includes(resolution.kind)) {
    if (!resolution.unitId)
      throw new IntakeError('unit-required', {
        sv: 'Välj vilken enhet mejlet gäller.',
        en: 'Choose which unit the mail concerns.',
      });
  }
  if (resolution.unitId && !(await ctx.store.units.get(resolution.unitId)))
    throw new IntakeError('unknown-unit', {
      sv: `Enheten ${resolution.unitId} finns inte.`,
      en: `The unit ${resolution.unitId} does not exist.`,
    });
  if (resolution.meetingId !== undefined) {
    // Only a signup names a meeting, and only one of the mail's own cycle.
    const cycle =
      resolution.kind === 'info-meeting-signup'
        ? cycleForMail(ctx.cycles, resolution.kind, mail.receivedAt)
        : undefined;
    const meetings = cycle?.timeline.infoMeetings.map((m) => m.id) ?? [];
    if (!meetings.includes(resolution.meetingId))
      throw new IntakeError('unknown-meeting', {
        sv:
          resolution.kind === 'info-meeting-signup'
            ? `Informationsmötet ${resolution.meetingId} finns inte i mejlets omgång (välj ${meetings.join(', ') || 'inget'}).`
            : 'Bara en anmälan till informationsmöte kan ange ett möte.',
        en:
          resolution.kind === 'info-meeting-signup'
            ? `The information meeting ${resolution.meetingId} is not in the mail's cycle (choose ${meetings.join(', ') || 'none'}).`
            : 'Only an information meeting signup can name a meeting.',
      });
  }
  const decision: TriageDecision = {
    kind: resolution.kind,
    ...(resolution.unitId ? { unitId: resolution.unitId } : {}),
    ...(resolution.meetingId ? { meetingId: resolution.meetingId } : {}),
    by: resolution.by,
    at: ctx.now().toISOString(),
  };
  const ok = await ctx.store.mails.resolve(key, {
    status: 'received',
    details: { ...(mail.details ?? {}), decision },
  });
  if (!ok)
    throw new IntakeError('not-in-triage', {
      sv: 'Mejlet behandlas redan.',
      en: 'The mail is already being processed.',
    });
}
