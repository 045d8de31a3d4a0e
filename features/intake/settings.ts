// Intake's own persisted facts, per shared mailbox, in the store's settings: the go-live instant
// (mails received before it are history: filed and recorded, never answered) and a generated webhook
// clientState when none is configured. First writer wins, so instances starting together agree.
import { randomBytes } from 'node:crypto';
import type { IntakeContext } from './context.js';

const goLiveKey = (mailbox: string): string => `intake.go-live:${mailbox}`;
const clientStateKey = (mailbox: string): string => `intake.webhook-client-state:${mailbox}`;

const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** The go-live instant, set to `candidate` (the first sync's start) the first time it is asked for. */
export async function ensureGoLive(ctx: IntakeContext, candidate: Date): Promise<Date> {
  const key = goLiveKey(ctx.mailbox);
  const stored = await ctx.store.settings.get(key);
  if (isInstant(stored)) return new Date(stored);
  // Graph's receivedDateTime has whole seconds: a mail in the go-live second counts as live.
  const iso = new Date(Math.floor(candidate.getTime() / 1000) * 1000).toISOString();
  let goLive: string;
  if (stored === undefined) {
    goLive = await ctx.store.settings.getOrSet(key, iso);
  } else {
    await ctx.store.settings.set(key, iso);
    goLive = iso;
  }
  if (goLive === iso) {
    ctx.logger.info(
      { mailbox: ctx.mailbox, goLive },
      'intake goes live: earlier mail is filed without replies',
    );
  }
  return new Date(goLive);
}

export async function getGoLive(ctx: IntakeContext): Promise<Date | undefined> {
  const stored = await ctx.store.settings.get(goLiveKey(ctx.mailbox));
  return isInstant(stored) ? new Date(stored) : undefined;
}

/** The configured clientState, or one generated once and kept in the store. */
export async function ensureClientState(ctx: IntakeContext, configured?: string): Promise<string> {
  if (configured !== undefined && configured !== '') return configured;
  const key = clientStateKey(ctx.mailbox);
  const stored = await ctx.store.settings.get(key);
  if (typeof stored === 'string' && stored !== '') return stored;
  const generated = randomBytes(24).toString('base64url');
  if (stored === undefined) return ctx.store.settings.getOrSet(key, generated);
  await ctx.store.settings.set(key, generated);
  return generated;
}
