// A non-delivery report in the shared mailbox: the mail the app sent that bounced is found among the
// outbox's recently sent items (by the subject the report quotes and the recipient it names) and
// marked bounced, and the report goes to triage saying who got nothing and why, so a coordinator
// can reach that person another way. The report itself is never answered (the answer would bounce
// too, or loop with the postmaster).
import type { Bilingual } from '../../core/model.js';
import type { NonDeliveryReport } from '../../core/intake/index.js';
import type { OutboxItem } from '../../store/index.js';
import type { OutboxMessage } from '../outbox/types.js';
import type { IntakeContext } from './context.js';

/** How far back a bounced mail is looked for: Exchange gives up retrying after a day or two. */
const LOOKBACK_MS = 7 * 86_400_000;

export interface BouncedMail {
  item: OutboxItem<OutboxMessage>;
  /** The recipient the report names that the item was sent to. */
  recipient: string;
  /** The unit of the mail the bounced receipt answered, when known. */
  unitId?: string;
}

/** The sent mail the report is about, or undefined when none fits (sent too long ago, by hand). */
export async function findBouncedMail(
  ctx: Pick<IntakeContext, 'store' | 'mailbox'>,
  report: NonDeliveryReport,
  receivedAt: string,
): Promise<BouncedMail | undefined> {
  const since = new Date(new Date(receivedAt).getTime() - LOOKBACK_MS);
  const sent = await ctx.store.outbox.listSentSince<OutboxMessage>(since);
  const named = new Set(report.recipients);
  const wantedSubject = report.originalSubject ? norm(report.originalSubject) : undefined;
  // Newest first: a second receipt to the same person with the same subject is the likelier bounce.
  for (const item of sent) {
    const p = item.payload;
    if (!p || typeof p !== 'object') continue;
    let subject = typeof p.subject === 'string' ? p.subject : undefined;
    // The subject first: it rules out nearly every item without a read of the answered mail.
    if (wantedSubject !== undefined && subject !== undefined && norm(subject) !== wantedSubject)
      continue;
    const to = [...(p.cc ?? []), ...(p.kind === 'send' ? [...p.to, ...(p.bcc ?? [])] : [])].map(
      (a) => a.address.toLowerCase(),
    );
    let unitId: string | undefined;
    if (p.kind === 'reply') {
      // A reply goes to the sender of the mail it answers (Graph's createReply).
      const answered = await ctx.store.mails.get({ mailbox: ctx.mailbox, messageId: p.messageId });
      if (answered?.from) to.push(answered.from.toLowerCase());
      if (subject === undefined && answered?.subject) subject = `RE: ${answered.subject}`;
      unitId = answered?.unitId;
    }
    if (wantedSubject !== undefined && (subject === undefined || norm(subject) !== wantedSubject))
      continue;
    const recipient = to.find((a) => named.has(a));
    if (!recipient && named.size > 0) continue;
    return { item, recipient: recipient ?? to[0] ?? '', ...(unitId ? { unitId } : {}) };
  }
  return undefined;
}

/** What the coordinator reads on the triage item: whose mail did not arrive, and why. */
export function bounceTriageReason(
  report: NonDeliveryReport,
  bounced: BouncedMail | undefined,
): Bilingual {
  const to = bounced?.recipient || report.recipients.join(', ') || '?';
  const why = report.reason ? ` (${report.reason})` : '';
  if (!bounced)
    return {
      sv: `Ett mejl härifrån till ${to} kom inte fram${why}; det skickade mejlet hittades inte bland appens utskick.`,
      en: `A mail from here to ${to} was not delivered${why}; the mail was not found among the app's sent mail.`,
    };
  const receipt = bounced.item.kind === 'receipt' || bounced.item.kind === 'confirmation';
  return receipt
    ? {
        sv: `Kvittot till ${to} kom inte fram${why}. Kontakta avsändaren på annat sätt.`,
        en: `The receipt to ${to} was not delivered${why}. Reach the sender another way.`,
      }
    : {
        sv: `Mejlet till ${to} kom inte fram${why}.`,
        en: `The mail to ${to} was not delivered${why}.`,
      };
}

function norm(subject: string): string {
  return subject.replace(/\s+/g, ' ').trim().toLowerCase();
}
