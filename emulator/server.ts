// startEmulator: a local Microsoft 365 over HTTP — Entra-like token endpoint and metadata, Graph v1.0
// under /v1.0, upload sessions under /_upload and the admin API under /_admin.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdmin, type AppRegistration, type EmulatorAdmin } from './admin.js';
import { registerAdminHttp } from './admin-http.js';
import { authenticate } from './auth/guard.js';
import { createSigningKeys, storeSigningKey, type StoredSigningKey } from './auth/keys.js';
import { jwks, openIdConfiguration, tokenEndpoint, type EntraDeps } from './auth/entra.js';
import { TokenService } from './auth/tokens.js';
import { Clock } from './clock.js';
import { Dispatcher, emptyCounts } from './dispatch.js';
import { GraphError, errorBody } from './errors.js';
import { Faults, type FaultConfig } from './faults.js';
import { guid } from './ids.js';
import { Notifier } from './notifier.js';
import { parsePrefer } from './odata.js';
import { Router, type GraphRequest, type GraphResponse } from './router.js';
import { registerAttachments } from './routes/attachments.js';
import { registerBatch } from './routes/batch.js';
import { registerCalendar } from './routes/calendar.js';
import { registerCategories } from './routes/categories.js';
import type { Services } from './routes/common.js';
import { registerDelta } from './routes/delta.js';
import { registerDirectory } from './routes/directory.js';
import { registerMail } from './routes/mail.js';
import { registerSchedule } from './routes/schedule.js';
import { registerSubscriptions } from './routes/subscriptions.js';
import { registerTeamwork } from './routes/teamwork.js';
import { registerTranslateIds } from './routes/translate-ids.js';
import { loadTenant, type EmulatorTenant } from './state/load.js';
import { createTeamsStandIn, type TeamsStandIn } from './teams/bot-connector.js';
import { applyPendingMailOp } from './state/mail-ops.js';
import type { StateData } from './state/model.js';
import { StateSaver, loadStateFile } from './state/persist.js';
import { Store } from './state/store.js';

export type {
  AppRegistration,
  EmulatorAdmin,
  InboundMail,
  LifecycleEvent,
  UserTokenRequest,
} from './admin.js';
export type { FaultConfig } from './faults.js';
export type { EmulatorTenant } from './state/load.js';

export interface EmulatorLogger {
  info: (obj: unknown, msg?: string) => void;
  warn: (obj: unknown, msg?: string) => void;
  error: (obj: unknown, msg?: string) => void;
}

export interface EmulatorOptions {
  /** Default 3979; 0 picks a free port. */
  port?: number;
  host?: string;
  /** The tenant to serve (default: the seeded demo tenant from emulator/seed). */
  tenant?: EmulatorTenant;
  /** Persist state to this JSON file (loaded at start when it exists). */
  stateFile?: string;
  faults?: FaultConfig;
  now?: () => Date;
  logger?: EmulatorLogger;
  /** More app registrations (e.g. a test harness app with a wider mailbox scope). */
  extraApps?: AppRegistration[];
  /** Catalog id of the app's Teams app (teamsApp@odata.bind target). */
  teamsAppCatalogId?: string;
  /** The Teams app's manifest id (the catalog's externalId); default the app's client id. */
  teamsAppExternalId?: string;
  /** The bot's messaging endpoint (http://localhost:3978/api/messages): where Teams' activities go. */
  botEndpoint?: string;
  /** Graph's limits, overridable for tests. */
  limits?: Partial<Services['limits']>;
  /** Delegated scopes a user's on-behalf-of token gets for https://graph.microsoft.com/.default. */
  defaultDelegatedScopes?: string[];
  /** Subscription handshake and delivery timeouts (Graph: 10 s and ~3 s). */
  validationTimeoutMs?: number;
  deliveryTimeoutMs?: number;
}

export interface RunningEmulator {
  url: string;
  graphUrl: string;
  tokenUrl(tenantId?: string): string;
  tenantId: string;
  admin: EmulatorAdmin;
  /** Teams' side of the bot: the Bot Connector stand-in under /smba/. */
  teams: TeamsStandIn;
  /** Where Teams' activities for the bot go (set once the app listens). */
  setBotEndpoint(url: string | undefined): void;
  close(): Promise<void>;
}

const MAX_BODY = 160 * 1024 * 1024;

async function defaultTenant(): Promise<EmulatorTenant> {
  // Loaded lazily (and by a computed specifier) so a custom tenant never pulls the seed in.
  const spec = './seed/tenant.js';
  const mod = (await import(spec)) as {
    buildDemoTenant: () => EmulatorTenant | Promise<EmulatorTenant>;
  };
  return mod.buildDemoTenant();
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = new Clock(opts.now);
  const tenant = opts.tenant ?? (await defaultTenant());
  const initialTenant = structuredClone(tenant);
  const fresh = (): StateData =>
    loadTenant(
      structuredClone(initialTenant),
      clock,
      opts.extraApps ?? [],
      opts.teamsAppCatalogId,
      opts.teamsAppExternalId,
    );
  const fromFile = opts.stateFile ? loadStateFile(opts.stateFile) : undefined;
  const store = new Store(fromFile ?? fresh(), clock);
  const keys = await createSigningKeys(store.data.signingKey as StoredSigningKey | undefined);
  if (opts.stateFile && !store.data.signingKey)
    store.data.signingKey = (await storeSigningKey(keys)) as StateData['signingKey'];
  const tokens = new TokenService(keys, () => clock.now());
  const faults = new Faults(clock, opts.faults);
  const counts = { value: emptyCounts() };
  const notifier = new Notifier(
    store,
    clock,
    {
      validationTimeoutMs: opts.validationTimeoutMs ?? 10_000,
      deliveryTimeoutMs: opts.deliveryTimeoutMs ?? 3_000,
      logger: opts.logger,
    },
    () => faults.notificationPlan(),
  );
  let origin = '';
  const services: Services = {
    store,
    clock,
    faults,
    tokens,
    limits: {
      attachmentBytes: 3 * 1024 * 1024,
      requestBytes: 4 * 1024 * 1024,
      uploadSessionBytes: 150 * 1024 * 1024,
      ...opts.limits,
    },
    origin: () => origin,
  };
  const teams = createTeamsStandIn({
    store,
    faults,
    origin: () => origin,
    ...(opts.botEndpoint ? { botEndpoint: opts.botEndpoint } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  services.teams = teams;

  const router = new Router();
  const dispatcher = new Dispatcher(router, store, faults, counts, () => clock.now());
  registerDirectory(router, services);
  registerMail(router, services);
  registerDelta(router, services);
  const { upload } = registerAttachments(router, services);
  registerCategories(router, services);
  registerCalendar(router, services);
  registerSchedule(router, services);
  registerSubscriptions(router, services, notifier);
  registerTeamwork(router, services);
  registerTranslateIds(router, services);
  registerBatch(router, dispatcher);

  const saver = opts.stateFile ? new StateSaver(opts.stateFile, () => store.data) : undefined;
  // Each announced change is journaled before the request that made it is answered.
  if (saver) store.onChange((e) => saver.record(e));
  // What Exchange had still to do when the last run stopped (a Sent Items copy, a delayed delivery):
  // due ones now, the rest at their time, journalled like any change.
  store.resumePending(applyPendingMailOp);

  const admin = createAdmin({
    store,
    clock,
    faults,
    tokens,
    notifier,
    counts,
    emptyCounts,
    reset: () => {
      const signingKey = store.data.signingKey;
      store.data = fresh();
      store.data.signingKey = signingKey;
      faults.reset();
      counts.value = emptyCounts();
      notifier.log.length = 0;
      saver?.schedule();
    },
  });
  const adminHttp = registerAdminHttp(admin);

  const entra: EntraDeps = {
    data: () => store.data,
    keys,
    tokens,
    clock,
    baseUrl: () => origin,
    defaultDelegatedScopes: opts.defaultDelegatedScopes ?? [
      'User.Read',
      'User.ReadBasic.All',
      'Mail.Read.Shared',
      'Calendars.ReadWrite',
      'Calendars.Read.Shared',
    ],
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const headers = lowerHeaders(req);
    const raw = await readBody(req);
    const parts = url.pathname.split('/').filter(Boolean);
    const method = (req.method ?? 'GET').toUpperCase();

    // ---- Entra ----
    if (
      method === 'GET' &&
      parts.length === 4 &&
      parts[1] === 'v2.0' &&
      parts[2] === '.well-known' &&
      parts[3] === 'openid-configuration'
    )
      return send(res, openIdConfiguration(entra, parts[0]!));
    if (
      method === 'GET' &&
      (url.pathname.endsWith('/discovery/v2.0/keys') || url.pathname.endsWith('/discovery/keys'))
    )
      return send(res, jwks(entra));
    if (
      parts.length === 4 &&
      parts[1] === 'oauth2' &&
      parts[2] === 'v2.0' &&
      parts[3] === 'token'
    ) {
      if (method !== 'POST') return send(res, { status: 405, body: { error: 'invalid_request' } });
      counts.value.tokens++;
      return send(
        res,
        await tokenEndpoint(entra, parts[0]!, new URLSearchParams(raw.toString('utf8')), headers),
      );
    }
    // ---- upload sessions ----
    if (parts[0] === '_upload' && parts[1] && method === 'PUT')
      return send(res, upload(parts[1], { headers, body: raw }));
    // ---- Teams: the Bot Connector stand-in and its admin routes ----
    if (parts[0] === 'smba') {
      let body: unknown;
      try {
        body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
      } catch {
        return send(res, {
          status: 400,
          body: { error: { code: 'BadArgument', message: 'Malformed JSON.' } },
        });
      }
      return send(res, teams.handle(method, parts.slice(1), body));
    }
    if (parts[0] === '_admin' && parts[1] === 'teams') {
      try {
        if (method === 'GET' && parts[2] === 'messages')
          return send(res, {
            status: 200,
            body: { value: teams.messages(url.searchParams.get('upn') ?? '') },
          });
        if (method === 'POST' && parts[2] === 'block') {
          const upn = (JSON.parse(raw.toString('utf8') || '{}') as { upn?: unknown }).upn;
          if (typeof upn !== 'string')
            return send(res, {
              status: 400,
              body: { error: { code: 'BadRequest', message: 'Give { "upn": "<upn>" }.' } },
            });
          teams.block(upn);
          return send(res, { status: 204 });
        }
        if (method === 'POST' && parts[2] === 'bot') {
          const endpoint = (JSON.parse(raw.toString('utf8') || '{}') as { endpoint?: unknown })
            .endpoint;
          teams.setBotEndpoint(typeof endpoint === 'string' ? endpoint : undefined);
          return send(res, { status: 204 });
        }
      } catch (e) {
        const status = e instanceof GraphError ? e.status : 400;
        return send(res, {
          status,
          body: { error: { code: 'BadRequest', message: (e as Error).message } },
        });
      }
    }
    // ---- admin ----
    if (parts[0] === '_admin')
      return send(res, await adminHttp(method, parts.slice(1), url.searchParams, raw));
    // ---- Graph ----
    if (parts[0]?.toLowerCase() === 'v1.0') {
      const requestId = guid();
      const clientRequestId = headers['client-request-id'] ?? requestId;
      const ids = { requestId, clientRequestId };
      const fail = (e: GraphError) =>
        send(res, {
          status: e.status,
          headers: { 'request-id': requestId, 'client-request-id': clientRequestId, ...e.headers },
          body: errorBody(e.code, e.message, requestId, clientRequestId, clock.now()),
        });
      if (raw.length > services.limits.requestBytes)
        return fail(
          new GraphError(
            413,
            'RequestEntityTooLarge',
            'The maximum request length supported is 4MB.',
          ),
        );
      let body: unknown;
      if (raw.length) {
        const ct = headers['content-type'] ?? '';
        if (ct.includes('json') || !ct) {
          try {
            body = JSON.parse(raw.toString('utf8'));
          } catch {
            return fail(
              new GraphError(
                400,
                'BadRequest',
                'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
              ),
            );
          }
        } else body = raw.toString('utf8');
      }
      let auth;
      try {
        auth = await authenticate(tokens, store.data, headers['authorization']);
      } catch (e) {
        counts.value.total++;
        const r = dispatcher.errorResponse(e, ids);
        return send(res, {
          ...r,
          headers: { 'request-id': requestId, 'client-request-id': clientRequestId, ...r.headers },
        });
      }
      const graphReq: GraphRequest = {
        method,
        path: url.pathname,
        query: url.searchParams,
        headers,
        body,
        rawBody: raw,
        baseUrl: `${origin}/v1.0`,
        requestId,
        clientRequestId,
        auth,
        prefer: parsePrefer(headers),
      };
      return send(res, await dispatcher.run(graphReq, true));
    }
    if (method === 'GET' && url.pathname === '/')
      return send(res, {
        status: 200,
        body: {
          name: 'Microsoft 365 emulator',
          graph: `${origin}/v1.0`,
          tenantId: store.data.tenantId,
          tokenEndpoint: `${origin}/${store.data.tenantId}/oauth2/v2.0/token`,
        },
      });
    return send(res, {
      status: 404,
      body: { error: { code: 'NotFound', message: `No route for ${method} ${url.pathname}` } },
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      opts.logger?.error({ err: (e as Error)?.message }, 'emulator request failed');
      if (!res.headersSent)
        send(res, {
          status: 500,
          body: {
            error: { code: 'InternalServerError', message: String((e as Error)?.message ?? e) },
          },
        });
      else res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 3979, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  // A wildcard bind is reached over loopback.
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  origin = `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${addr.port}`;
  opts.logger?.info({ url: origin }, 'Microsoft 365 emulator listening');

  return {
    url: origin,
    graphUrl: `${origin}/v1.0`,
    tokenUrl: (tenantId?: string) =>
      `${origin}/${tenantId ?? store.data.tenantId}/oauth2/v2.0/token`,
    tenantId: store.data.tenantId,
    admin,
    teams,
    setBotEndpoint: (url) => teams.setBotEndpoint(url),
    async close() {
      await notifier.close();
      await teams.settled();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
      store.stopPending();
      saver?.flush();
    },
  };
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, r: GraphResponse): void {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  let payload: Buffer | string | undefined;
  if (r.raw !== undefined) payload = r.raw;
  else if (r.body !== undefined) {
    payload = JSON.stringify(r.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['Content-Type'] =
        'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';
  }
  res.writeHead(r.status, headers);
  res.end(payload);
}
