// A named lock across instances (the store's job leases), waited for by polling: two parts of a split
// submission processed at once must not both conclude that the other part is still missing.
import type { IntakeContext } from './context.js';

export async function withLock<T>(
  ctx: IntakeContext,
  name: string,
  work: () => Promise<T>,
  options: { leaseMs?: number; waitMs?: number } = {},
): Promise<T> {
  const leaseMs = options.leaseMs ?? 120_000;
  const deadline = Date.now() + (options.waitMs ?? 60_000);
  for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
    if (await ctx.store.locks.tryAcquire(name, ctx.instanceId, leaseMs)) break;
    if (Date.now() > deadline) throw new Error(`lock ${name} is held elsewhere`);
    await new Promise((r) => setTimeout(r, delay));
  }
  try {
    return await work();
  } finally {
    await ctx.store.locks.release(name, ctx.instanceId).catch(() => undefined);
  }
}
