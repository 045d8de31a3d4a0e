// Routing onto the features' bot contributions (bot/contributions.ts): a message goes to the command
// that scores it highest, an Action.Execute invoke to the action registered under its verb. Pure
// apart from the contributions themselves, so it is tested without the SDK.
import type { Locale } from '../core/model.js';
import type { BotAction, BotCommand, BotContribution, BotTurn } from './contributions.js';

/** Below this score a command is a guess, and the help card is the better answer. */
export const MIN_COMMAND_SCORE = 0.5;

/**
 * The text a command sees: mentions (<at>…</at>, in channels and group chats) and a leading '/'
 * removed, spaces collapsed, trimmed. Case and punctuation stay (unit names, questions).
 */
export function commandText(text: string | undefined | null): string {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/^\s*\//, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The best-scoring command for the text; ties go to the contribution listed first. */
export function bestCommand(
  contributions: readonly BotContribution[],
  text: string,
  locale: Locale,
): { command: BotCommand; score: number } | undefined {
  let best: { command: BotCommand; score: number } | undefined;
  for (const contribution of contributions)
    for (const command of contribution.commands ?? []) {
      let score = 0;
      try {
        score = command.match(text, locale);
      } catch {
        score = 0; // a broken matcher must not take the whole bot down
      }
      if (!Number.isFinite(score) || score < MIN_COMMAND_SCORE) continue;
      if (!best || score > best.score) best = { command, score };
    }
  return best;
}

export function actionFor(
  contributions: readonly BotContribution[],
  verb: string,
): BotAction | undefined {
  for (const contribution of contributions) {
    const actions = contribution.actions;
    if (actions && Object.prototype.hasOwnProperty.call(actions, verb)) return actions[verb];
  }
  return undefined;
}

export type ConversationType = BotTurn['conversationType'];

export function conversationTypeOf(value: unknown): ConversationType {
  return value === 'channel' || value === 'groupChat' ? value : 'personal';
}

/** The answer to a card action whose verb no feature knows (a stale card, or a forged one). */
export const UNKNOWN_ACTION = {
  sv: 'Den här knappen gäller inte längre (kortet är gammalt). Inget har ändrats. Skriv ”hjälp” för att se vad jag kan göra.',
  en: 'This button no longer applies (the card is out of date). Nothing was changed. Write "help" to see what I can do.',
} as const;
