// The intake service: one object the server starts and stops. Start: go-live instant, Outlook
// categories, unfinished mails resumed, a delta round, the subscription; then delta every few minutes
// and the subscription kept alive. Notifications are queued and handled after Graph got its 202.

import type { MailRecord } from '../../store/index.js';
import type { IntakeContext } from './context.js';
import { createFiler } from './filing.js';
import { createMailSnapshots } from './snapshots.js';
import { recordCorrection, type MailCorrection } from './correction.js';
import { infoMeetingSignups, type InfoMeetingSignups } from './info-meetings.js';
import { findByInternetMessageId, mailView, resendReceipt, type MailView } from './mail-view.js';
import type { IntakeDetails, ProcessDeps } from './process.js';
import { missingFromProtocol, type MissingFromProtocol } from './protocol.js';
import { ensureClientState, ensureGoLive } from './settings.js';
import { ensureSubscription, recreate, renew, type SubscriptionTarget } from './subscription.js';
import { createNotificationHandler } from './notifications.js';
import { HEADERS_SELECT, syncInbox, type SyncResult } from './sync.js';
import {
  listTriage,
  recordTriageDecision,
  type TriageItem,
  type TriageResolution,
} from './triage.js';
import { clientStateMatches, type ChangeNotification } from './webhook.js';
import { createWorker } from './worker.js';

export interface IntakeServiceOptions {
  /** Where Graph posts notifications (…/api/graph/notifications); absent: delta polling only. */
  notificationUrl?: string;
  lifecycleNotificationUrl?: string;
  /** GRAPH_WEBHOOK_CLIENT_STATE; absent: one is generated once and kept in the store. */
  clientState?: string;
  /** Delta round interval (default 5 minutes). */
  deltaIntervalMs?: number;
  /** Subscription check interval (default 1 hour). */
  renewIntervalMs?: number;
  /** Mails processed at once (default 6; Graph requests stay within the mailbox's 4 slots). */
  concurrency?: number;
  /** A mail went to triage (notify coordinators); awaited by idle(), failures only logged. */
  onTriage?: (mail: MailRecord, details: IntakeDetails) => void | Promise<void>;
}

export interface IntakeService {
  /** Runs the start-up sequence; resolves when the first delta round is recorded (processing continues). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The clientState notifications must carry (after start). */
  clientState(): string;
  /** True when a notification carries our clientState. */
  acceptsClientState(value: unknown): boolean;
  /** Queues accepted notifications; returns at once (Graph wants its answer within 3 s). */
  handleNotifications(notifications: readonly ChangeNotification[]): void;
  /** One delta round now, then processing of everything pending. */
  syncNow(): Promise<SyncResult>;
  /** Resolves when nothing is queued or being processed (tests, shutdown). */
  idle(): Promise<void>;
  listTriage(options?: { limit?: number }): Promise<TriageItem[]>;
  /** Applies a coordinator's decision: the mail is processed at once as if decided automatically. */
  resolveTriage(resolution: TriageResolution): Promise<MailRecord | undefined>;
  /**
   * Corrects a mail decided automatically: its participation changes undone (recorded with who),
   * then processed again with the coordinator's kind and unit.
   */
  correctMail(correction: MailCorrection): Promise<MailRecord | undefined>;
  missingFromProtocol(year: number): Promise<MissingFromProtocol[]>;
  /** The recorded info-meeting signups of a cycle, per meeting (an unknown year: empty). */
  infoMeetingSignups(year: number): Promise<InfoMeetingSignups[]>;
  /** The shared mailbox's mail with this internet message id as the intake saw it (the add-in). */
  mailView(internetMessageId: string): Promise<MailView | undefined>;
  /** Queues a mail's receipt once more (`seen`: resends the caller saw; the same `seen` twice is one). */
  resendReceipt(messageId: string, seen: number): Promise<{ queued: boolean; resends: number }>;
}

export function createIntakeService(
  given: IntakeContext,
  options: IntakeServiceOptions = {},
): IntakeService {
  // The mails the delta round read, kept for the worker (processing reads nothing again).
  const ctx: IntakeContext = {
    ...given,
    snapshots:
      given.snapshots ??
      createMailSnapshots((ids) =>
        given.graph.messageBatches.getMessages(given.mailbox, ids, HEADERS_SELECT),
      ),
  };
  const filer = createFiler(ctx);
  let goLive: Date | undefined;
  let clientState = options.clientState ?? '';
  const timers: NodeJS.Timeout[] = [];
  const inflight = new Set<Promise<unknown>>();
  let stopped = false;

  const deps = async (): Promise<ProcessDeps> => {
    goLive ??= await ensureGoLive(ctx, ctx.now());
    const onTriage = options.onTriage;
    return {
      filer,
      goLive,
      ...(onTriage
        ? {
            onTriage: (mail: MailRecord, details: IntakeDetails) =>
              safely('triage notification', async () => onTriage(mail, details)),
          }
        : {}),
    };
  };
  // Processing reads what the delta round kept and files in shared $batches, so more mails at once
  // cost no more of Outlook's 4 slots (the client's per-mailbox limiter still gates every request).
  const worker = createWorker(ctx, deps, options.concurrency ?? 6);
  const target = (): SubscriptionTarget | undefined =>
    options.notificationUrl
      ? {
          notificationUrl: options.notificationUrl,
          ...(options.lifecycleNotificationUrl
            ? { lifecycleNotificationUrl: options.lifecycleNotificationUrl }
            : {}),
          clientState,
        }
      : undefined;

  const track = <T>(p: Promise<T>): Promise<T> => {
    inflight.add(p);
    void p.finally(() => inflight.delete(p)).catch(() => undefined);
    return p;
  };

  let syncing: Promise<SyncResult> | undefined;
  const sync = (): Promise<SyncResult> => {
    syncing ??= track(
      syncInbox(ctx).finally(() => {
        syncing = undefined;
      }),
    );
    return syncing;
  };

  const safely = (what: string, work: () => Promise<unknown>) => {
    if (stopped) return;
    void track(work().catch((err: unknown) => ctx.logger.warn({ err }, `intake: ${what} failed`)));
  };

  // One instance at a time looks after the subscription (several share one PostgreSQL server);
  // the others skip the round rather than create a second subscription.
  const keepSubscription = async () => {
    const t = target();
    if (!t) return;
    const lock = `intake:subscription:${ctx.mailbox}`;
    if (!(await ctx.store.locks.tryAcquire(lock, ctx.instanceId, 60_000))) return;
    try {
      await ensureSubscription(ctx, t);
    } finally {
      await ctx.store.locks.release(lock, ctx.instanceId).catch(() => undefined);
    }
  };

  const notified = createNotificationHandler(ctx, {
    background: (what, work) => safely(what, work),
    resync: () => sync().then(() => worker.kick()),
    kick: () => worker.kick(),
    renew: async (id) => {
      const t = target();
      if (t) await renew(ctx, id, t);
    },
    recreate: async (id) => {
      const t = target();
      if (t) await recreate(ctx, id, t);
    },
    stopped: () => stopped,
  });

  return {
    async start() {
      goLive = await ensureGoLive(ctx, ctx.now());
      clientState = await ensureClientState(ctx, options.clientState);
      await filer.ensureCategories().catch((err: unknown) => {
        ctx.logger.warn({ err }, 'intake: Outlook categories not ready; filing will retry');
      });
      // Unfinished mails first (a crash or a restart mid-way), then what arrived while we were away.
      safely('resume', () => worker.kick());
      await sync();
      safely('processing', () => worker.kick());
      safely('subscription', keepSubscription);
      timers.push(
        setInterval(
          () => safely('delta round', () => sync().then(() => worker.kick())),
          options.deltaIntervalMs ?? 5 * 60_000,
        ),
        setInterval(
          () => safely('subscription renewal', keepSubscription),
          options.renewIntervalMs ?? 60 * 60_000,
        ),
      );
      for (const t of timers) t.unref();
    },

    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await worker.stop();
      await Promise.allSettled([...inflight]);
    },

    clientState: () => clientState,

    acceptsClientState: (value) => clientStateMatches(clientState, value),

    handleNotifications(notifications) {
      safely('notifications', () => notified(notifications));
    },

    async syncNow() {
      const result = await sync();
      await worker.kick();
      return result;
    },

    async idle() {
      // Work may queue more work (a notification records a mail, then processing starts): settle until quiet.
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
      await worker.kick();
    },

    listTriage: (o) => listTriage(ctx, o),

    async correctMail(correction) {
      await recordCorrection(ctx, correction);
      return worker.processOne(correction.messageId);
    },

    async resolveTriage(resolution) {
      await recordTriageDecision(ctx, resolution);
      return worker.processOne(resolution.messageId);
    },

    missingFromProtocol: (year) => missingFromProtocol(ctx, year),

    async infoMeetingSignups(year) {
      const cycle = ctx.cycles.find((c) => c.year === year);
      return cycle ? infoMeetingSignups(ctx, cycle) : [];
    },

    async mailView(internetMessageId) {
      const mail = await findByInternetMessageId(ctx, internetMessageId);
      return mail ? mailView(ctx, mail) : undefined;
    },

    resendReceipt: (messageId, seen) => resendReceipt(ctx, messageId, seen),
  };
}
