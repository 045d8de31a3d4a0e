// Seeing mail: per-folder delta on the inbox is the source of truth (on start and every few minutes;
// the deltaLink is kept in the store; 410 → a full resync whose mails are recorded again without
// duplicates), and change notifications are the fast path for one mail. Either way a mail is only
// recorded here (idempotent by its immutable id); processing happens in the worker.
import type { Message } from '@microsoft/microsoft-graph-types';
import type { IntakeContext } from './context.js';

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

/** One delta round over the inbox; records every mail not seen before. */
export async function syncInbox(ctx: IntakeContext): Promise<SyncResult> {
  const deltaLink = await ctx.store.sync.getDeltaLink(ctx.mailbox, INBOX);
  let seen = 0;
  let recorded = 0;
  const result = await ctx.graph.delta.syncFolder({
    mailbox: ctx.mailbox,
    folder: INBOX,
    ...(deltaLink ? { deltaLink } : {}),
    pageSize: 100,
    onPage: async (page) => {
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
