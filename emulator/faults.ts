// Fault injection and Outlook's limits: latency, injected 429/503 (next N requests or a ratio), the
// per-app-per-mailbox concurrency limit (4) and rate limit (10,000 requests / 10 min), and Exchange
// Online's sending limits (30 messages per minute: queued; 10,000 recipients per day: bounced).
import type { Clock } from './clock.js';
import { GraphError } from './errors.js';
import type { MailboxRec } from './state/model.js';

export interface InjectedFault {
  /** Fail the next `count` matching requests. */
  count?: number;
  /** Or fail this share (0..1) of matching requests, drawn from a seeded generator. */
  ratio?: number;
  retryAfterSeconds?: number;
  /** Only requests whose path contains this string (case-insensitive), e.g. "/messages". */
  pathContains?: string;
}

export interface FaultConfig {
  /** Added to every Graph request (ms), while the request holds its mailbox slot. */
  latencyMs?: number;
  /** 429 Too Many Requests with Retry-After. */
  throttle?: InjectedFault | null;
  /** 503 Service Unavailable with Retry-After. */
  unavailable?: InjectedFault | null;
  /** Concurrent requests per app per mailbox (default 4; null turns the limit off). */
  mailboxConcurrency?: number | null;
  /** Requests per app per mailbox per window (default 10,000 per 600 s; null turns it off). */
  mailboxRateLimit?: { requests: number; windowSeconds: number } | null;
  /** Exchange sending limits per mailbox (default 30/min and 10,000 recipients/day; null turns them off). */
  sendingLimits?: { messagesPerMinute: number; recipientsPerDay: number } | null;
  /**
   * How long after a send its Sent Items copy appears (ms on the emulator's clock, default 2,000; 0
   * shows it at once). Graph's 202 means "accepted", not "done": the copy is saved once Exchange
   * has sent the mail (https://learn.microsoft.com/graph/api/user-sendmail: "the message is saved in
   * the Sent Items folder"; https://learn.microsoft.com/graph/api/message-send).
   */
  sentItemsDelayMs?: number;
  /** Change notifications as Graph may deliver them: late, twice, or not at all (delta is the truth). */
  notifications?: { delayMs?: number; duplicate?: boolean; dropNext?: number } | null;
  /** Seed for ratio-based faults (default 1). */
  seed?: number;
}

const DEFAULTS: Required<Omit<FaultConfig, 'throttle' | 'unavailable' | 'notifications'>> &
  Pick<FaultConfig, 'throttle' | 'unavailable' | 'notifications'> = {
  latencyMs: 0,
  sentItemsDelayMs: 2_000,
  notifications: null,
  throttle: null,
  unavailable: null,
  mailboxConcurrency: 4,
  mailboxRateLimit: { requests: 10_000, windowSeconds: 600 },
  sendingLimits: { messagesPerMinute: 30, recipientsPerDay: 10_000 },
  seed: 1,
};

export interface FaultStats {
  /** Highest number of concurrent requests seen per mailbox (by user id). */
  peakConcurrency: Record<string, number>;
  throttled: number;
  unavailable: number;
  concurrencyRejections: number;
  rateLimitRejections: number;
  /** Sends Exchange held back (queued past the minute's 30) or bounced (over the day's recipients). */
  sendLimitRejections: number;
}

export class Faults {
  private cfg: typeof DEFAULTS;
  private rng: () => number;
  private readonly inFlight = new Map<string, number>();
  private readonly windows = new Map<string, number[]>();
  stats: FaultStats = emptyStats();

  constructor(
    private readonly clock: Clock,
    initial: FaultConfig = {},
  ) {
    this.cfg = { ...DEFAULTS, ...initial };
    this.rng = mulberry32(this.cfg.seed ?? 1);
  }

  get config(): FaultConfig {
    return { ...this.cfg };
  }

  /** Merges settings (null clears a fault; defaults stay for keys not given). */
  set(patch: FaultConfig): void {
    this.cfg = { ...this.cfg, ...patch };
    if (patch.seed !== undefined) this.rng = mulberry32(patch.seed);
  }

  reset(): void {
    this.cfg = { ...DEFAULTS };
    this.rng = mulberry32(1);
    this.windows.clear();
    this.stats = emptyStats();
  }

  /** Injected 429/503 for a Graph request (top-level or inside $batch). */
  inject(path: string): void {
    const hit = (f: InjectedFault | null | undefined): boolean => {
      if (!f) return false;
      if (f.pathContains && !path.toLowerCase().includes(f.pathContains.toLowerCase()))
        return false;
      if (f.count !== undefined && f.count > 0) {
        f.count -= 1;
        return true;
      }
      return f.ratio !== undefined && f.ratio > 0 && this.rng() < f.ratio;
    };
    if (hit(this.cfg.throttle)) {
      this.stats.throttled++;
      const s = this.cfg.throttle?.retryAfterSeconds ?? 1;
      throw new GraphError(429, 'TooManyRequests', 'Too many requests. Please try again later.', {
        'Retry-After': String(s),
      });
    }
    if (hit(this.cfg.unavailable)) {
      this.stats.unavailable++;
      const s = this.cfg.unavailable?.retryAfterSeconds ?? 1;
      throw new GraphError(503, 'ServiceUnavailable', 'Service Unavailable', {
        'Retry-After': String(s),
      });
    }
  }

  /** How to deliver the next change notification: skip it, send it once or twice, after a delay. */
  notificationPlan(): { copies: number; delayMs: number } {
    const n = this.cfg.notifications;
    if (!n) return { copies: 1, delayMs: 0 };
    if (n.dropNext && n.dropNext > 0) {
      n.dropNext -= 1;
      return { copies: 0, delayMs: 0 };
    }
    return { copies: n.duplicate ? 2 : 1, delayMs: n.delayMs ?? 0 };
  }

  latency(): Promise<void> {
    const ms = this.cfg.latencyMs ?? 0;
    return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
  }

  /**
   * Takes a concurrency slot for app+mailbox and counts the request against the rate limit.
   * Returns the release function; throws Graph's 429 ApplicationThrottled when over a limit.
   */
  acquireMailbox(appId: string, userId: string): () => void {
    const key = `${appId}|${userId}`;
    const limit = this.cfg.mailboxConcurrency;
    const current = this.inFlight.get(key) ?? 0;
    if (limit !== null && limit !== undefined && current >= limit) {
      this.stats.concurrencyRejections++;
      throw new GraphError(
        429,
        'ApplicationThrottled',
        'Application is over its MailboxConcurrency limit.',
        {
          'Retry-After': '1',
        },
      );
    }
    const rate = this.cfg.mailboxRateLimit;
    if (rate) {
      const now = this.clock.now().getTime();
      const windowMs = rate.windowSeconds * 1000;
      const list = (this.windows.get(key) ?? []).filter((t) => t > now - windowMs);
      if (list.length >= rate.requests) {
        this.windows.set(key, list);
        this.stats.rateLimitRejections++;
        const retry = Math.max(1, Math.ceil((list[0]! + windowMs - now) / 1000));
        throw new GraphError(
          429,
          'ApplicationThrottled',
          'Application is over its MailboxRequestRate limit.',
          {
            'Retry-After': String(retry),
          },
        );
      }
      list.push(now);
      this.windows.set(key, list);
    }
    this.inFlight.set(key, current + 1);
    const peak = this.stats.peakConcurrency[userId] ?? 0;
    if (current + 1 > peak) this.stats.peakConcurrency[userId] = current + 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
    };
  }

  /**
   * Exchange Online sending limits for one submission from a mailbox, as Exchange applies them: it
   * does not refuse. Over 30 messages a minute the message is accepted (202) and waits in the queue
   * until the minute has room; past 10,000 recipients in 24 hours the mailbox cannot send: the
   * message is accepted and then bounced with a non-delivery report (5.1.90) to the sender.
   * https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits#sending-limits-1
   * Returns when the message goes out (ms from now), or that it bounces.
   */
  checkSend(mb: MailboxRec, recipients: number): SendVerdict {
    const lim = this.cfg.sendingLimits;
    const now = this.clock.now().getTime();
    mb.sendLog = mb.sendLog.filter((e) => e.at > now - 86_400_000);
    if (!lim) {
      mb.sendLog.push({ at: now, recipients });
      return { kind: 'now' };
    }
    const today = mb.sendLog.reduce((n, e) => n + e.recipients, 0);
    if (today + recipients > lim.recipientsPerDay) {
      this.stats.sendLimitRejections++;
      return {
        kind: 'bounced',
        reason: `550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients (${lim.recipientsPerDay}).`,
      };
    }
    // Queued sends count at the time they go out (possibly ahead of now). Sends leave in order, so
    // the newest `limit` of them, this one included, must span more than a minute.
    const times = mb.sendLog.map((e) => e.at).sort((a, b) => a - b);
    const limit = lim.messagesPerMinute;
    const at =
      times.length >= limit ? Math.max(now, times[times.length - limit]! + 60_000 + 1) : now;
    if (at > now) this.stats.sendLimitRejections++;
    mb.sendLog.push({ at, recipients });
    return at > now ? { kind: 'queued', delayMs: at - now } : { kind: 'now' };
  }
}

export type SendVerdict =
  { kind: 'now' } | { kind: 'queued'; delayMs: number } | { kind: 'bounced'; reason: string };

function emptyStats(): FaultStats {
  return {
    peakConcurrency: {},
    throttled: 0,
    unavailable: 0,
    concurrencyRejections: 0,
    rateLimitRejections: 0,
    sendLimitRejections: 0,
  };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
