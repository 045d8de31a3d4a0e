import { describe, expect, it } from 'vitest';
import { TeamsRateLimiter, type LimiterClock } from './limits.js';

/** A clock that only moves when someone sleeps: the limiter's waits become exact numbers. */
function fakeClock(): LimiterClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe("Teams' rate limits, kept on our side", () => {
  it('allows 7 posts to one chat in a second, then waits; 8 in 2 s', async () => {
    const clock = fakeClock();
    const limiter = new TeamsRateLimiter(clock);
    const times: number[] = [];
    for (let i = 0; i < 16; i++) {
      await limiter.acquire('a:chat');
      times.push(clock.now());
    }
    for (let i = 0; i < times.length; i++) {
      expect(
        times.filter((t) => t > times[i]! - 1000 && t <= times[i]!).length,
      ).toBeLessThanOrEqual(7);
      expect(
        times.filter((t) => t > times[i]! - 2000 && t <= times[i]!).length,
      ).toBeLessThanOrEqual(8);
    }
    expect(times.slice(0, 7).every((t) => t === 0)).toBe(true);
    expect(times[8]).toBeGreaterThanOrEqual(2000);
  });

  it('keeps about 50 per second across chats', async () => {
    const clock = fakeClock();
    const limiter = new TeamsRateLimiter(clock);
    for (let i = 0; i < 120; i++) await limiter.acquire(`a:chat-${i}`);
    // 120 posts to 120 chats: 50 now, 50 after a second, 20 after two.
    expect(clock.now()).toBe(2000);
  });

  it('holds a chat, or everything, for a 429’s Retry-After', async () => {
    const clock = fakeClock();
    const limiter = new TeamsRateLimiter(clock);
    limiter.pause(3000, 'a:one');
    await limiter.acquire('a:other');
    expect(clock.now()).toBe(0);
    await limiter.acquire('a:one');
    expect(clock.now()).toBe(3000);
    limiter.pause(500);
    await limiter.acquire('a:other');
    expect(clock.now()).toBe(3500);
  });
});
