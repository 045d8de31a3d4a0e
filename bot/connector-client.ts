// The Bot Connector over HTTP, the implementation delivery is given: Teams' REST API at a serviceUrl
// (POST /v3/conversations, POST/PUT /v3/conversations/{id}/activities[/{activityId}]). In tenant mode
// each call carries a token for https://api.botframework.com (client credentials of the bot's Entra
// app); in the local mode (no bot app id) calls go without one, to the emulator's stand-in.
import {
  ConnectorError,
  type BotConnector,
  type ConversationTarget,
  type OutboundActivity,
} from '../features/delivery/index.js';

export interface ConnectorClientOptions {
  /** The bot's Entra app id; without it calls are unauthenticated (local stand-in only). */
  appId?: string;
  appPassword?: string;
  /** The bot app's tenant (single-tenant bots get tokens there); default botframework.com. */
  tenantId?: string;
  authorityHost?: string;
  fetch?: typeof fetch;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
}

const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com/.default';

export function createConnectorClient(options: ConnectorClientOptions = {}): BotConnector {
  const doFetch = options.fetch ?? fetch;
  let token: { value: string; until: number } | undefined;

  async function authorization(): Promise<Record<string, string>> {
    if (!options.appId) return {};
    if (!token || token.until < Date.now() + 60_000) {
      const host = options.authorityHost ?? 'https://login.microsoftonline.com';
      const tenant = options.tenantId ?? 'botframework.com';
      const res = await doFetch(`${host}/${tenant}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: options.appId,
          client_secret: options.appPassword ?? '',
          scope: BOT_FRAMEWORK_SCOPE,
        }),
      });
      if (!res.ok)
        throw new ConnectorError(`no Bot Connector token (${res.status})`, res.status, 'token');
      const body = (await res.json()) as { access_token: string; expires_in: number };
      token = { value: body.access_token, until: Date.now() + body.expires_in * 1000 };
    }
    return { authorization: `Bearer ${token.value}` };
  }

  async function call<T>(method: string, url: string, body: unknown): Promise<T> {
    let res: Response;
    try {
      res = await doFetch(url, {
        method,
        headers: { 'content-type': 'application/json', ...(await authorization()) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (err) {
      if (err instanceof ConnectorError) throw err;
      throw new ConnectorError(String((err as Error)?.message ?? err), 0, 'transport');
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const error = (json as { error?: { code?: string; message?: string; subCode?: string } })
        ?.error;
      const retryAfter = Number(res.headers.get('retry-after'));
      throw new ConnectorError(
        error?.message ?? `HTTP ${res.status}`,
        res.status,
        error?.subCode ?? error?.code,
        Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined,
      );
    }
    return json as T;
  }

  const base = (serviceUrl: string) => serviceUrl.replace(/\/+$/, '');
  const activities = (t: ConversationTarget) =>
    `${base(t.serviceUrl)}/v3/conversations/${encodeURIComponent(t.conversationId)}/activities`;

  return {
    async createPersonalConversation({ serviceUrl, tenantId, userObjectId }) {
      const body = {
        isGroup: false,
        ...(options.appId ? { bot: { id: `28:${options.appId}` } } : {}),
        members: [{ id: userObjectId }],
        ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
      };
      const res = await call<{ id: string }>('POST', `${base(serviceUrl)}/v3/conversations`, body);
      return { conversationId: res.id };
    },
    async postActivity(target, activity: OutboundActivity) {
      const res = await call<{ id?: string }>('POST', activities(target), activity);
      return { id: res?.id ?? '' };
    },
    async updateActivity(target, activityId, activity) {
      await call('PUT', `${activities(target)}/${encodeURIComponent(activityId)}`, {
        ...activity,
        id: activityId,
      });
    },
  };
}
