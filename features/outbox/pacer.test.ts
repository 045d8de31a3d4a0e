// The pacer's arithmetic: the sliding minute, rebuilding it from the store's counts, the daily wait.
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  EXCHANGE_SENDING_LIMITS,
  MinuteWindow,
  dayWaitMs,
  rebuildMinuteWindow,
  type SentCounter,
} from './pacer.js';

const limits = { ...EXCHANGE_SENDING_LIMITS, marginMs: 0 };

/** sentSince over a list of (time, recipients). */
const counterOf =
  (sends: Array<[number, number]>): SentCounter =>
  async (since) => {
    const after = sends.filter(([t]) => t > since.getTime());
    return { messages: after.length, recipients: after.reduce((n, [, r]) => n + r, 0) };
  };

describe('MinuteWindow', () => {
  it('lets 30 go and then waits until the oldest is a minute old', () => {
    const w = new MinuteWindow(limits);
    for (let i = 0; i < 30; i++) w.reserve(1_000 + i * 100).settle(1_000 + i * 100);
    expect(w.waitMs(5_000)).toBe(1_000 + 60_000 - 5_000);
    expect(w.waitMs(61_000)).toBe(0);
  });

  it('counts sends in flight and forgets released ones', () => {
    const w = new MinuteWindow({ ...limits, messagesPerMinute: 2 });
    const a = w.reserve(0);
    w.reserve(0);
    expect(w.waitMs(10)).toBeGreaterThan(0);
    a.release();
    expect(w.waitMs(10)).toBe(0);
  });

  it('keeps a send at the later of its start and its recorded time', () => {
    const w = new MinuteWindow({ ...limits, messagesPerMinute: 1 });
    w.reserve(0).settle(5_000);
    expect(w.waitMs(10_000)).toBe(55_000);
  });
});

describe('rebuildMinuteWindow', () => {
  it('finds each send of the last minute no earlier than it happened', async () => {
    const now = 10 * 60_000;
    const sends: Array<[number, number]> = [
      [now - 120_000, 1], // outside the minute
      [now - 59_000, 1],
      [now - 30_000, 1],
      [now - 30_050, 1],
      [now - 1_000, 1],
    ];
    const times = await rebuildMinuteWindow(counterOf(sends), now, 100);
    expect(times).toHaveLength(4);
    const real = [now - 59_000, now - 30_050, now - 30_000, now - 1_000];
    times.forEach((t, i) => {
      expect(t).toBeGreaterThanOrEqual(real[i]!);
      expect(t - real[i]!).toBeLessThanOrEqual(100);
    });
  });
});

describe('dayWaitMs', () => {
  it('is 0 with room, Infinity beyond the daily limit, else until enough leave the day', async () => {
    const now = 2 * DAY_MS;
    const sends: Array<[number, number]> = [
      [now - 20 * 3_600_000, 6_000],
      [now - 2 * 3_600_000, 3_000],
    ];
    const count = counterOf(sends);
    expect(await dayWaitMs(count, now, limits, 1_000)).toBe(0);
    expect(await dayWaitMs(count, now, limits, 10_001)).toBe(Infinity);
    const wait = await dayWaitMs(count, now, limits, 2_000);
    // The 6,000 of 20 hours ago leave the window in 4 hours.
    expect(wait).toBeGreaterThanOrEqual(4 * 3_600_000);
    expect(wait).toBeLessThanOrEqual(4 * 3_600_000 + 60_000);
  });
});
