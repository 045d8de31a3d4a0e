// The Bot Connector as delivery sees it: create a user's 1:1 conversation, post an activity, update
// one. The host gives delivery an implementation (bot/connector-client.ts over HTTP: a token in tenant
// mode, the emulator's stand-in locally), so features never import bot/ or the Agents SDK.

/** Where a personal chat lives: the Bot Connector's base URL and the conversation's id. */
export interface ConversationTarget {
  serviceUrl: string;
  conversationId: string;
}

/** The outgoing activity: a message with an Adaptive Card attachment (or plain text). */
export interface OutboundActivity {
  type: 'message';
  text?: string;
  summary?: string;
  attachments?: { contentType: string; content: unknown }[];
}

export interface BotConnector {
  /**
   * Creates, or returns the existing, personal chat between the bot and the user with this Entra
   * object id (Teams answers 403 when the app is not installed for the user).
   */
  createPersonalConversation(input: {
    serviceUrl: string;
    tenantId?: string;
    userObjectId: string;
  }): Promise<{ conversationId: string }>;
  postActivity(target: ConversationTarget, activity: OutboundActivity): Promise<{ id: string }>;
  updateActivity(
    target: ConversationTarget,
    activityId: string,
    activity: OutboundActivity,
  ): Promise<void>;
}

/** A Bot Connector answer other than success, typed for delivery's decisions. */
export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';
  constructor(
    message: string,
    /** HTTP status (0 for a transport failure). */
    readonly status: number,
    /** The error code or subCode Teams gave (MessageWritesBlocked, ForbiddenOperationException, ...). */
    readonly code?: string,
    /** Retry-After in milliseconds, on 429. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
