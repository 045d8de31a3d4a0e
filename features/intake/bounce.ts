// A non-delivery report in the shared mailbox: the mail the app sent that bounced is found in the
// outbox and marked bounced, and the report goes to triage saying who got nothing and why, so a
// coordinator can reach that person another way. The report itself is never answered (the answer
// would bounce too, or loop with the postmaster).
//
// The bounced mail is found by the Message-ID the report quotes (core/intake/non-delivery.ts), which
// the outbox keeps for every mail it sends: exact, whatever the subject says. Only a report that
// quotes no Message-ID (another server's report, a stripped copy) is matched by subject and
// recipient among recent sends, which is ambiguous (one receipt subject goes to many units; two
// receipts may go to one address) and fails where Exchange rewrites the subject.
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

type BounceContext = Pick<IntakeContext, 'store' | 'mailbox'>;

/** The sent mail the report is about, or undefined when none fits (sent too long ago, by hand). */
export async function findBouncedMail(
  ctx: BounceContext,
  report: NonDeliveryReport,
  receivedAt: string,
): Promise<BouncedMail | undefined> {
  const named = new Set(report.recipients);
  if (report.originalMessageId) {
    const item = await ctx.store.outbox.findByInternetMessageId<OutboxMessage>(
      report.originalMessageId,
    );
    if (item) {
      const { to, unitId } = await addressees(ctx, item);
      const recipient = to.find((a) => named.has(a)) ?? report.recipients[0] ?? to[0] ?? '';
      return { item, recipient, ...(unitId ? { unitId } : {}) };
    }
  }
  return bySubjectAndRecipient(ctx, report, receivedAt, named);
}

/**
 * The fallback for a report without a Message-ID of ours: the newest recent send whose subject and
 * recipient fit. A send that has a Message-ID on record is skipped when the report quotes a
 * different one (it cannot be that mail); sends recorded before the outbox kept Message-IDs have
 * none and stay candidates.
 */
async function bySubjectAndRecipient(
  ctx: BounceContext,
  report: NonDeliveryReport,
  receivedAt: string,
  named: Set<string>,
): Promise<BouncedMail | undefined> {
  const since = new Date(new Date(receivedAt).getTime() - LOOKBACK_MS);
  const sent = await ctx.store.outbox.listSentSince<OutboxMessage>(since);
  const wantedSubject = report.originalSubject ? norm(report.originalSubject) : undefined;
  // Newest first: a second receipt to the same person with the same subject is the likelier bounce.
  for (const item of sent) {
    const p = item.payload;
    if (!p || typeof p !== 'object') continue;
    if (report.originalMessageId && item.internetMessageId) continue;
    const stated = typeof p.subject === 'string' ? p.subject : undefined;
    // The subject first: it rules out nearly every item without a read of the answered mail.
    if (wantedSubject !== undefined && stated !== undefined && norm(stated) !== wantedSubject)
      continue;
    const { to, subject, unitId } = await addressees(ctx, item);
    if (wantedSubject !== undefined && (subject === undefined || norm(subject) !== wantedSubject))
      continue;
    const recipient = to.find((a) => named.has(a));
    if (!recipient && named.size > 0) continue;
    return { item, recipient: recipient ?? to[0] ?? '', ...(unitId ? { unitId } : {}) };
  }
  return undefined;
}

/** Whom an outbox item went to (lower case), its subject, and the unit of the mail it answered. */
async function addressees(
  ctx: BounceContext,
  item: OutboxItem<OutboxMessage>,
): Promise<{ to: string[]; subject?: string; unitId?: string }> {
  const p = item.payload;
  if (!p || typeof p !== 'object') return { to: [] };
  let subject = typeof p.subject === 'string' ? p.subject : undefined;
  const to = [...(p.cc ?? []), ...(p.kind === 'send' ? [...p.to, ...(p.bcc ?? [])] : [])].map((a) =>
    a.address.toLowerCase(),
  );
  let unitId: string | undefined;
  if (p.kind === 'reply') {
    // A reply goes to the sender of the mail it answers (Graph's createReply).
    const answered = await ctx.store.mails.get({ mailbox: ctx.mailbox, messageId: p.messageId });
    if (answered?.from) to.push(answered.from.toLowerCase());
    if (subject === undefined && answered?.subject) subject = `RE: ${answered.subject}`;
    unitId = answered?.unitId;
  }
  return { to, ...(subject !== undefined ? { subject } : {}), ...(unitId ? { unitId } : {}) };
}

function norm(subject: string): string {
  return subject.replace(/\s+/g, ' ').trim().toLowerCase();
}
