// Delivery's public surface: reach a person with a card (Teams 1:1, mail fallback, once per person).
export {
  createDelivery,
  localeOfLanguage,
  type Delivery,
  type DeliveryDeps,
  type DeliverableCard,
  type DeliveryMessage,
  type DeliveryOutcome,
  type DeliveryResult,
  type MailContent,
  type Person,
  type Recipient,
} from './service.js';
export {
  ADAPTIVE_CARD_CONTENT_TYPE,
  ConnectorError,
  type BotConnector,
  type ConversationTarget,
  type OutboundActivity,
} from './connector.js';
export {
  TeamsRateLimiter,
  TEAMS_PER_APP,
  TEAMS_PER_CONVERSATION,
  type LimiterClock,
} from './limits.js';
