// Seeing mail: per-folder delta on the inbox is the source of truth (on start and every few minutes;
// the deltaLink is kept in the store; 410 → a full resync whose mails are recorded again without
// duplicates), and change notifications are the fast path for one mail. Either way a mail is only
// recorded here (idempotent by its immutable id); processing happens in the worker.
import type { Message } from '@microsoft/microsoft-graph-types';
import { assessMail, type PreparedUnit } from '../../core/intake/index.js';
import type { AttachmentInfo } from '../../graph/index.js';
import type { IntakeContext } from './context.js';
import { INTAKE_MESSAGE_SELECT, mailFacts } from './facts.js';
import { headersMatter } from './snapshots.js';
import { unitIndexFor } from './unit-index.js';

export const INBOX = 'inbox';

export interface SyncResult {
  seen: number;
  recorded: number;
  resynced: boolean;
}

async function record(ctx: IntakeContext, m: Message): Promise<boolean> {
  if (!m.id) return false;
  const from = m.from?.emailAddress?.address ?? m.sender?.emailAddress?.address;
  const { inserted } = await ctx.store.mails.recordSeen({
    mailbox: ctx.mailbox,
    messageId: m.id,
    ...(m.internetMessageId ? { internetMessageId: m.internetMessageId } : {}),
    ...(m.conversationId ? { conversationId: m.conversationId } : {}),
    ...(from ? { from: from.toLowerCase() } : {}),
    ...(m.subject ? { subject: m.subject } : {}),
    receivedAt: m.receivedDateTime ?? ctx.now(),
    ...(m.sentDateTime ? { sentAt: m.sentDateTime } : {}),
  });
  return inserted;
}

/** What the delta pages carry of each mail: all intake reads except the headers (below). */
const DELTA_SELECT = INTAKE_MESSAGE_SELECT.filter((p) => p !== 'internetMessageHeaders');
/** Graph returns internetMessageHeaders only to a $select on the mail itself (snapshots.ts). */
export const HEADERS_SELECT = ['internetMessageHeaders'];
/** How the intake's delta round reads the inbox (the graph-delta benchmark measures the same). */
export const INTAKE_DELTA = {
  select: DELTA_SELECT,
  pageSize: 100,
  // The worker and the outbox share the mailbox's 4 slots: the round keeps to 2 of them.
  maxConcurrency: 2,
} as const;

/**
 * One delta round over the inbox; records every mail not seen before. The pages carry each mail with
 * its body, their attachments' metadata comes in $batch lookups while the next page loads, and the
 * headers of the mails whose handling they can change in $batches too: what processing needs is kept
 * in ctx.snapshots, so a rush costs a few requests per hundred mails instead of two or three per mail.
 */
export async function syncInbox(ctx: IntakeContext): Promise<SyncResult> {
  const deltaLink = await ctx.store.sync.getDeltaLink(ctx.mailbox, INBOX);
  let seen = 0;
  let recorded = 0;
  let units: PreparedUnit[] | undefined;
  const result = await ctx.graph.attachments.syncFolderWithAttachments({
    mailbox: ctx.mailbox,
    folder: INBOX,
    ...(deltaLink ? { deltaLink } : {}),
    ...INTAKE_DELTA,
    onPage: async (page) => {
      // The snapshots go in before the mails are recorded: a worker that claims a mail at once
      // finds what the round read.
      if (ctx.snapshots) {
        const fresh: { m: Message; attachments: AttachmentInfo[] }[] = [];
        for (const m of page.changed)
          if (m.id && !(await ctx.store.mails.get({ mailbox: ctx.mailbox, messageId: m.id })))
            fresh.push({
              m,
              attachments: m.hasAttachments ? (page.attachments.get(m.id) ?? []) : [],
            });
        // Headers where they can change what happens (snapshots.ts), twenty mails to a $batch:
        // judged as processing will judge the mail (a pure assessment, no request).
        units ??= (await unitIndexFor(ctx.store).current()).prepared;
        const prepared = units;
        const wanted = fresh
          .filter((f) => headersMatter(assessMail(mailFacts(f.m, f.attachments), prepared)))
          .map((f) => f.m.id!);
        const headers = wanted.length
          ? await ctx.graph.messageBatches.getMessages(ctx.mailbox, wanted, HEADERS_SELECT)
          : new Map<string, Message>();
        for (const { m, attachments } of fresh) {
          const h = headers.get(m.id!);
          ctx.snapshots.put(
            m.id!,
            h
              ? {
                  message: { ...m, internetMessageHeaders: h.internetMessageHeaders ?? [] },
                  attachments,
                }
              : { message: m, attachments, withoutHeaders: true },
          );
        }
      }
      for (const m of page.changed) {
        seen++;
        if (await record(ctx, m)) recorded++;
      }
    },
    onResync: async () => {
      ctx.logger.warn({ mailbox: ctx.mailbox }, 'delta link expired: full resync of the inbox');
      await ctx.store.sync.clearDeltaLink(ctx.mailbox, INBOX);
    },
  });
  await ctx.store.sync.setDeltaLink(ctx.mailbox, INBOX, result.deltaLink);
  return { seen, recorded, resynced: result.resynced };
}

/**
 * Records the mail a change notification names. Not fetched here (processing reads it anyway): the
 * notification's arrival stands in for the received time until then. A late or repeated
 * notification for a mail already recorded records nothing new.
 */
export async function recordNotified(ctx: IntakeContext, messageId: string): Promise<boolean> {
  const { inserted } = await ctx.store.mails.recordSeen({
    mailbox: ctx.mailbox,
    messageId,
    receivedAt: ctx.now(),
  });
  return inserted;
}
