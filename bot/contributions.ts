// The bot's registration seam: what a feature (reminders, visits, status, triage) adds to the bot
// without editing bot/ internals. The server collects these from the features it starts and hands
// them to createBotAgent; the bot routes messages and Action.Execute invokes onto them.
// Nothing here is SDK-specific, so features' adapters (server/jobs/*) can build contributions.
import type { AdaptiveCard } from '../cards/types.js';
import type { Locale } from '../core/model.js';

/** Who is speaking and where, as the bot resolved it for one turn. */
export interface BotTurn {
  /** Entra object id of the sender (Teams gives it as from.aadObjectId). */
  userObjectId?: string;
  userName?: string;
  locale: Locale;
  /** The message text, mention removed and trimmed (empty for invokes). */
  text: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
}

/** One answer: a card, a text, or both; several answers go out in order. */
export interface BotReply {
  text?: string;
  card?: AdaptiveCard;
}

export interface BotCommand {
  /** For logs and the help card. */
  name: string;
  /** Examples shown in the help card for the roles that may use the command. */
  examples?: Partial<Record<Locale, string[]>>;
  /** A score in 0..1 of how well the text asks for this command (0 = not this); highest wins. */
  match(text: string, locale: Locale): number;
  handle(turn: BotTurn): Promise<BotReply | BotReply[]>;
}

/** The answer to an Action.Execute invoke: the card that replaces the one acted on, or a message. */
export type BotActionResult = { card: AdaptiveCard } | { message: string };

export interface BotAction {
  /** Handles one Action.Execute verb; `data` is the action's data, untrusted: validate it (zod). */
  handle(turn: BotTurn, data: unknown): Promise<BotActionResult>;
  /** Universal Actions refresh of a card showing this verb's subject (optional). */
  refresh?(turn: BotTurn, data: unknown): Promise<BotActionResult>;
}

export interface BotContribution {
  commands?: BotCommand[];
  /** Example messages for this person's roles, shown in the help card (empty: none for them). */
  help?(turn: BotTurn): Promise<string[]>;
  /** Keyed by verb, prefixed by the feature ("reminder.snooze", "visit.book"). */
  actions?: Record<string, BotAction>;
}
