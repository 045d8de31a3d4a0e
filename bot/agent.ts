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
import type { ConversationReference } from '@microsoft/agents-activity';
import type { Locale } from '../core/model.js';
import { parseCommand } from './commands.js';
import { deadlinesCard, type DeadlinesCardData } from '../cards/deadlines.js';
import { helpCard } from '../cards/help.js';
import { localeOf } from './locale.js';
import { userMessageFor } from './errors.js';
import { registerTriage, type TriageBackend } from './triage.js';

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
      case 'help':
        await sendCard(context, helpCard({ locale, tabUrl: deps.tabUrl }));
        return;
      case 'deadlines': {
        const data = deps.deadlines ? await deps.deadlines(locale) : undefined;
        await sendCard(
          context,
          data ? deadlinesCard(data) : helpCard({ locale, tabUrl: deps.tabUrl }),
        );
        return;
      }
      case 'unrecognised':
        await sendCard(
          context,
          helpCard({ locale, tabUrl: deps.tabUrl, unrecognised: command.text }),
        );
        return;
    }
  });

  agent.onError(async (context, error) => {
    deps.onError?.(error, context);
    const locale = localeOf(context.activity.locale);
    await context.sendActivity(MessageFactory.text(userMessageFor(error, locale)));
  });

  return agent;
}

async function sendCard(context: TurnContext, card: { fallbackText: string }): Promise<void> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  // Notifications and clients without card support show the summary.
  activity.summary = card.fallbackText.split('\n')[0];
  await context.sendActivity(activity);
}
