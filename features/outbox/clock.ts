// The outbox's notion of time: now() and an abortable sleep(), injected so tests run on fake timers
// and the benchmark on a scaled clock (one emulator minute in a second), the same clock the store
// and the emulator are given so the sending limits are measured on one time line.

export interface OutboxClock {
  now(): Date;
  /** Resolves after `ms` on this clock, or early when `signal` aborts (never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export const systemClock: OutboxClock = {
  now: () => new Date(),
  sleep: realSleep,
};

/**
 * A clock running `factor` times faster than real time from `start` (e.g. ×60: a minute per second).
 * Sleeps take 1/factor of the real time, so pacing computed on it holds on the same time line.
 */
export function scaledClock(factor: number, start: Date = new Date()): OutboxClock {
  if (!(factor > 0)) throw new RangeError(`clock factor must be positive, got ${factor}`);
  const realStart = performance.now();
  const startMs = start.getTime();
  return {
    now: () => new Date(startMs + (performance.now() - realStart) * factor),
    sleep: (ms, signal) => realSleep(ms / factor, signal),
  };
}
