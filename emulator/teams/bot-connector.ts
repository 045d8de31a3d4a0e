// The Bot Connector stand-in at <emulator>/smba/: the REST API Teams gives a bot at its serviceUrl.
//   POST /smba/v3/conversations                      a user's 1:1 chat (members[0].id = Entra object id)
//   POST /smba/v3/conversations/{id}/activities[/{replyToId}]   post into it
//   PUT  /smba/v3/conversations/{id}/activities/{activityId}    update a posted activity
// Never kinder than Teams (Microsoft Teams platform docs):
// - "Send proactive messages": creating a personal conversation by aadObjectId when the app is not
//   installed for the user answers 403 ForbiddenOperationException; a user who blocked the bot gets
//   403 with subCode MessageWritesBlocked.
// - "Optimize your bot: rate limiting and best practices": per bot per conversation 7/1 s, 8/2 s,
//   60/30 s, 1,800/h, and about 50 requests/s per app per tenant, over which Teams answers 429.
// - Random 429s when asked: the `throttle` fault (e.g. { ratio: 0.05, pathContains: "/smba/" }).
// Installing the app through Graph makes Teams send the bot conversationUpdate and installationUpdate
// (see installed() below), with serviceUrl = this stand-in.
import type { Faults } from '../faults.js';
import { GraphError } from '../errors.js';
import { guid } from '../ids.js';
import type { GraphResponse } from '../router.js';
import type { Store } from '../state/store.js';
import { changed, chatById, chatOf, type TeamsChatRec } from './chats.js';

const PER_CONVERSATION = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1_800 },
];
const PER_APP = [{ ms: 1_000, max: 50 }];

export interface TeamsLogger {
  warn: (obj: unknown, msg?: string) => void;
}

export interface TeamsStandIn {
  handle(method: string, parts: string[], body: unknown): GraphResponse;
  /** The app was installed for this user through Graph: tell the bot, as Teams does. */
  installed(userId: string): void;
  /** The activities the bot posted into the user's chat, oldest first. */
  messages(upn: string): Array<Record<string, unknown>>;
  block(upn: string): void;
  setBotEndpoint(url: string | undefined): void;
  /** Sends to the bot still in flight (tests wait for them). */
  settled(): Promise<void>;
  stats(): { posted: number; updated: number; throttled: number; blocked: number };
}

export function createTeamsStandIn(deps: {
  store: Store;
  faults: Faults;
  origin: () => string;
  botEndpoint?: string;
  logger?: TeamsLogger;
}): TeamsStandIn {
  const { store } = deps;
  let botEndpoint = deps.botEndpoint;
  const windows = new Map<string, number[]>();
  const inFlight = new Set<Promise<void>>();
  const counts = { posted: 0, updated: 0, throttled: 0, blocked: 0 };
  const serviceUrl = () => `${deps.origin()}/smba/`;
  const botId = () => `28:${store.data.apps[0]?.clientId ?? 'bot'}`;

  /** Seconds to wait when one more request would break a window; counts the request otherwise. */
  const overLimit = (key: string, limits: typeof PER_APP): number | undefined => {
    const now = Date.now();
    const times = (windows.get(key) ?? []).filter((t) => t > now - 3_600_000);
    windows.set(key, times);
    for (const w of limits) {
      const recent = times.filter((t) => t > now - w.ms);
      if (recent.length >= w.max) return Math.max(1, Math.ceil((recent[0]! + w.ms - now) / 1000));
    }
    return undefined;
  };
  const admit = (conversationId: string): GraphResponse | undefined => {
    try {
      deps.faults.inject(`/smba/v3/conversations/${conversationId}/activities`);
    } catch (e) {
      if (e instanceof GraphError && e.status === 429) return tooMany(e.headers?.['Retry-After']);
      throw e;
    }
    const wait =
      overLimit('app', PER_APP) ?? overLimit(`conversation:${conversationId}`, PER_CONVERSATION);
    if (wait !== undefined) return tooMany(String(wait));
    const now = Date.now();
    windows.get('app')!.push(now);
    windows.get(`conversation:${conversationId}`)!.push(now);
    return undefined;
  };
  const tooMany = (retryAfter: string | undefined): GraphResponse => {
    counts.throttled++;
    return {
      status: 429,
      headers: { 'Retry-After': retryAfter ?? '1' },
      body: { error: { code: 'TooManyRequests', message: 'Too many requests.' } },
    };
  };
  const blocked = (): GraphResponse => {
    counts.blocked++;
    return {
      status: 403,
      body: {
        error: {
          code: 'ConversationBlockedByUser',
          subCode: 'MessageWritesBlocked',
          message: 'User blocked the conversation with the bot.',
        },
      },
    };
  };
  const error = (status: number, code: string, message: string): GraphResponse => ({
    status,
    body: { error: { code, message } },
  });
  const installedFor = (userId: string) => (store.data.installedApps[userId] ?? []).length > 0;

  function postInto(chat: TeamsChatRec, body: Record<string, unknown>): GraphResponse {
    const id = `1${Date.now()}${String(chat.activities.length).padStart(4, '0')}`;
    chat.activities.push({
      ...body,
      id,
      timestamp: store.nowIso(),
      from: { id: botId() },
      conversation: { id: chat.conversationId, conversationType: 'personal' },
    });
    counts.posted++;
    changed(store, chat);
    return { status: 201, body: { id } };
  }

  function sendToBot(activity: Record<string, unknown>): void {
    if (!botEndpoint) return;
    const target = botEndpoint;
    const p = fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(15_000),
    })
      .then(async (res) => {
        await res.arrayBuffer();
        if (!res.ok) deps.logger?.warn({ status: res.status, target }, 'bot refused an activity');
      })
      .catch((err: unknown) =>
        deps.logger?.warn(
          { err: String((err as Error)?.message ?? err), target },
          'bot unreachable',
        ),
      )
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  return {
    handle(method, parts, body) {
      // parts: ['v3', 'conversations', id?, 'activities'?, activityId?]
      if (parts[0] !== 'v3' || parts[1] !== 'conversations')
        return error(404, 'NotFound', `No route for ${method} /smba/${parts.join('/')}`);
      const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
      if (parts.length === 2 && method === 'POST') {
        const members = b.members as Array<{ id?: unknown }> | undefined;
        const memberId = typeof members?.[0]?.id === 'string' ? members[0].id : undefined;
        if (!memberId || (members?.length ?? 0) !== 1 || b.isGroup === true)
          return error(400, 'BadArgument', 'A personal conversation needs exactly one member.');
        const user = store.findUser(memberId.replace(/^29:/, ''));
        if (!user?.id) return error(404, 'NotFound', 'The member was not found in the tenant.');
        if (!installedFor(user.id))
          return error(
            403,
            'ForbiddenOperationException',
            "Bot is not installed in user's personal scope",
          );
        const chat = chatOf(store, user.id);
        if (chat.blocked) return blocked();
        changed(store, chat);
        return { status: 201, body: { id: chat.conversationId } };
      }
      const conversationId = decodeURIComponent(parts[2] ?? '');
      const chat = chatById(store, conversationId);
      if (!chat) return error(404, 'ConversationNotFound', 'Conversation not found.');
      if (parts[3] !== 'activities')
        return error(404, 'NotFound', `No route for ${method} /smba/${parts.join('/')}`);
      if (chat.blocked) return blocked();
      if (typeof b.type !== 'string') return error(400, 'BadArgument', 'The activity has no type.');
      const limited = admit(conversationId);
      if (limited) return limited;
      if (method === 'POST' && parts.length <= 5) return postInto(chat, b);
      if (method === 'PUT' && parts.length === 5) {
        const activityId = decodeURIComponent(parts[4]!);
        const index = chat.activities.findIndex((a) => a.id === activityId);
        if (index < 0) return error(404, 'ActivityNotFound', 'Activity not found.');
        chat.activities[index] = {
          ...b,
          id: activityId,
          timestamp: chat.activities[index]!.timestamp,
          lastUpdated: store.nowIso(),
          from: { id: botId() },
          conversation: { id: chat.conversationId, conversationType: 'personal' },
        };
        counts.updated++;
        changed(store, chat);
        return { status: 200, body: { id: activityId } };
      }
      return error(405, 'MethodNotAllowed', `${method} is not supported here.`);
    },

    installed(userId) {
      const user = store.findUser(userId);
      if (!user?.id) return;
      const chat = chatOf(store, user.id);
      changed(store, chat);
      const common = {
        channelId: 'msteams',
        serviceUrl: serviceUrl(),
        timestamp: store.nowIso(),
        from: { id: `29:${user.id}`, aadObjectId: user.id, name: user.displayName ?? undefined },
        recipient: { id: botId(), name: store.data.apps[0]?.displayName },
        conversation: {
          id: chat.conversationId,
          conversationType: 'personal',
          tenantId: store.data.tenantId,
        },
        channelData: { tenant: { id: store.data.tenantId } },
        locale: user.preferredLanguage ?? 'sv-SE',
      };
      sendToBot({
        ...common,
        type: 'installationUpdate',
        id: `f:${guid()}`,
        action: 'add',
      });
      sendToBot({
        ...common,
        type: 'conversationUpdate',
        id: `f:${guid()}`,
        membersAdded: [{ id: botId() }],
      });
    },

    messages(upn) {
      const user = store.findUser(upn);
      if (!user?.id) throw new GraphError(404, 'NotFound', `No user ${upn}`);
      return structuredClone(store.data.teamsChats?.[user.id]?.activities ?? []);
    },

    block(upn) {
      const user = store.findUser(upn);
      if (!user?.id) throw new GraphError(404, 'NotFound', `No user ${upn}`);
      const chat = chatOf(store, user.id);
      chat.blocked = true;
      changed(store, chat);
    },

    setBotEndpoint(url) {
      botEndpoint = url;
    },

    async settled() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },

    stats: () => ({ ...counts }),
  };
}
