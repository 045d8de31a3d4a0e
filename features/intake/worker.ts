// The processing loop: claims pending mails (a lease each, so two instances never work the same mail
// and a crashed worker's mail is finished after its lease runs out), processes, records the outcome.
// A failure is retried later (Graph busy: after its Retry-After; otherwise with back-off); after a few
// attempts the mail waits for a person in the triage list with its error — never dropped.
import type { MailRecord } from '../../store/index.js';
import type { IntakeContext } from './context.js';
import { processClaimedMail, type ProcessDeps } from './process.js';
import { retryPolicy } from './retry.js';

export interface Worker {
  /** Wakes the loop (new mail recorded). Resolves when the queue is empty again. */
  kick(): Promise<void>;
  /** Processes one specific mail now if it is pending (tests, triage decisions). */
  processOne(messageId: string): Promise<MailRecord | undefined>;
  stop(): Promise<void>;
}

/**
 * `concurrency` mails are processed at once (default 2): Outlook allows 4 concurrent requests per
 * mailbox, and the outbox sender needs some of them.
 */
export function createWorker(
  ctx: IntakeContext,
  deps: () => Promise<ProcessDeps>,
  concurrency = 2,
): Worker {
  let running: Promise<void> | undefined;
  const timers = new Set<NodeJS.Timeout>();
  let again = false;
  let stopped = false;
  const leaseMs = ctx.leaseMs ?? 120_000;
  const claimOptions = { owner: ctx.instanceId, leaseMs };

  async function handle(mail: MailRecord): Promise<void> {
    const key = { mailbox: mail.mailbox, messageId: mail.messageId };
    try {
      const result = await processClaimedMail(ctx, await deps(), mail);
      const d = result.details;
      const ok = await ctx.store.mails.complete(key, ctx.instanceId, {
        status: result.status,
        classification: d.kind,
        confidence: d.confidence,
        ...(d.unitId ? { unitId: d.unitId } : {}),
        ...(d.year ? { year: d.year } : {}),
        details: d as unknown as Record<string, unknown>,
      });
      if (!ok)
        ctx.logger.warn({ messageId: mail.messageId }, 'lease lost before completing a mail');
      ctx.logger.info(
        { messageId: mail.messageId, status: result.status, kind: d.kind, unitId: d.unitId },
        'mail processed',
      );
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const { retry, retryMs } = retryPolicy(e, mail.attempts);
      ctx.logger.warn(
        { messageId: mail.messageId, err: e, attempts: mail.attempts, retry },
        'mail processing failed',
      );
      await ctx.store.mails
        .fail(key, ctx.instanceId, {
          error,
          ...(retry ? { retryAt: new Date(ctx.now().getTime() + retryMs) } : {}),
        })
        .catch(() => undefined);
      if (retry && !stopped) {
        const timer = setTimeout(() => void kick(), retryMs + 50);
        timer.unref();
        timers.add(timer);
      }
    }
  }

  async function drain(): Promise<void> {
    for (;;) {
      if (stopped) return;
      const mail = await ctx.store.mails.claimNext({ ...claimOptions, mailbox: ctx.mailbox });
      if (!mail) return;
      await handle(mail);
    }
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, () => drain()));
    } while (again && !stopped);
    await wakeWhenDue();
  }

  // A mail leased by a crashed instance (or waiting for its retry) becomes pending by itself when
  // its time comes; nothing else would wake us before the next delta round, minutes later.
  let wake: { at: number; timer: NodeJS.Timeout } | undefined;
  async function wakeWhenDue(): Promise<void> {
    if (stopped) return;
    const next = await ctx.store.mails.nextPendingAt({ mailbox: ctx.mailbox });
    if (next === undefined) return;
    const at = new Date(next).getTime();
    if (wake && wake.at <= at) return;
    if (wake) clearTimeout(wake.timer);
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        wake = undefined;
        void kick();
      },
      Math.max(0, at - ctx.now().getTime()) + 50,
    );
    timer.unref();
    timers.add(timer);
    wake = { at, timer };
  }

  function kick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = loop()
      .catch((e: unknown) => ctx.logger.error({ err: e }, 'intake worker stopped on an error'))
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    kick,
    async processOne(messageId) {
      const key = { mailbox: ctx.mailbox, messageId };
      const mail = await ctx.store.mails.claim(key, claimOptions);
      if (mail) await handle(mail);
      return ctx.store.mails.get(key);
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await running;
    },
  };
}
