// Change-notification subscriptions: create (clientState, expiry ≤ 4,230 minutes for mail),
// renew with PATCH before expiry, delete, list.
import type { Subscription } from '@microsoft/microsoft-graph-types';
import { collect, type Graph } from './client.js';
import { isGraphError } from './errors.js';

/** Graph's maximum lifetime for Outlook message subscriptions. */
export const MAX_MESSAGE_SUBSCRIPTION_MINUTES = 4230;

export interface CreateSubscriptionOptions {
  /** e.g. users/{id}/mailFolders('inbox')/messages */
  resource: string;
  changeType?: string;
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  clientState: string;
  /** Lifetime asked for, capped at 4,230 minutes (default: the cap minus 5 minutes). */
  minutes?: number;
  /** Clock for the expiry instant. */
  now: Date;
}

export function expiryFor(now: Date, minutes = MAX_MESSAGE_SUBSCRIPTION_MINUTES - 5): string {
  const m = Math.max(1, Math.min(minutes, MAX_MESSAGE_SUBSCRIPTION_MINUTES));
  return new Date(now.getTime() + m * 60_000).toISOString();
}

export async function createSubscription(
  graph: Graph,
  o: CreateSubscriptionOptions,
): Promise<Subscription> {
  return graph.json<Subscription>({
    method: 'POST',
    path: '/subscriptions',
    body: {
      changeType: o.changeType ?? 'created',
      notificationUrl: o.notificationUrl,
      ...(o.lifecycleNotificationUrl
        ? { lifecycleNotificationUrl: o.lifecycleNotificationUrl }
        : {}),
      resource: o.resource,
      expirationDateTime: expiryFor(o.now, o.minutes),
      clientState: o.clientState,
    },
  });
}

export async function renewSubscription(
  graph: Graph,
  id: string,
  now: Date,
  minutes?: number,
): Promise<Subscription> {
  return graph.json<Subscription>({
    method: 'PATCH',
    path: `/subscriptions/${encodeURIComponent(id)}`,
    body: { expirationDateTime: expiryFor(now, minutes) },
  });
}

/** Delete; an already deleted subscription counts as done. */
export async function deleteSubscription(graph: Graph, id: string): Promise<void> {
  try {
    await graph.json<void>({ method: 'DELETE', path: `/subscriptions/${encodeURIComponent(id)}` });
  } catch (e) {
    if (!isGraphError(e, 'not-found')) throw e;
  }
}

export async function listSubscriptions(graph: Graph): Promise<Subscription[]> {
  return collect<Subscription>(graph, { path: '/subscriptions' });
}

/** True when the subscription expires within `withinMs` of now: renew it. */
export function needsRenewal(sub: Subscription, now: Date, withinMs = 12 * 60 * 60_000): boolean {
  if (!sub.expirationDateTime) return true;
  return Date.parse(sub.expirationDateTime) - now.getTime() <= withinMs;
}

/** Renew if due; recreate if Graph no longer knows it (404). Returns the live subscription. */
export async function keepSubscriptionAlive(
  graph: Graph,
  sub: Subscription,
  create: Omit<CreateSubscriptionOptions, 'now'>,
  now: Date,
): Promise<Subscription> {
  if (!needsRenewal(sub, now)) return sub;
  try {
    return await renewSubscription(graph, sub.id!, now, create.minutes);
  } catch (e) {
    if (!isGraphError(e, 'not-found')) throw e;
    return createSubscription(graph, { ...create, now });
  }
}
