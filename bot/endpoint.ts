// The bot's HTTP endpoint on the Agents SDK: a CloudAdapter whose auth settings come from our config
// module (never the SDK's own environment reading), JWT validation when an app id is configured, and
// a check that the body is an activity before the SDK sees it.
import {
  CloudAdapter,
  type AuthConfiguration,
  type Request as SdkRequest,
  type WebResponse,
} from '@microsoft/agents-hosting';
import { z } from 'zod';
import { createBotAgent, type BotDeps } from './agent.js';

export interface BotAuthSettings {
  /** The bot's Entra app id; without it the endpoint is anonymous (local mode, loopback only). */
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  /** Entra authority host (https://login.microsoftonline.com); signing keys for Entra-issued tokens. */
  authorityHost?: string;
}

export interface BotRequest {
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  method?: string;
  user?: Record<string, unknown>;
}

export interface BotEndpoint {
  /** True when activities must carry a valid Bot Framework / Entra JWT. */
  readonly authenticated: boolean;
  readonly adapter: CloudAdapter;
  /** Checks the Authorization header; answers 401 itself, else calls next(). */
  authorize(req: BotRequest, res: WebResponse, next: (err?: unknown) => void): Promise<void>;
  /** Runs one activity through the bot; answers 200 (with expectReplies' activities) or 400. */
  process(req: BotRequest, res: WebResponse): Promise<void>;
}

/** The body is not an activity the SDK can take: answered 400 with this message. */
export class MalformedActivityError extends Error {
  override readonly name = 'MalformedActivityError';
}

const CONNECTION = 'serviceConnection';

export function authConfigFor(settings: BotAuthSettings): AuthConfiguration {
  if (!settings.appId) return {};
  const connection: AuthConfiguration = {
    clientId: settings.appId,
    clientSecret: settings.appPassword,
    tenantId: settings.tenantId,
    ...(settings.authorityHost ? { authorityEndpoint: settings.authorityHost } : {}),
    validateIssuer: true,
  };
  return {
    ...connection,
    connections: new Map([[CONNECTION, connection]]),
    connectionsMap: [{ serviceUrl: '*', connection: CONNECTION }],
  };
}

export function createBotEndpoint(settings: BotAuthSettings, deps: BotDeps = {}): BotEndpoint {
  const authConfig = authConfigFor(settings);
  const adapter = new CloudAdapter(authConfig);
  const agent = createBotAgent(adapter, deps);

  return {
    authenticated: Boolean(settings.appId),
    adapter,
    async authorize(req, res, next) {
      if (!settings.appId) {
        // No app id: nothing to validate a token against. The server only lets loopback callers here.
        req.user = { name: 'anonymous' };
        next();
        return;
      }
      // The adapter's own JWT middleware (authorizeJWT) with the settings above.
      await adapter.authorizeRequest(req as SdkRequest, res, next);
    },
    async process(req, res) {
      checkActivity(req.body);
      try {
        await adapter.process(req as SdkRequest, wireResponse(res), (context) =>
          agent.run(context),
        );
      } catch (err) {
        // The SDK validates the activity with zod; a schema failure is the caller's fault.
        if (err instanceof Error && err.name === 'ZodError') {
          throw new MalformedActivityError(`The activity is malformed: ${zodSummary(err)}`);
        }
        throw err;
      }
    },
  };
}

/**
 * expectReplies answers carry the SDK's Activity objects, whose JSON would say `_channelId`;
 * Bot Framework clients read `channelId`, so the replies go out in wire form.
 */
function wireResponse(res: WebResponse): WebResponse {
  const toWire = (body: unknown): unknown => {
    const activities = (body as { activities?: unknown } | undefined)?.activities;
    if (!Array.isArray(activities)) return body;
    return {
      ...(body as object),
      activities: activities.map((a: unknown) =>
        typeof (a as { toJsonString?: unknown })?.toJsonString === 'function'
          ? (JSON.parse((a as { toJsonString(): string }).toJsonString()) as unknown)
          : a,
      ),
    };
  };
  const wrapper: WebResponse = {
    status(code) {
      res.status(code);
      return wrapper;
    },
    setHeader(name, value) {
      res.setHeader(name, value);
      return wrapper;
    },
    send(body) {
      res.send(toWire(body));
      return wrapper;
    },
    end() {
      res.end();
      return wrapper;
    },
    get headersSent() {
      return res.headersSent;
    },
    get writableEnded() {
      return res.writableEnded;
    },
  };
  return wrapper;
}

// What every activity Teams (and the Playground) sends carries; without it the SDK fails deep inside
// a turn (a 500, or "something went wrong" to the user). Checked here, answered 400 naming the field.
const id = z.string().min(1).max(1024);
const ACTIVITY = z.looseObject({
  type: id,
  channelId: id,
  from: z.looseObject({ id }),
  recipient: z.looseObject({ id }),
  conversation: z.looseObject({ id }),
});

function checkActivity(body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new MalformedActivityError('The body must be a JSON object (a Bot Framework activity).');
  }
  const parsed = ACTIVITY.safeParse(body);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.map(String).join('.')))];
    throw new MalformedActivityError(
      `The activity is missing or has an invalid ${fields.map((f) => `"${f}"`).join(', ')}.`,
    );
  }
}

function zodSummary(err: Error): string {
  const issues = (err as Error & { issues?: Array<{ path: PropertyKey[]; message: string }> })
    .issues;
  if (!Array.isArray(issues) || issues.length === 0) return err.message;
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
