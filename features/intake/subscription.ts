// The Graph subscription on the shared mailbox's inbox: created at start when the app's public URL
// is reachable, renewed well before its expiry (at most 4,230 minutes for mail), recreated when Graph
// removed it or no longer knows it. The store keeps it, with its clientState.
import type { Subscription } from '@microsoft/microsoft-graph-types';
import { isGraphError } from '../../graph/index.js';
import type { IntakeContext } from './context.js';

export interface SubscriptionTarget {
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  clientState: string;
}

/** Renew when less than this is left. */
const RENEW_WITHIN_MS = 24 * 60 * 60_000;

export function inboxResource(mailbox: string): string {
  return `users/${mailbox}/mailFolders('inbox')/messages`;
}

async function save(ctx: IntakeContext, sub: Subscription, target: SubscriptionTarget) {
  await ctx.store.sync.upsertSubscription({
    id: sub.id!,
    resource: sub.resource ?? inboxResource(ctx.mailbox),
    changeType: sub.changeType ?? 'created',
    notificationUrl: target.notificationUrl,
    clientState: target.clientState,
    expiresAt: sub.expirationDateTime ?? ctx.now(),
    details: { mailbox: ctx.mailbox },
  });
}

async function create(ctx: IntakeContext, target: SubscriptionTarget): Promise<Subscription> {
  const sub = await ctx.graph.subscriptions.createSubscription({
    resource: inboxResource(ctx.mailbox),
    changeType: 'created',
    notificationUrl: target.notificationUrl,
    ...(target.lifecycleNotificationUrl
      ? { lifecycleNotificationUrl: target.lifecycleNotificationUrl }
      : {}),
    clientState: target.clientState,
    now: ctx.now(),
  });
  await save(ctx, sub, target);
  ctx.logger.info(
    { subscriptionId: sub.id, expires: sub.expirationDateTime },
    'Graph subscription on the inbox created',
  );
  return sub;
}

/** Ours among the stored subscriptions (this mailbox's inbox), the one at `target`'s URL first. */
async function stored(ctx: IntakeContext, target: SubscriptionTarget) {
  const all = await ctx.store.sync.listSubscriptions();
  const mine = all.filter(
    (s) => s.resource.toLowerCase() === inboxResource(ctx.mailbox).toLowerCase(),
  );
  const here = (s: (typeof mine)[number]) =>
    s.notificationUrl === target.notificationUrl && s.clientState === target.clientState;
  return [...mine.filter(here), ...mine.filter((s) => !here(s))];
}

/** Makes sure one live subscription exists; renews it when it expires within a day. */
export async function ensureSubscription(
  ctx: IntakeContext,
  target: SubscriptionTarget,
): Promise<string> {
  const mine = await stored(ctx, target);
  const first = mine[0];
  const current =
    first &&
    first.notificationUrl === target.notificationUrl &&
    first.clientState === target.clientState
      ? first
      : undefined;
  for (const s of mine.filter((x) => x !== current)) {
    // Leftovers (an older URL or clientState): drop them so notifications are not doubled.
    await ctx.graph.subscriptions.deleteSubscription(s.id).catch(() => undefined);
    await ctx.store.sync.deleteSubscription(s.id);
  }
  if (!current) return (await create(ctx, target)).id!;
  if (Date.parse(current.expiresAt) - ctx.now().getTime() > RENEW_WITHIN_MS) return current.id;
  return renew(ctx, current.id, target);
}

/** PATCHes the expiry forward; a subscription Graph no longer knows is recreated. */
export async function renew(
  ctx: IntakeContext,
  id: string,
  target: SubscriptionTarget,
): Promise<string> {
  try {
    const sub = await ctx.graph.subscriptions.renewSubscription(id, ctx.now());
    await save(ctx, { ...sub, id }, target);
    return id;
  } catch (e) {
    if (!isGraphError(e, 'not-found')) throw e;
    await ctx.store.sync.deleteSubscription(id);
    return (await create(ctx, target)).id!;
  }
}

/** Graph removed the subscription: forget it and create a new one. */
export async function recreate(
  ctx: IntakeContext,
  id: string,
  target: SubscriptionTarget,
): Promise<string> {
  await ctx.store.sync.deleteSubscription(id);
  await ctx.graph.subscriptions.deleteSubscription(id).catch(() => undefined);
  return (await create(ctx, target)).id!;
}
