// Graph change notifications for the inbox, taken as hints, never as the truth: anyone holding the
// clientState can post one. Only notifications of a subscription we keep in the store count; each
// mail id is looked up in Graph and recorded only when the mail is in the inbox (the subscribed
// folder); an id Graph does not know is nothing, and is not asked about again. One request queues a
// bounded number of lookups, one after another; beyond that one delta round finds what is real.
import type { Message } from '@microsoft/microsoft-graph-types';
import { isGraphError } from '../../graph/index.js';
import type { IntakeContext } from './context.js';
import { INTAKE_MESSAGE_SELECT } from './facts.js';
import { workFor, type ChangeNotification } from './webhook.js';

/** Mail ids one notification request may have looked up; more become one delta round. */
export const MAX_LOOKUPS_PER_REQUEST = 50;
/** Lookups waiting over all requests; beyond it notifications become one delta round. */
const MAX_QUEUED_LOOKUPS = 200;
/** Ids Graph said it does not know, kept so a repeated one costs nothing. */
const UNKNOWN_IDS_KEPT = 10_000;

/** What intake reads of a notified mail: where it is, and all that processing needs of it. */
const NOTIFIED_SELECT = [...new Set([...INTAKE_MESSAGE_SELECT, 'parentFolderId'])];

export type NotifiedOutcome = 'recorded' | 'known' | 'not-in-inbox' | 'unknown';

/** What the handler asks of the service. */
export interface NotificationActions {
  /** Runs background work the service tracks (idle(), stop()). */
  background(what: string, work: () => Promise<unknown>): void;
  resync(): Promise<unknown>;
  kick(): Promise<unknown>;
  renew(subscriptionId: string): Promise<unknown>;
  recreate(subscriptionId: string): Promise<unknown>;
  stopped(): boolean;
}

export function createNotificationHandler(
  ctx: IntakeContext,
  actions: NotificationActions,
): (notifications: readonly ChangeNotification[]) => Promise<void> {
  let inbox: Promise<string> | undefined;
  const inboxId = (): Promise<string> => {
    inbox ??= ctx.graph.folders.getFolder(ctx.mailbox, 'inbox').then((f) => f.id ?? '');
    inbox.catch(() => (inbox = undefined));
    return inbox;
  };
  const unknownIds = new Set<string>();
  let queuedLookups = 0;

  return async (notifications) => {
    const subscriptions = new Map<string, boolean>();
    for (const n of notifications) {
      const id = n.subscriptionId;
      if (typeof id === 'string' && !subscriptions.has(id))
        subscriptions.set(id, (await ctx.store.sync.getSubscription(id)) !== undefined);
    }
    const ours = notifications.filter(
      (n) => n.subscriptionId !== undefined && subscriptions.get(n.subscriptionId) === true,
    );
    if (ours.length < notifications.length)
      ctx.logger.warn(
        { count: notifications.length - ours.length },
        'intake: notifications for a subscription we do not keep were ignored',
      );
    const lookups: string[] = [];
    let resync = false;
    for (const w of workFor(ours)) {
      switch (w.kind) {
        case 'mail':
          if (unknownIds.has(w.messageId)) break;
          if (lookups.length >= MAX_LOOKUPS_PER_REQUEST || queuedLookups >= MAX_QUEUED_LOOKUPS)
            resync = true;
          else {
            lookups.push(w.messageId);
            queuedLookups++;
          }
          break;
        case 'renew':
          actions.background('subscription renewal', () => actions.renew(w.subscriptionId));
          break;
        case 'recreate':
          actions.background('subscription recreation', () => actions.recreate(w.subscriptionId));
          break;
        case 'resync':
          resync = true;
          break;
      }
    }
    if (resync) actions.background('resync', () => actions.resync());
    // One request's lookups one after another: a flood of ids never takes every mailbox slot.
    let recorded = false;
    try {
      for (const id of lookups) {
        if (actions.stopped()) break;
        const outcome = await recordNotified(ctx, id, inboxId);
        if (outcome === 'unknown') remember(unknownIds, id);
        if (outcome === 'recorded') recorded = true;
        if (outcome === 'not-in-inbox' || outcome === 'unknown')
          ctx.logger.warn({ messageId: id, outcome }, 'intake: notified mail ignored');
      }
    } finally {
      queuedLookups -= lookups.length;
    }
    if (recorded) await actions.kick();
  };
}

/**
 * Records the mail a change notification names, after asking Graph about it. A late or repeated
 * notification for a mail already recorded records nothing new and costs no Graph call.
 */
export async function recordNotified(
  ctx: IntakeContext,
  messageId: string,
  inboxId: () => Promise<string>,
): Promise<NotifiedOutcome> {
  if (await ctx.store.mails.get({ mailbox: ctx.mailbox, messageId })) return 'known';
  let m: Message;
  try {
    // The whole of what processing reads, kept as the mail's snapshot: one read instead of two.
    m = await ctx.graph.messages.getMessage(ctx.mailbox, messageId, { select: NOTIFIED_SELECT });
  } catch (e) {
    // 404, or 400 for an id that is not even well-formed: Graph does not know it.
    if (isGraphError(e, 'not-found') || isGraphError(e, 'bad-request')) return 'unknown';
    throw e;
  }
  if (m.parentFolderId !== (await inboxId())) return 'not-in-inbox';
  if (ctx.snapshots) {
    const attachments = m.hasAttachments
      ? await ctx.graph.attachments.listAttachments(ctx.mailbox, messageId)
      : [];
    ctx.snapshots.put(messageId, { message: m, attachments });
  }
  const from = m.from?.emailAddress?.address ?? m.sender?.emailAddress?.address;
  const { inserted } = await ctx.store.mails.recordSeen({
    mailbox: ctx.mailbox,
    messageId,
    ...(m.internetMessageId ? { internetMessageId: m.internetMessageId } : {}),
    ...(m.conversationId ? { conversationId: m.conversationId } : {}),
    ...(from ? { from: from.toLowerCase() } : {}),
    ...(m.subject ? { subject: m.subject } : {}),
    receivedAt: m.receivedDateTime ?? ctx.now(),
    ...(m.sentDateTime ? { sentAt: m.sentDateTime } : {}),
  });
  return inserted ? 'recorded' : 'known';
}

function remember(set: Set<string>, id: string): void {
  set.add(id);
  // Oldest out first (a Set keeps insertion order).
  if (set.size > UNKNOWN_IDS_KEPT) set.delete(set.values().next().value!);
}
