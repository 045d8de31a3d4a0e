// Delivery: "send this card to this person", by Entra object id, e-mail address or unit (its manager).
// It resolves the person through Graph (preferredLanguage → sv/en), finds or opens their 1:1 chat with
// the bot (the stored conversation; otherwise installs the app for them through Graph and creates the
// conversation through the Bot Connector), posts within Teams' rate limits (backing off on 429), and
// sends the same content by mail through the paced outbox when Teams cannot take it (blocked the bot,
// no Teams, install refused, repeated failures). Each (message key, person) is recorded once in the
// store, whichever channel carried it, so a restart, a second instance or a fallback never sends
// the same thing twice.
import type { Locale } from '../../core/model.js';
import type { Graph } from '../../graph/client.js';
import { findCatalogAppByExternalId } from '../../graph/app-catalog.js';
import { isGraphError } from '../../graph/errors.js';
import { installAppForUser } from '../../graph/teams-apps.js';
import { findUserByMail, getUser } from '../../graph/users.js';
import type { Store } from '../../store/index.js';
import { enqueueMail } from '../outbox/index.js';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  ConnectorError,
  type BotConnector,
  type ConversationTarget,
  type OutboundActivity,
} from './connector.js';
import { TeamsRateLimiter, realLimiterClock, type LimiterClock } from './limits.js';

export type Recipient = { objectId: string } | { email: string } | { unitId: string };

export interface Person {
  /** The key deliveries are recorded under: the Entra object id, or the address for someone with no account. */
  key: string;
  objectId?: string;
  email?: string;
  name?: string;
  locale: Locale;
}

/** Any Adaptive Card factory's output: posted as an attachment, its fallbackText as the summary. */
export interface DeliverableCard {
  fallbackText: string;
}

export interface MailContent {
  subject: string;
  html: string;
}

export interface DeliveryMessage {
  /** What this is ("reminder:2027:submission-1d:unit-42"): recorded once per key and person. */
  key: string;
  to: Recipient;
  /** An Adaptive Card (cards/), in the person's language. */
  card(person: Person): DeliverableCard;
  /** The same content as a mail from the shared mailbox, for people Teams cannot reach. */
  mail(person: Person): MailContent;
}

export type DeliveryOutcome =
  | 'teams'
  | 'mail'
  /** Already delivered earlier (by this or another instance). */
  | 'already'
  /** Another instance is delivering it right now. */
  | 'busy'
  /** Nobody to deliver to (unknown unit, no address), or the mail could not be queued. */
  | 'failed';

export interface DeliveryResult {
  key: string;
  recipient: string;
  outcome: DeliveryOutcome;
  reason?: string;
  activityId?: string;
}

export interface DeliveryLogger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}

export interface DeliveryDeps {
  store: Pick<Store, 'reminderDeliveries' | 'conversations' | 'outbox' | 'units'>;
  graph: Graph;
  connector: BotConnector;
  /** The Bot Connector's base URL for new conversations (the stand-in locally; Teams' global one). */
  serviceUrl: string;
  tenantId?: string;
  /** The shared mailbox: where fallback mail comes from. */
  mailbox: string;
  /** The Teams app's manifest id: its catalog id is looked up by it (externalId). */
  teamsAppExternalId: string;
  logger?: DeliveryLogger;
  limiter?: TeamsRateLimiter;
  clock?: LimiterClock;
  /** Nudge the outbox worker after queuing a mail. */
  wakeOutbox?: () => void;
  /** Attempts per post on 429/5xx before falling back to mail (default 6). */
  maxAttempts?: number;
  /** How long a claim holds before another instance may retake it (default 2 min). */
  leaseMs?: number;
}

export interface Delivery {
  deliver(message: DeliveryMessage): Promise<DeliveryResult>;
  /** Many messages, `concurrency` at a time (Teams' limits still hold across them). */
  deliverAll(messages: readonly DeliveryMessage[], concurrency?: number): Promise<DeliveryResult[]>;
  /** Who a recipient is (for cards built per person elsewhere). */
  resolve(to: Recipient): Promise<Person | undefined>;
  /** Replaces a card delivered earlier in Teams (no-op for mail). */
  update(key: string, recipient: string, card: DeliverableCard): Promise<boolean>;
}

const GLOBAL_RETRY_MS = 1_000;

export function createDelivery(deps: DeliveryDeps): Delivery {
  const clock = deps.clock ?? realLimiterClock;
  const limiter = deps.limiter ?? new TeamsRateLimiter(clock);
  const maxAttempts = deps.maxAttempts ?? 6;
  const leaseMs = deps.leaseMs ?? 120_000;
  const { store } = deps;
  let catalogId: Promise<string | undefined> | undefined;

  const appCatalogId = () => {
    catalogId ??= findCatalogAppByExternalId(deps.graph, deps.teamsAppExternalId).then(
      (app) => app?.id,
      (err: unknown) => {
        catalogId = undefined;
        throw err;
      },
    );
    return catalogId;
  };

  async function resolve(to: Recipient): Promise<Person | undefined> {
    const select = ['id', 'mail', 'userPrincipalName', 'displayName', 'preferredLanguage'];
    let email: string | undefined;
    let name: string | undefined;
    if ('objectId' in to) {
      try {
        const user = await getUser(deps.graph, to.objectId, select);
        return personOf(user) ?? undefined;
      } catch (err) {
        if (isGraphError(err, 'not-found')) return undefined;
        throw err;
      }
    }
    if ('unitId' in to) {
      const unit = await store.units.get(to.unitId);
      if (!unit) return undefined;
      email = unit.managerEmail;
      name = unit.managerName;
    } else email = to.email;
    if (!email) return undefined;
    const user = await findUserByMail(deps.graph, email, select);
    return (
      (user && personOf(user)) ?? {
        key: email.toLowerCase(),
        email: email.toLowerCase(),
        ...(name ? { name } : {}),
        locale: 'sv',
      }
    );
  }

  async function deliver(message: DeliveryMessage): Promise<DeliveryResult> {
    const person = await resolve(message.to);
    const recipient = recipientText(message.to);
    if (!person)
      return { key: message.key, recipient, outcome: 'failed', reason: 'unknown recipient' };
    const record = { reminderId: message.key, recipient: person.key };
    const result = (outcome: DeliveryOutcome, extra: Partial<DeliveryResult> = {}) => ({
      key: message.key,
      recipient: person.key,
      outcome,
      ...extra,
    });

    const before = await store.reminderDeliveries.get(record);
    if (before?.status === 'delivered') return result('already');
    if (!(await store.reminderDeliveries.claim({ ...record, channel: 'teams', leaseMs }))) {
      const now = await store.reminderDeliveries.get(record);
      return result(now?.status === 'delivered' ? 'already' : 'busy');
    }
    if (before?.status === 'claimed' && before.details?.posting === true) {
      // We retook a claim whose holder died while its post was in flight: Teams may well have shown
      // the card. Posting again could show it twice, so the outcome is recorded as uncertain instead.
      await store.reminderDeliveries.markDelivered(record, { ...before.details, uncertain: true });
      deps.logger?.warn({ ...record }, 'delivery interrupted mid-post; not resent');
      return result('already', { reason: 'interrupted while posting' });
    }

    let fallbackReason: string | undefined;
    if (person.objectId) {
      try {
        let target = await conversationFor(person.objectId);
        if (!target) fallbackReason = 'no Teams for this person';
        else {
          const activity = cardActivity(message.card(person));
          let activityId: string;
          try {
            activityId = await post(record, target, activity);
          } catch (err) {
            // A stored chat Teams no longer knows (404): forget it and open the chat again, once.
            if (!(err instanceof ConnectorError) || err.status !== 404) throw err;
            await store.conversations.delete(person.objectId);
            target = await conversationFor(person.objectId);
            if (!target) throw err;
            activityId = await post(record, target, activity);
          }
          await store.reminderDeliveries.markDelivered(
            record,
            { channel: 'teams', conversationId: target.conversationId, activityId },
            'teams',
          );
          return result('teams', { activityId });
        }
      } catch (err) {
        fallbackReason = reasonOf(err);
        deps.logger?.warn(
          { ...record, reason: fallbackReason },
          'Teams delivery failed; mail instead',
        );
      }
    } else fallbackReason = 'no account in the tenant';

    const email = person.email;
    if (!email) {
      await store.reminderDeliveries.markFailed(record, `${fallbackReason}; no e-mail address`);
      return result('failed', { reason: `${fallbackReason}; no e-mail address` });
    }
    try {
      const content = message.mail(person);
      await enqueueMail(store, {
        key: `delivery:${message.key}:${person.key}`,
        purpose: 'reminder',
        message: {
          kind: 'send',
          mailbox: deps.mailbox,
          to: [{ address: email, ...(person.name ? { name: person.name } : {}) }],
          subject: content.subject,
          html: content.html,
          conversationHint: message.key,
        },
      });
      deps.wakeOutbox?.();
      await store.reminderDeliveries.markDelivered(
        record,
        { channel: 'mail', reason: fallbackReason },
        'mail',
      );
      return result('mail', { reason: fallbackReason });
    } catch (err) {
      await store.reminderDeliveries.markFailed(record, reasonOf(err));
      return result('failed', { reason: reasonOf(err) });
    }
  }

  /** The user's personal chat: stored, or opened now (app installed through Graph first). */
  async function conversationFor(objectId: string): Promise<ConversationTarget | undefined> {
    const stored = await store.conversations.get(objectId);
    if (stored) return { serviceUrl: stored.serviceUrl, conversationId: stored.conversationId };
    const appId = await appCatalogId();
    if (!appId)
      throw new Error(`the Teams app ${deps.teamsAppExternalId} is not in the app catalog`);
    try {
      await installAppForUser(deps.graph, objectId, appId);
    } catch (err) {
      // No Teams licence, or an admin policy that blocks the app for this user.
      if (isGraphError(err, 'forbidden') || isGraphError(err, 'not-found')) return undefined;
      throw err;
    }
    // Installing made Teams send the bot a conversationUpdate, which may already have stored the
    // reference; creating the conversation returns the same chat either way.
    const { conversationId } = await retrying(
      () =>
        deps.connector.createPersonalConversation({
          serviceUrl: deps.serviceUrl,
          ...(deps.tenantId ? { tenantId: deps.tenantId } : {}),
          userObjectId: objectId,
        }),
      undefined,
    );
    await store.conversations.upsert({
      aadObjectId: objectId,
      ...(deps.tenantId ? { tenantId: deps.tenantId } : {}),
      conversationId,
      serviceUrl: deps.serviceUrl,
      reference: {
        channelId: 'msteams',
        serviceUrl: deps.serviceUrl,
        conversation: {
          id: conversationId,
          conversationType: 'personal',
          ...(deps.tenantId ? { tenantId: deps.tenantId } : {}),
        },
        user: { id: objectId, aadObjectId: objectId },
      },
    });
    return { serviceUrl: deps.serviceUrl, conversationId };
  }

  async function post(
    record: { reminderId: string; recipient: string },
    target: ConversationTarget,
    activity: OutboundActivity,
  ): Promise<string> {
    return retrying(async () => {
      await limiter.acquire(target.conversationId);
      await store.reminderDeliveries.note(record, {
        posting: true,
        conversationId: target.conversationId,
      });
      const { id } = await deps.connector.postActivity(target, activity);
      return id;
    }, target.conversationId);
  }

  /** Runs `call`, waiting out 429s (Retry-After) and transient failures, up to maxAttempts. */
  async function retrying<T>(
    call: () => Promise<T>,
    conversationId: string | undefined,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        const transient =
          err instanceof ConnectorError &&
          (err.status === 429 || err.status === 0 || err.status >= 500);
        if (!transient || attempt >= maxAttempts) throw err;
        const wait = err.retryAfterMs ?? Math.min(GLOBAL_RETRY_MS * 2 ** (attempt - 1), 30_000);
        if (err.status === 429) limiter.pause(wait, conversationId);
        await clock.sleep(wait);
      }
    }
  }

  return {
    deliver,
    resolve,
    async deliverAll(messages, concurrency = 16) {
      const results: DeliveryResult[] = new Array(messages.length);
      let next = 0;
      const worker = async () => {
        while (next < messages.length) {
          const i = next++;
          try {
            results[i] = await deliver(messages[i]!);
          } catch (err) {
            results[i] = {
              key: messages[i]!.key,
              recipient: recipientText(messages[i]!.to),
              outcome: 'failed',
              reason: reasonOf(err),
            };
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, worker));
      return results;
    },
    async update(key, recipient, card) {
      const done = await store.reminderDeliveries.get({ reminderId: key, recipient });
      const details = done?.details as { conversationId?: string; activityId?: string } | undefined;
      if (done?.status !== 'delivered' || done.channel !== 'teams' || !details?.activityId)
        return false;
      const stored = await store.conversations.get(recipient);
      if (!stored || !details.conversationId) return false;
      const target = { serviceUrl: stored.serviceUrl, conversationId: details.conversationId };
      await retrying(async () => {
        await limiter.acquire(target.conversationId);
        await deps.connector.updateActivity(target, details.activityId!, cardActivity(card));
      }, target.conversationId);
      return true;
    },
  };
}

function personOf(user: {
  id?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  displayName?: string | null;
  preferredLanguage?: string | null;
}): Person | undefined {
  if (!user.id) return undefined;
  const email = user.mail ?? user.userPrincipalName ?? undefined;
  return {
    key: user.id,
    objectId: user.id,
    ...(email ? { email: email.toLowerCase() } : {}),
    ...(user.displayName ? { name: user.displayName } : {}),
    locale: localeOfLanguage(user.preferredLanguage),
  };
}

/** Graph's preferredLanguage ("sv-SE", "en-US"): English for en-*, otherwise Swedish. */
export function localeOfLanguage(language: string | null | undefined): Locale {
  return language && /^en\b/i.test(language) ? 'en' : 'sv';
}

function cardActivity(card: DeliverableCard): OutboundActivity {
  return {
    type: 'message',
    summary: card.fallbackText.split('\n')[0],
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
  };
}

function recipientText(to: Recipient): string {
  return 'objectId' in to
    ? to.objectId
    : 'email' in to
      ? to.email.toLowerCase()
      : `unit:${to.unitId}`;
}

function reasonOf(err: unknown): string {
  if (err instanceof ConnectorError)
    return `Teams answered ${err.status}${err.code ? ` ${err.code}` : ''}: ${err.message}`;
  return String((err as Error)?.message ?? err);
}
