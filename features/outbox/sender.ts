// The paced outbox worker: sends what producers queued (enqueueMail) from the shared mailbox, most
// urgent first (priority, then age), under Exchange Online's sending limits per mailbox, once.
//
// How "once" is kept. Graph's sendMail and reply have no idempotency key and Sent Items copies carry
// no custom headers, so the worker sends drafts it can look up by id (the way Microsoft documents):
//  1. An item is claimed with a lease (status 'sending') BEFORE Graph is called; a second worker
//     cannot claim it while the lease runs (the store's claim is FOR UPDATE SKIP LOCKED).
//  2. The mail is created as a draft (createReply / POST messages, immutable id) and the draft's id is
//     recorded on the item before anything is sent.
//  3. The draft is sent; Graph's 202 is followed at once by markSent (retried on a store error).
//  4. If the process dies between 3 and markSent, the item stays 'sending' until its lease (5 min)
//     runs out; whoever claims it next looks the draft id up: no longer a draft (Sent Items) or out
//     of Drafts (being sent) → marked sent without sending; still in Drafts → sent now; deleted →
//     created again. A failure with an unclear outcome (timeout, 5xx) is retried no sooner than a
//     minute later and goes through the same look-up.
// A crash between creating the draft and recording its id leaves an unsent draft behind (never a
// second mail). What remains: a person deletes the sent copy from Sent Items before a retry looks.
//
// Pacing: one worker at a time sends for a mailbox (a named lease in the store, renewed while it
// works; another instance takes over when it stops or dies). On takeover it rebuilds the sliding
// minute from the store's sent records, then keeps it in memory: ≤ 30 messages in any 60 s window,
// ≤ 10,000 recipients in any 24 h. A 429 from Graph pauses the mailbox until Retry-After and hands
// the item back without spending its retry budget. Clock and sleep are injected (scaled clocks in
// the benchmark; the store must be opened with the same clock).
import { randomUUID } from 'node:crypto';
import type { OutboxItem, Store } from '../../store/index.js';
import { systemClock, type OutboxClock } from './clock.js';
import { backoffMs, classifySendError, failuresSoFar, withFailures } from './failures.js';
import {
  DAY_MS,
  EXCHANGE_SENDING_LIMITS,
  MINUTE_MS,
  MinuteWindow,
  dayWaitMs,
  rebuildMinuteWindow,
  type SendLimits,
  type SentCounter,
} from './pacer.js';
import {
  createOutboxDraft,
  draftOutcome,
  draftsFolderIds,
  sendOutboxDraft,
  type DraftOutcome,
  type OutboxDraft,
  type OutboxGraph,
} from './transport.js';
import type { OutboxMessage } from './types.js';

export interface OutboxLogger {
  debug?(details: object, message?: string): void;
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

export interface OutboxWorkerOptions {
  store: Pick<Store, 'outbox' | 'locks'>;
  graph: OutboxGraph;
  /** Default: system time. The store must run on the same clock (openStore({ clock })). */
  clock?: OutboxClock;
  logger?: OutboxLogger;
  /** Exchange Online's limits by default (30/min, 10,000 recipients/day). */
  limits?: Partial<SendLimits>;
  /** Serve only these mailboxes; default: every mailbox that has items (found as they come). */
  mailboxes?: string[];
  /** This instance's name in leases (default: outbox-<random>). */
  owner?: string;
  /** Sends in flight at once (default 2; Outlook allows 4 requests per mailbox, intake needs some). */
  concurrency?: number;
  /** How long a claimed item stays ours before another worker may take it (default 5 min). */
  leaseMs?: number;
  /** How long the per-mailbox sender lease lasts without renewal (default 60 s). */
  mailboxLeaseMs?: number;
  /** Longest sleep when nothing is due (default 5 s); wake() cuts it short. */
  idleMs?: number;
  /** Consecutive non-throttle failures before an item is marked failed (default 8). */
  maxFailures?: number;
}

export interface OutboxMailboxStats {
  /** This worker holds the mailbox's sender lease. */
  leader: boolean;
  /** Sends in the current sliding minute (as this worker sees them). */
  lastMinute: number;
  pausedUntil?: string;
}

export interface OutboxWorkerStats {
  owner: string;
  sent: number;
  /** Found already sent in Sent Items on a retry, marked sent without sending. */
  recovered: number;
  /** Marked failed for good (permanent errors, or out of retries). */
  failed: number;
  /** 429s from Graph/Exchange (the item waited, its budget intact). */
  throttled: number;
  /** Transient failures scheduled for another try. */
  retried: number;
  /** Sends Graph accepted but whose lease was gone when we recorded them. */
  leaseLost: number;
  inFlight: number;
  mailboxes: Record<string, OutboxMailboxStats>;
  lastError?: string;
}

export interface OutboxWorker {
  readonly owner: string;
  /** Stops claiming, lets sends in flight finish and record, gives the mailbox leases up. */
  stop(): Promise<void>;
  /** Resolves when no item is pending or sending (failed ones aside). Scheduled items count. */
  drain(): Promise<void>;
  /** Producers call this after enqueueing so the worker need not wait for its idle poll. */
  wake(): void;
  stats(): OutboxWorkerStats;
}

interface MailboxState {
  name: string;
  leader: boolean;
  window: MinuteWindow | undefined;
  dayRecipients: number;
  dayCheckedAt: number;
  inFlightRecipients: number;
  pausedUntil: number;
}

/** An unclear outcome waits at least this long, so a draft Exchange took has left Drafts. */
const MAYBE_SENT_MIN_RETRY_MS = 60_000;

export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, graph } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger;
  const limits: SendLimits = { ...EXCHANGE_SENDING_LIMITS, ...options.limits };
  const owner = options.owner ?? `outbox-${randomUUID()}`;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const mailboxLeaseMs = options.mailboxLeaseMs ?? 60_000;
  const idleMs = options.idleMs ?? 5_000;
  const maxFailures = options.maxFailures ?? 8;
  const fixed = options.mailboxes?.map((m) => m.toLowerCase());
  const draftsFolder = draftsFolderIds(graph);

  const mailboxes = new Map<string, MailboxState>();
  const active = new Set<Promise<void>>();
  const counters = {
    sent: 0,
    recovered: 0,
    failed: 0,
    throttled: 0,
    retried: 0,
    leaseLost: 0,
  };
  let lastError: string | undefined;
  let stopping = false;
  let sleeper: AbortController | undefined;
  let rotation = 0;

  const nowMs = () => clock.now().getTime();
  const counter =
    (mailbox: string): SentCounter =>
    (since) =>
      store.outbox.sentSince(since, mailbox);

  const stateOf = (mailbox: string): MailboxState => {
    const key = mailbox.toLowerCase();
    let st = mailboxes.get(key);
    if (!st) {
      st = {
        name: key,
        leader: false,
        window: undefined,
        dayRecipients: 0,
        dayCheckedAt: 0,
        inFlightRecipients: 0,
        pausedUntil: 0,
      };
      mailboxes.set(key, st);
    }
    return st;
  };
  for (const m of fixed ?? []) stateOf(m);

  /** Takes or renews the mailbox's sender lease; on takeover, rebuilds its windows from the store. */
  async function lead(st: MailboxState): Promise<boolean> {
    const ok = await store.locks.tryAcquire(`outbox-sender:${st.name}`, owner, mailboxLeaseMs);
    if (!ok) {
      if (st.leader) logger?.info({ mailbox: st.name, owner }, 'outbox: another sender took over');
      st.leader = false;
      st.window = undefined;
      return false;
    }
    if (!st.leader || !st.window) {
      const now = nowMs();
      st.window = new MinuteWindow(limits, await rebuildMinuteWindow(counter(st.name), now));
      st.dayRecipients = (await counter(st.name)(new Date(now - DAY_MS))).recipients;
      st.dayCheckedAt = now;
      st.leader = true;
      logger?.info(
        { mailbox: st.name, owner, lastMinute: st.window.count(now), today: st.dayRecipients },
        'outbox: sending for mailbox',
      );
    }
    return true;
  }

  /**
   * Puts a claimed item back unsent, due at `retryAt`: the store undoes the claim's attempt, so a
   * hand-back never makes the next claim look like a retry (nor hides a real one).
   */
  async function handBack(item: OutboxItem, retryAt: number, why: string): Promise<void> {
    logger?.debug?.(
      { key: item.key, until: new Date(retryAt).toISOString(), why },
      'outbox: deferred',
    );
    await store.outbox.defer(item.id, owner, new Date(retryAt));
  }

  async function failForGood(item: OutboxItem, failures: number, reason: string): Promise<void> {
    counters.failed++;
    lastError = reason;
    logger?.warn({ key: item.key, id: item.id, reason }, 'outbox: mail failed for good');
    await store.outbox.markFailed(item.id, owner, { error: withFailures(failures, reason) });
  }

  /** Room in the daily recipient limit? Returns 0 to go ahead, ms to wait, or Infinity. */
  async function dayRoom(st: MailboxState, recipients: number): Promise<number> {
    const now = nowMs();
    if (now - st.dayCheckedAt > MINUTE_MS) {
      st.dayRecipients = (await counter(st.name)(new Date(now - DAY_MS))).recipients;
      st.dayCheckedAt = now;
    }
    if (recipients > limits.recipientsPerDay) return Infinity;
    if (st.dayRecipients + st.inFlightRecipients + recipients <= limits.recipientsPerDay) return 0;
    const wait = await dayWaitMs(counter(st.name), now, limits, recipients, st.inFlightRecipients);
    st.dayRecipients = (await counter(st.name)(new Date(now - DAY_MS))).recipients;
    st.dayCheckedAt = now;
    return wait;
  }

  /** A claimed item of a mailbox we lead and whose minute has room: check the day, then send. */
  async function admit(st: MailboxState, item: OutboxItem): Promise<number> {
    const message = parseMessage(item.payload);
    if (typeof message === 'string') {
      await failForGood(item, failuresSoFar(item.error) + 1, message);
      return 0;
    }
    const wait = await dayRoom(st, item.recipientCount);
    if (wait === Infinity) {
      await failForGood(
        item,
        failuresSoFar(item.error) + 1,
        `${item.recipientCount} recipients is more than the mailbox may send in a day (${limits.recipientsPerDay})`,
      );
      return 0;
    }
    if (wait > 0) {
      st.pausedUntil = nowMs() + wait;
      await handBack(item, st.pausedUntil, 'paced: daily recipient limit reached');
      logger?.warn(
        { mailbox: st.name, until: new Date(st.pausedUntil).toISOString() },
        'outbox: daily recipient limit reached, pausing the mailbox',
      );
      return wait;
    }
    const reservation = st.window!.reserve(nowMs());
    st.inFlightRecipients += item.recipientCount;
    const task: Promise<void> = deliver(st, item, message, reservation)
      .catch((error: unknown) => {
        lastError = describe(error);
        logger?.error({ key: item.key, err: lastError }, 'outbox: recording a send failed');
      })
      .finally(() => {
        st.inFlightRecipients -= item.recipientCount;
        active.delete(task);
        wake();
      });
    active.add(task);
    return 0;
  }

  async function deliver(
    st: MailboxState,
    item: OutboxItem,
    message: OutboxMessage,
    reservation: { settle(at: number): void; release(): void },
  ): Promise<void> {
    let draftId = item.draftId;
    if (draftId !== undefined) {
      // An earlier claim created (and maybe sent) this draft: look it up before sending.
      let outcome: DraftOutcome;
      try {
        outcome = await draftOutcome(graph, message.mailbox, draftId, () =>
          draftsFolder(message.mailbox),
        );
      } catch (error) {
        reservation.release();
        await onFailure(st, item, error, false);
        return;
      }
      if (outcome.state === 'sent' || outcome.state === 'submitted') {
        reservation.release();
        counters.recovered++;
        logger?.warn(
          { key: item.key, id: item.id, draftId, outcome: outcome.state },
          'outbox: the draft was already sent, not sending again',
        );
        const at =
          outcome.state === 'sent' && outcome.sentAt ? new Date(outcome.sentAt) : clock.now();
        await recordSent(item, at);
        return;
      }
      if (outcome.state === 'gone') draftId = undefined;
    }
    const keepLease = renewWhile(item);
    try {
      if (draftId === undefined) {
        const draft = await createOutboxDraft(graph, item.key, message);
        draftId = draft.id;
        if (!(await recordDraft(item, draft))) {
          keepLease.stop();
          reservation.release();
          counters.leaseLost++;
          logger?.error(
            { key: item.key, id: item.id, draftId },
            'outbox: lost the lease before sending; the draft stays unsent',
          );
          return;
        }
      }
      await sendOutboxDraft(graph, message.mailbox, draftId);
    } catch (error) {
      keepLease.stop();
      const failure = classifySendError(error);
      if (failure.kind === 'transient' && failure.maybeSent) reservation.settle(nowMs());
      else reservation.release();
      await onFailure(st, item, error, true);
      return;
    }
    keepLease.stop();
    const sentAt = clock.now();
    reservation.settle(sentAt.getTime());
    st.dayRecipients += item.recipientCount;
    counters.sent++;
    await recordSent(item, sentAt);
    logger?.debug?.({ key: item.key, kind: item.kind, mailbox: st.name }, 'outbox: sent');
  }

  /** Renews the item's lease while a send is in flight (the Graph client may wait out 429s). */
  function renewWhile(item: OutboxItem): { stop(): void } {
    const done = new AbortController();
    void (async () => {
      for (;;) {
        await clock.sleep(leaseMs / 3, done.signal);
        if (done.signal.aborted) return;
        const ok = await store.outbox.renewLease(item.id, owner, leaseMs).catch(() => true);
        if (!ok) {
          logger?.warn({ key: item.key }, 'outbox: lost the lease on a mail being sent');
          return;
        }
      }
    })();
    return { stop: () => done.abort() };
  }

  /**
   * Keeps the draft id (and its Message-ID, which a bounce quotes) on the item before sending,
   * retried on a store error.
   */
  async function recordDraft(item: OutboxItem, draft: OutboxDraft): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await store.outbox.recordDraft(item.id, owner, draft.id, draft.internetMessageId);
      } catch (error) {
        if (attempt >= 4) throw error;
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
  }

  /** markSent right after Graph's 202, retried: a failed record means a look-up by draft id later. */
  async function recordSent(item: OutboxItem, sentAt: Date): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const ok = await store.outbox.markSent(item.id, owner, sentAt);
        if (!ok) {
          counters.leaseLost++;
          logger?.error(
            { key: item.key, id: item.id },
            'outbox: sent, but the lease had run out; the next claimant will find it in Sent Items',
          );
        }
        return;
      } catch (error) {
        if (attempt >= 4) throw error;
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
  }

  async function onFailure(
    st: MailboxState,
    item: OutboxItem,
    error: unknown,
    sending: boolean,
  ): Promise<void> {
    const failure = classifySendError(error);
    const previous = failuresSoFar(item.error);
    const now = nowMs();
    lastError = failure.reason;
    if (failure.kind === 'throttled') {
      counters.throttled++;
      st.pausedUntil = Math.max(st.pausedUntil, now + failure.retryAfterMs + limits.marginMs);
      logger?.warn(
        { mailbox: st.name, key: item.key, retryAfterMs: failure.retryAfterMs },
        'outbox: throttled, pausing the mailbox until Retry-After',
      );
      await handBack(item, st.pausedUntil, failure.reason);
      return;
    }
    if (failure.kind === 'permanent' && sending) {
      await failForGood(item, previous + 1, failure.reason);
      return;
    }
    const failures = previous + 1;
    if (failures >= maxFailures) {
      const maybe = failure.kind === 'transient' && failure.maybeSent;
      await failForGood(
        item,
        failures,
        `gave up after ${failures} attempts${maybe ? ' (the last one may have been sent: check Sent Items)' : ''}: ${failure.reason}`,
      );
      return;
    }
    const maybeSent = failure.kind === 'transient' && failure.maybeSent;
    const retryAfter = failure.kind === 'transient' ? (failure.retryAfterMs ?? 0) : 0;
    const wait = Math.max(backoffMs(failures), retryAfter, maybeSent ? MAYBE_SENT_MIN_RETRY_MS : 0);
    counters.retried++;
    logger?.warn(
      { key: item.key, id: item.id, failures, retryInMs: wait, reason: failure.reason },
      'outbox: send failed, will retry',
    );
    await store.outbox.markFailed(item.id, owner, {
      error: withFailures(failures, failure.reason),
      retryAt: new Date(now + wait),
    });
  }

  /** One pass: claim and start what may go now. Returns how long to sleep (0: go again). */
  async function step(): Promise<number> {
    if (active.size >= concurrency) {
      // Every slot busy (maybe a slow send): still renew the mailbox leases while waiting.
      const pause = new AbortController();
      await Promise.race([...active, clock.sleep(mailboxLeaseMs / 3, pause.signal)]);
      pause.abort();
      for (const st of mailboxes.values()) if (st.leader) await lead(st);
      return 0;
    }
    let wait = idleMs;
    let anyBlocked = false;
    const names = [...mailboxes.keys()];
    const start = names.length > 0 ? rotation++ % names.length : 0;
    for (let i = 0; i < names.length; i++) {
      const st = mailboxes.get(names[(start + i) % names.length]!)!;
      const now = nowMs();
      if (st.pausedUntil > now) {
        wait = Math.min(wait, st.pausedUntil - now);
        anyBlocked = true;
        continue;
      }
      if (!(await lead(st))) {
        wait = Math.min(wait, mailboxLeaseMs / 2);
        anyBlocked = true;
        continue;
      }
      const minute = st.window!.waitMs(nowMs());
      if (minute > 0) {
        wait = Math.min(wait, minute);
        anyBlocked = true;
        continue;
      }
      const item = await store.outbox.claimNext<unknown>({ owner, leaseMs, mailbox: st.name });
      if (!item) continue;
      const w = await admit(st, item);
      if (w === 0) return 0;
      wait = Math.min(wait, w);
      anyBlocked = true;
    }
    if (!fixed && !anyBlocked) {
      // Mailboxes not seen yet (only looked for while the known ones have room, so a known mailbox
      // that waits for its window never has its items handed back and forth).
      const item = await store.outbox.claimNext<unknown>({ owner, leaseMs });
      if (item) {
        const st = stateOf(item.mailbox);
        if (!(await lead(st))) {
          await handBack(item, nowMs(), 'paced: another sender holds the mailbox');
          return mailboxLeaseMs / 2;
        }
        const minute = st.window!.waitMs(nowMs());
        if (minute > 0 || st.pausedUntil > nowMs()) {
          await handBack(item, Math.max(nowMs() + minute, st.pausedUntil), 'paced');
          return 0;
        }
        return admit(st, item);
      }
    }
    // Nothing to start: sleep until the next scheduled item, a window opening, or the idle poll.
    const due = await store.outbox.nextDueAt(fixed?.length === 1 ? fixed[0] : undefined);
    if (due !== undefined) wait = Math.min(wait, Math.max(0, Date.parse(due) - nowMs()) + 1);
    // Renew the mailbox leases in time.
    return Math.max(1, Math.min(wait, mailboxLeaseMs / 3));
  }

  function wake(): void {
    sleeper?.abort();
  }

  const loop = (async () => {
    while (!stopping) {
      let wait: number;
      try {
        wait = await step();
      } catch (error) {
        if (stopping) break;
        lastError = describe(error);
        logger?.error({ err: lastError, owner }, 'outbox: worker step failed');
        wait = 1_000;
      }
      if (wait > 0 && !stopping) {
        sleeper = new AbortController();
        await clock.sleep(wait, sleeper.signal);
        sleeper = undefined;
      }
    }
  })();

  let stopped: Promise<void> | undefined;
  return {
    owner,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        wake();
        await loop;
        await Promise.allSettled([...active]);
        for (const st of mailboxes.values()) {
          if (!st.leader) continue;
          st.leader = false;
          await store.locks.release(`outbox-sender:${st.name}`, owner).catch(() => undefined);
        }
      })();
      return stopped;
    },
    async drain() {
      for (;;) {
        const counts = fixed
          ? await Promise.all(fixed.map((m) => store.outbox.counts(m))).then((all) =>
              all.reduce(
                (sum, c) => ({
                  pending: sum.pending + c.pending,
                  sending: sum.sending + c.sending,
                }),
                { pending: 0, sending: 0 },
              ),
            )
          : await store.outbox.counts();
        if (counts.pending === 0 && counts.sending === 0 && active.size === 0) return;
        if (stopping) throw new Error('the outbox worker stopped before the outbox drained');
        await clock.sleep(Math.min(idleMs, 1_000));
      }
    },
    wake,
    stats() {
      const now = nowMs();
      const boxes: Record<string, OutboxMailboxStats> = {};
      for (const st of mailboxes.values()) {
        boxes[st.name] = {
          leader: st.leader,
          lastMinute: st.window?.count(now) ?? 0,
          ...(st.pausedUntil > now ? { pausedUntil: new Date(st.pausedUntil).toISOString() } : {}),
        };
      }
      return {
        owner,
        ...counters,
        inFlight: active.size,
        mailboxes: boxes,
        ...(lastError === undefined ? {} : { lastError }),
      };
    },
  };
}

/** The payload as sent by enqueueMail, or why it cannot be sent. */
function parseMessage(payload: unknown): OutboxMessage | string {
  const p = payload as Partial<OutboxMessage> | null;
  if (!p || typeof p !== 'object') return 'the outbox item has no message';
  if (typeof p.mailbox !== 'string' || p.mailbox === '') return 'the outbox item names no mailbox';
  if (typeof p.html !== 'string') return 'the outbox item has no body';
  if (p.kind === 'reply') {
    return typeof p.messageId === 'string' && p.messageId !== ''
      ? (p as OutboxMessage)
      : 'the reply names no mail to answer';
  }
  if (p.kind === 'send') {
    if (!Array.isArray(p.to) || p.to.length === 0) return 'the mail has no recipients';
    if (typeof p.subject !== 'string') return 'the mail has no subject';
    return p as OutboxMessage;
  }
  return `unknown outbox message kind ${String((p as { kind?: unknown }).kind)}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
