// Teams' rate limits for a bot, kept on our side so a fan-out slows down instead of collecting 429s:
// per conversation 7 per 1 s, 8 per 2 s, 60 per 30 s and 1,800 per hour, and about 50 requests per
// second for the app in a tenant (Microsoft Teams platform docs, "Optimize your bot: rate limiting
// and best practices"). A 429 still happens (other instances, Teams' own view): `pause` holds a
// conversation, or everything, until its Retry-After.

export interface Window {
  ms: number;
  max: number;
}

export const TEAMS_PER_CONVERSATION: readonly Window[] = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1_800 },
];
export const TEAMS_PER_APP: readonly Window[] = [{ ms: 1_000, max: 50 }];

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realLimiterClock: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Sliding windows over the times of past sends. */
class Windows {
  private readonly times: number[] = [];
  pausedUntil = 0;
  constructor(private readonly windows: readonly Window[]) {}
  /** Milliseconds to wait before one more send is allowed at `now` (0 = now). */
  wait(now: number): number {
    const longest = Math.max(...this.windows.map((w) => w.ms));
    while (this.times.length && this.times[0]! <= now - longest) this.times.shift();
    let wait = Math.max(0, this.pausedUntil - now);
    for (const w of this.windows) {
      const inWindow = this.times.filter((t) => t > now - w.ms);
      if (inWindow.length >= w.max)
        wait = Math.max(wait, inWindow[inWindow.length - w.max]! + w.ms - now);
    }
    return wait;
  }
  record(now: number): void {
    this.times.push(now);
  }
}

export class TeamsRateLimiter {
  private readonly app: Windows;
  private readonly conversations = new Map<string, Windows>();
  constructor(
    private readonly clock: LimiterClock = realLimiterClock,
    private readonly perConversation: readonly Window[] = TEAMS_PER_CONVERSATION,
    perApp: readonly Window[] = TEAMS_PER_APP,
  ) {
    this.app = new Windows(perApp);
  }

  /** Waits until one more request to `conversationId` keeps every limit, and counts it. */
  async acquire(conversationId: string): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const conv = this.conversation(conversationId);
      const wait = Math.max(this.app.wait(now), conv.wait(now));
      if (wait <= 0) {
        this.app.record(now);
        conv.record(now);
        return;
      }
      await this.clock.sleep(wait);
    }
  }

  /** After a 429: hold the conversation (or, without one, every conversation) for `ms`. */
  pause(ms: number, conversationId?: string): void {
    const until = this.clock.now() + ms;
    const target = conversationId ? this.conversation(conversationId) : this.app;
    target.pausedUntil = Math.max(target.pausedUntil, until);
  }

  private conversation(id: string): Windows {
    let w = this.conversations.get(id);
    if (!w) {
      w = new Windows(this.perConversation);
      this.conversations.set(id, w);
    }
    return w;
  }
}
