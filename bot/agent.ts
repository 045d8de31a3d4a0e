// The bot's behaviour on the Microsoft 365 Agents SDK: which activity gets which answer. Everything
// SDK-specific stays in bot/ (this file and endpoint.ts) so the SDK can be replaced in one place.
import {
  AgentApplication,
  CardFactory,
  MessageFactory,
  type CloudAdapter,
  type TurnContext,
  type TurnState,
} from '@microsoft/agents-hosting';
import { Activity, ActivityTypes, type ConversationReference } from '@microsoft/agents-activity';
import type { Locale } from '../core/model.js';
import { parseCommand } from './commands.js';
import { deadlinesCard, type DeadlinesCardData } from '../cards/deadlines.js';
import { helpCard } from '../cards/help.js';
import { localeOf } from './locale.js';
import { userMessageFor } from './errors.js';
import { registerTriage, type TriageBackend } from './triage.js';
import type { BotContribution, BotReply, BotTurn } from './contributions.js';
import {
  actionFor,
  bestCommand,
  commandText,
  conversationTypeOf,
  UNKNOWN_ACTION,
} from './routing.js';

/** What the bot needs from the rest of the app; the server wires these up. */
export interface BotDeps {
  /** The tab's public address for "open the overview" buttons. */
  tabUrl?: string;
  /** The cycle's next deadlines for the "tidsplan"/"deadlines" command. */
  deadlines?: (locale: Locale) => Promise<DeadlinesCardData | undefined>;
  /**
   * Called with every conversation the bot is part of (on install and on each message), so
   * proactive reminders can reach it later. The proactive-messaging feature stores these.
   */
  onConversationReference?: (
    reference: ConversationReference,
    context: TurnContext,
  ) => Promise<void>;
  /** The mailbox intake's triage list ("granska"/"triage" and the triage card's actions). */
  triage?: () => TriageBackend | undefined;
  /** Where turn errors are reported (the server's logger). */
  onError?: (error: unknown, context: TurnContext) => void;
  /**
   * The features' commands and card actions, asked at each turn (features start after the bot).
   */
  contributions?: () => readonly BotContribution[];
  /** After this long without an answer the user sees the typing indicator (default 300 ms). */
  typingAfterMs?: number;
}

export function createBotAgent(
  adapter: CloudAdapter,
  deps: BotDeps = {},
): AgentApplication<TurnState> {
  const agent = new AgentApplication<TurnState>({ adapter, removeRecipientMention: true });
  if (deps.triage) registerTriage(agent, deps.triage);

  const remember = async (context: TurnContext) => {
    if (!deps.onConversationReference) return;
    await deps.onConversationReference(context.activity.getConversationReference(), context);
  };

  agent.onConversationUpdate('membersAdded', async (context) => {
    await remember(context);
    const added = context.activity.membersAdded ?? [];
    const botId = context.activity.recipient?.id;
    // Welcome when the app arrives: in a personal chat, or when the bot itself joins a team or group
    // chat. People joining a team later get no card in the channel (that would be noise for everyone).
    const botJoined = added.some((member) => member.id === botId);
    if (botJoined || context.activity.conversation?.conversationType === 'personal') {
      const locale = localeOf(context.activity.locale);
      await context.sendActivity(
        MessageFactory.attachment(
          CardFactory.adaptiveCard(helpCard({ locale, tabUrl: deps.tabUrl, welcome: true })),
        ),
      );
    }
  });

  agent.onActivity('message', async (context) => {
    await remember(context);
    const locale = localeOf(context.activity.locale);
    const command = parseCommand(context.activity.text);
    switch (command.kind) {
      case 'help': {
        const examples = await examplesFor(deps, turnOf(context, locale));
        await sendCard(context, helpCard({ locale, tabUrl: deps.tabUrl, examples }));
        return;
      }
      case 'deadlines': {
        const data = deps.deadlines ? await deps.deadlines(locale) : undefined;
        await sendCard(
          context,
          data ? deadlinesCard(data) : helpCard({ locale, tabUrl: deps.tabUrl }),
        );
        return;
      }
      case 'unrecognised': {
        const turn = turnOf(context, locale);
        const best = bestCommand(deps.contributions?.() ?? [], turn.text, locale);
        if (best) {
          const replies = await withTyping(context, deps.typingAfterMs ?? 300, () =>
            best.command.handle(turn),
          );
          for (const reply of Array.isArray(replies) ? replies : [replies])
            await sendReply(context, reply);
          return;
        }
        const examples = await examplesFor(deps, turn);
        await sendCard(
          context,
          helpCard({ locale, tabUrl: deps.tabUrl, unrecognised: command.text, examples }),
        );
        return;
      }
    }
  });

  // Every other Action.Execute verb (triage's own are registered above, and win): the features'
  // actions by verb. An unknown verb (a stale or forged card) gets a message and changes nothing.
  type ExecuteHandler = Parameters<typeof agent.adaptiveCards.actionExecute>[1];
  type CardJson = Exclude<Awaited<ReturnType<ExecuteHandler>>, string>;
  agent.adaptiveCards.actionExecute<Record<string, unknown>>(
    /^/,
    async (context, _state, action) => {
      const locale = localeOf(context.activity.locale);
      const verb = typeof action.verb === 'string' ? action.verb : '';
      const handler = actionFor(deps.contributions?.() ?? [], verb);
      if (!handler) return UNKNOWN_ACTION[locale];
      const turn = turnOf(context, locale);
      const automatic = (context.activity.value as { trigger?: unknown } | undefined)?.trigger;
      const result =
        automatic === 'automatic' && handler.refresh
          ? await handler.refresh(turn, action.data)
          : await handler.handle(turn, action.data);
      return 'card' in result ? (result.card as unknown as CardJson) : result.message;
    },
  );

  agent.onError(async (context, error) => {
    deps.onError?.(error, context);
    const locale = localeOf(context.activity.locale);
    await context.sendActivity(MessageFactory.text(userMessageFor(error, locale)));
  });

  return agent;
}

/** The features' examples for this person's roles; a failing feature only loses its own. */
async function examplesFor(deps: BotDeps, turn: BotTurn): Promise<string[]> {
  const lists = await Promise.all(
    (deps.contributions?.() ?? []).map((c) => c.help?.(turn).catch(() => []) ?? []),
  );
  return [...new Set(lists.flat())].slice(0, 12);
}

/** Who is speaking and where, for a feature's command or action. */
function turnOf(context: TurnContext, locale: Locale): BotTurn {
  const { from, conversation } = context.activity;
  return {
    ...(from?.aadObjectId ? { userObjectId: from.aadObjectId } : {}),
    ...(from?.name ? { userName: from.name } : {}),
    locale,
    text: commandText(context.activity.text),
    conversationType: conversationTypeOf(conversation?.conversationType),
  };
}

/** Runs `work`; if it takes longer than `afterMs`, Teams shows "…is typing" meanwhile. */
async function withTyping<T>(context: TurnContext, afterMs: number, work: () => Promise<T>) {
  let typing: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    typing = context.sendActivity(new Activity(ActivityTypes.Typing)).catch(() => undefined);
  }, afterMs);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    await typing;
  }
}

async function sendReply(context: TurnContext, reply: BotReply): Promise<void> {
  if (reply.card) {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
    if (reply.text) activity.text = reply.text;
    activity.summary = (reply.text ?? reply.card.fallbackText).split('\n')[0];
    await context.sendActivity(activity);
  } else if (reply.text) {
    await context.sendActivity(MessageFactory.text(reply.text));
  }
}

async function sendCard(context: TurnContext, card: { fallbackText: string }): Promise<void> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  // Notifications and clients without card support show the summary.
  activity.summary = card.fallbackText.split('\n')[0];
  await context.sendActivity(activity);
}
