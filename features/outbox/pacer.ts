// Pacing one mailbox under Exchange Online's sending limits: at most N messages in any sliding
// minute and M recipients in any sliding 24 hours. The truth is the store's sent records (so limits
// hold across restarts and across instances); this module rebuilds a sliding window from them when a
// sender takes the mailbox over and keeps it in memory while it sends (one sender per mailbox at a
// time holds the mailbox lease, so nobody else adds sends behind its back).

export interface SendLimits {
  /** Exchange Online: 30 messages per minute per mailbox. */
  messagesPerMinute: number;
  /** Exchange Online: 10,000 recipients per day per mailbox (to + cc + bcc). */
  recipientsPerDay: number;
  /** Added to every computed wait, against clock skew between us and Exchange (ms). */
  marginMs: number;
}

export const EXCHANGE_SENDING_LIMITS: SendLimits = {
  messagesPerMinute: 30,
  recipientsPerDay: 10_000,
  marginMs: 500,
};

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Sent messages and recipients with a sent time after `since` (the store's outbox.sentSince). */
export type SentCounter = (since: Date) => Promise<{ messages: number; recipients: number }>;

/**
 * The send times (ms) of the messages sent in (now − 1 min, now], found by bisecting the counts to
 * `resolutionMs`. Each time found is the end of its bracket, so the window it implies frees no earlier
 * than the real one. Costs about n × log2(60 000 / resolution) count queries, once per takeover.
 */
export async function rebuildMinuteWindow(
  count: SentCounter,
  nowMs: number,
  resolutionMs = 100,
): Promise<number[]> {
  const memo = new Map<number, number>();
  const after = async (t: number): Promise<number> => {
    const hit = memo.get(t);
    if (hit !== undefined) return hit;
    const n = (await count(new Date(t))).messages;
    memo.set(t, n);
    return n;
  };
  const out: number[] = [];
  const split = async (from: number, to: number, n: number): Promise<void> => {
    if (n <= 0) return;
    if (to - from <= resolutionMs) {
      for (let i = 0; i < n; i++) out.push(to);
      return;
    }
    const mid = Math.floor((from + to) / 2);
    const left = (await after(from)) - (await after(mid));
    await split(from, mid, left);
    await split(mid, to, n - left);
  };
  const start = nowMs - MINUTE_MS;
  // Sends stamped after now (another clock ran ahead) count as now.
  await split(start, nowMs, await after(start));
  return out.sort((a, b) => a - b);
}

/**
 * When the daily recipient count leaves room for `recipients` more: 0 if now, Infinity if never
 * (more recipients than the whole daily limit), else ms to wait (to a minute, rounded up).
 */
export async function dayWaitMs(
  count: SentCounter,
  nowMs: number,
  limits: SendLimits,
  recipients: number,
  extraRecipients = 0,
): Promise<number> {
  if (recipients > limits.recipientsPerDay) return Infinity;
  const fits = async (at: number) =>
    (await count(new Date(at - DAY_MS))).recipients + extraRecipients + recipients <=
    limits.recipientsPerDay;
  if (await fits(nowMs)) return 0;
  let lo = 0; // does not fit after lo ms
  let hi = DAY_MS; // fits after hi ms (everything sent until now has left the window)
  while (hi - lo > MINUTE_MS) {
    const mid = Math.floor((lo + hi) / 2);
    if (await fits(nowMs + mid)) hi = mid;
    else lo = mid;
  }
  return hi + limits.marginMs;
}

/** The in-memory sliding minute of one mailbox while this sender holds it. */
export class MinuteWindow {
  private readonly times: number[];

  constructor(
    private readonly limits: SendLimits,
    times: number[] = [],
  ) {
    this.times = [...times].sort((a, b) => a - b);
  }

  /** Sends counted in the last minute at `nowMs` (in-flight reservations included). */
  count(nowMs: number): number {
    this.prune(nowMs);
    return this.times.length;
  }

  /** ms until one more send fits: 0 when it fits now. */
  waitMs(nowMs: number): number {
    this.prune(nowMs);
    const over = this.times.length - this.limits.messagesPerMinute;
    if (over < 0) return 0;
    // The (over+1)-th oldest send has to leave the window.
    const leaving = this.times[over]!;
    return Math.max(1, leaving + MINUTE_MS - nowMs + this.limits.marginMs);
  }

  /** Counts a send starting now; returns a handle to settle it. */
  reserve(nowMs: number): { settle(sentAtMs: number): void; release(): void } {
    this.times.push(nowMs);
    let at = nowMs;
    let open = true;
    return {
      // The time Exchange counted it is before our sentAt: using ours keeps the window conservative.
      settle: (sentAtMs) => {
        if (!open) return;
        open = false;
        const i = this.times.indexOf(at);
        if (i >= 0) this.times.splice(i, 1);
        at = Math.max(sentAtMs, at);
        this.insert(at);
      },
      release: () => {
        if (!open) return;
        open = false;
        const i = this.times.indexOf(at);
        if (i >= 0) this.times.splice(i, 1);
      },
    };
  }

  private insert(t: number): void {
    let i = this.times.length;
    while (i > 0 && this.times[i - 1]! > t) i--;
    this.times.splice(i, 0, t);
  }

  private prune(nowMs: number): void {
    while (this.times.length > 0 && this.times[0]! <= nowMs - MINUTE_MS) this.times.shift();
  }
}
