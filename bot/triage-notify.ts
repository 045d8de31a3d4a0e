// Proactive delivery of a card into a user's stored personal conversation (the reference the bot kept
// when the user installed it or wrote to it). Used to put new triage cards in front of coordinators;
// the SDK stays in bot/, the host decides whom to send to.
import { CardFactory, MessageFactory, type CloudAdapter } from '@microsoft/agents-hosting';
import type { ConversationReference } from '@microsoft/agents-activity';

/**
 * Sends `card` into the conversation `reference`. `botAppId` is the bot's app id; without one (local
 * mode) the SDK still needs a non-empty id and then posts without authentication to the serviceUrl.
 */
export async function sendCardProactively(
  adapter: CloudAdapter,
  botAppId: string | undefined,
  reference: unknown,
  card: { fallbackText: string },
): Promise<void> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.summary = card.fallbackText.split('\n')[0];
  await adapter.continueConversation(
    botAppId || 'local-bot',
    reference as ConversationReference,
    async (context) => {
      await context.sendActivity(activity);
    },
  );
}
