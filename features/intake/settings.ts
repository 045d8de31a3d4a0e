// Intake's own persisted facts: the go-live instant (mails received before it are history: filed and
// recorded, never answered) and a generated webhook clientState when none is configured. The store
// has no key-value table, so these live in the sync table under reserved "folder" keys that no Graph
// folder id can take (they start with '#').
import { randomBytes } from 'node:crypto';
import type { IntakeContext } from './context.js';

const GO_LIVE = '#intake-go-live';
const CLIENT_STATE = '#webhook-client-state';

/** The go-live instant, set to `candidate` (the first sync's start) the first time it is asked for. */
export async function ensureGoLive(ctx: IntakeContext, candidate: Date): Promise<Date> {
  const stored = await ctx.store.sync.getDeltaLink(ctx.mailbox, GO_LIVE);
  if (stored !== undefined && !Number.isNaN(Date.parse(stored))) return new Date(stored);
  // Graph's receivedDateTime has whole seconds: a mail in the go-live second counts as live.
  candidate = new Date(Math.floor(candidate.getTime() / 1000) * 1000);
  await ctx.store.sync.setDeltaLink(ctx.mailbox, GO_LIVE, candidate.toISOString());
  ctx.logger.info(
    { mailbox: ctx.mailbox, goLive: candidate.toISOString() },
    'intake goes live: earlier mail is filed without replies',
  );
  return candidate;
}

export async function getGoLive(ctx: IntakeContext): Promise<Date | undefined> {
  const stored = await ctx.store.sync.getDeltaLink(ctx.mailbox, GO_LIVE);
  return stored === undefined ? undefined : new Date(stored);
}

/** The configured clientState, or one generated once and kept in the store. */
export async function ensureClientState(ctx: IntakeContext, configured?: string): Promise<string> {
  if (configured !== undefined && configured !== '') return configured;
  const stored = await ctx.store.sync.getDeltaLink(ctx.mailbox, CLIENT_STATE);
  if (stored) return stored;
  const generated = randomBytes(24).toString('base64url');
  await ctx.store.sync.setDeltaLink(ctx.mailbox, CLIENT_STATE, generated);
  return generated;
}

/** True for sync-table keys that are intake settings, not Graph folders. */
export function isSettingKey(folderId: string): boolean {
  return folderId.startsWith('#');
}
