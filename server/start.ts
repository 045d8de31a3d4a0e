// Start-up and shutdown of the one process: cycles, storage, the local emulator (local mode), the Graph
// client, the bot, the HTTP app and the features; graceful shutdown stops HTTP first, then the rest in
// reverse order. Expected failures become typed errors that main.ts prints as one line.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Router } from 'express';
import type { Locale } from '../core/model.js';
import { createBotEndpoint } from '../bot/endpoint.js';
import type { BotContribution } from '../bot/contributions.js';
import type { DeadlinesCardData } from '../cards/deadlines.js';
import { createTokenProvider } from '../graph/auth.js';
import { createGraphClient, type Graph } from '../graph/client.js';
import { getUser } from '../graph/users.js';
import { createConnectorClient } from '../bot/connector-client.js';
import { createDelivery } from '../features/delivery/index.js';
import { TEAMS_APP_ID } from '../manifest/build.js';
import { tabStatus } from '../tab/status.js';
import { tabApiAuth } from '../tab/api/auth.js';
import { localSignInRoutes } from './routes/local-sign-in.js';
import { localOfficeRoutes } from './routes/local-office.js';
import { createTokenValidator } from '../tab/api/token.js';
import { createRoleResolver } from '../features/roles/index.js';
import { createApp } from './app.js';
import type { FeatureContext, FeatureHandle, ServerFeature } from './features.js';
import type { ReadinessCheck } from './routes/health.js';
import type { Config } from './config.js';
import { currentCycles, loadCycles } from './cycles.js';
import { readCertificate } from './certificate.js';
import { StartupError } from './errors.js';
import { startLocalEmulator, openAppStore, type AppStore, type LocalEmulator } from './services.js';
import { createLogger, type Logger } from './logger.js';

export interface StartOptions {
  logger?: Logger;
  /** Where cycles/<year>.json live (tests point elsewhere). */
  cyclesDir?: string;
  /** Host to bind (default: all interfaces, as a container needs). */
  host?: string;
  /** How long shutdown waits for requests in flight before cutting connections. */
  shutdownTimeoutMs?: number;
  /** Replaces how the local emulator is started (benchmarks with latency, tests with faults). */
  startEmulator?: typeof startLocalEmulator;
  /** Features to start once the server listens (main.ts passes FEATURES). */
  features?: readonly ServerFeature[];
}

export interface RunningServer {
  config: Config;
  logger: Logger;
  /** http://localhost:<port> */
  url: string;
  port: number;
  /** The public base (PUBLIC_URL, or url in local mode). */
  publicUrl: string;
  botEndpoint: string;
  tabUrl: string;
  /** The in-process emulator's base URL (local mode). */
  emulatorUrl?: string;
  graph: Graph;
  store: AppStore;
  /** Stop accepting, let requests in flight finish (bounded), close storage and the emulator. */
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const closers: Array<{ name: string; close: () => Promise<void> }> = [];
  let httpServer: Server | undefined;
  const closeAll = async () => {
    // Stop accepting and let requests in flight finish first; then features, emulator, storage.
    if (httpServer) {
      const closing = httpServer;
      httpServer = undefined;
      await closeServer(closing, options.shutdownTimeoutMs ?? 10_000, logger);
    }
    for (const { name, close } of closers.reverse()) {
      try {
        await close();
      } catch (err) {
        logger.warn({ err }, `closing ${name} failed`);
      }
    }
    closers.length = 0;
  };

  try {
    const cycles = loadCycles(options.cyclesDir);
    // Fails now, with the known years, rather than on the first tab load.
    currentCycles(cycles, config.clock.now());

    // Storage first: a damaged data directory or an unreachable database stops start-up early.
    const store = await openAppStore({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      clock: config.clock,
      logger: logger.child({ component: 'store' }),
    });
    closers.push({ name: 'storage', close: () => store.close() });

    let emulator: LocalEmulator | undefined;
    let graphBaseUrl = config.m365.graphBaseUrl;
    let localTokenEndpoint: string | undefined;
    if (config.mode === 'local') {
      if (graphBaseUrl === undefined) {
        const stateFile = config.emulator?.stateFile;
        emulator = await (options.startEmulator ?? startLocalEmulator)({
          port: config.emulator?.port ?? 0,
          stateFile,
          clock: config.clock,
          logger: logger.child({ component: 'emulator' }),
        }).catch((err: unknown) => {
          // A damaged state file is the one expected failure here; a busy port is named elsewhere.
          if (stateFile && err instanceof Error && err.message.includes(stateFile))
            throw new StartupError(
              `${err.message} Delete it (or DATA_DIR) for a fresh demo tenant, or set EMULATOR_STATE_FILE.`,
              { cause: err },
            );
          throw err;
        });
        closers.push({ name: 'emulator', close: () => emulator!.close() });
        graphBaseUrl = `${emulator.url}/v1.0`;
        localTokenEndpoint = emulator.url;
      } else {
        // An emulator run on its own (npm run emulator): its token endpoint sits beside /v1.0.
        localTokenEndpoint = config.m365.authorityHost ?? new URL(graphBaseUrl).origin;
      }
    }

    const tokenProvider = createTokenProvider({
      tenantId: config.m365.tenantId,
      clientId: config.m365.clientId,
      clientSecret: config.m365.clientSecret,
      certificate: config.m365.certificate ? readCertificate(config.m365.certificate) : undefined,
      authorityHost: config.mode === 'tenant' ? config.m365.authorityHost : undefined,
      localTokenEndpoint,
    });
    const graph = createGraphClient({
      baseUrl: graphBaseUrl!,
      tokenProvider,
      logger: logger.child({ component: 'graph' }),
    });
    // Graph as a signed-in user (on-behalf-of their tab token), for delegated-only calls.
    const userGraph = (userToken: string, scopes = ['https://graph.microsoft.com/User.Read']) =>
      createGraphClient({
        baseUrl: graphBaseUrl!,
        tokenProvider: () => tokenProvider.getOboToken(userToken, scopes),
        logger: logger.child({ component: 'graph', as: 'user' }),
      });

    const server = await listenLater(options.host);
    httpServer = server;
    const port = (server.address() as AddressInfo).port;
    const url = `http://localhost:${port}`;
    const publicUrl = config.publicUrl ?? url;
    const tabUrl = `${publicUrl}/tab/`;

    const statusNow = (locale?: Locale) => {
      const { current, earlier } = currentCycles(cycles, config.clock.now());
      const status = tabStatus(current, config.clock.now(), { earlier });
      return { status: { ...status, mailbox: config.m365.sharedMailbox }, locale };
    };

    // Set when a feature offers a triage list (intake starts after the bot exists).
    let triage: FeatureHandle['triage'];
    // The features' bot commands and card actions, in feature start order (filled below).
    const botContributions: BotContribution[] = [];
    const bot = createBotEndpoint(
      {
        appId: config.bot.appId,
        appPassword: config.bot.appPassword,
        tenantId: config.bot.tenantId,
        authorityHost: config.m365.authorityHost,
      },
      {
        tabUrl: config.publicUrl ? tabUrl : undefined,
        // Who may triage is the roles' answer (the coordinators group), in every mode: the emulator's
        // groups decide locally as Entra's do in a tenant.
        triage: () =>
          triage && {
            ...triage,
            mayTriage: async (aadObjectId) =>
              aadObjectId !== undefined &&
              ((await roles.resolve({ objectId: aadObjectId }))?.roles.includes('coordinator') ??
                false),
          },
        contributions: () => botContributions,
        deadlines: async (locale): Promise<DeadlinesCardData> => {
          const { status } = statusNow(locale);
          return {
            locale,
            year: status.year,
            items: status.deadlines.map((d) => ({ label: d.label[locale], when: d.when[locale] })),
            tabUrl: config.publicUrl ? tabUrl : undefined,
          };
        },
        onConversationReference: async (reference, context) => {
          // Proactive reminders go to people one by one: keep each user's personal chat.
          const from = context.activity.from;
          if (
            reference.conversation?.conversationType !== 'personal' ||
            !from?.aadObjectId ||
            !reference.serviceUrl
          )
            return;
          await store.conversations.upsert({
            aadObjectId: from.aadObjectId,
            tenantId: reference.conversation.tenantId,
            conversationId: reference.conversation.id,
            serviceUrl: reference.serviceUrl,
            reference,
          });
          // Local mode: the Agents Playground's chat stands for a demo user (LOCAL_PLAYGROUND_USER),
          // so what delivery sends that person shows in the Playground.
          const playground = config.emulator?.playgroundUser;
          if (playground && emulator && !reference.serviceUrl.startsWith(emulator.url)) {
            const user = await getUser(graph, playground, ['id']).catch(() => undefined);
            if (user?.id)
              await store.conversations.upsert({
                aadObjectId: user.id,
                tenantId: reference.conversation.tenantId,
                conversationId: reference.conversation.id,
                serviceUrl: reference.serviceUrl,
                reference,
              });
          }
        },
        onError: (err) => logger.error({ err }, 'bot turn failed'),
      },
    );

    const readiness: ReadinessCheck[] = [
      { name: 'storage', check: () => store.ping() },
      {
        name: 'graph',
        check: async () => {
          await getUser(graph, config.m365.sharedMailbox, ['id']);
        },
      },
    ];
    const featureRoutes = Router();
    if (config.mode === 'local' && localTokenEndpoint)
      featureRoutes.use(localSignInRoutes({ graph, store, emulatorUrl: localTokenEndpoint }));
    // The Office stand-in's saveAsync (the add-in's panes in a plain browser): local mode only.
    if (config.mode === 'local') featureRoutes.use(localOfficeRoutes({ userGraph }));
    const roles = createRoleResolver({
      graph,
      unitsManagedBy: (email) => store.units.findByManagerEmail(email),
    });
    // The tab API: one sign-in in front of every /api/tab route; features add theirs (tabApi).
    // The local mode checks the emulator's tokens by the same code path as a tenant's.
    const authorityHost = config.m365.authorityHost ?? 'https://login.microsoftonline.com';
    const tabApi = Router();
    tabApi.get('/status', (_req, res) => {
      res.json(statusNow().status);
    });
    const tabAuth = tabApiAuth({
      validate: createTokenValidator({
        tenantId: config.m365.tenantId,
        clientId: config.m365.clientId,
        appIdUri: `api://${new URL(publicUrl).host}/${config.m365.clientId}`,
        authorityHost,
        jwksUrl: `${localTokenEndpoint ?? authorityHost}/${config.m365.tenantId}/discovery/v2.0/keys`,
        now: () => config.clock.now(),
      }),
      roles,
    });
    const notificationHandlers: Array<NonNullable<FeatureHandle['onGraphNotifications']>> = [];
    const clientStateCheckers: Array<NonNullable<FeatureHandle['acceptsClientState']>> = [];
    const app = createApp({
      version: config.version,
      logger,
      // The tab signs in at the tenant's authority (national clouds differ); its CSP allows it.
      ...(config.mode === 'tenant' && config.m365.authorityHost
        ? { authorityHost: config.m365.authorityHost }
        : {}),
      bot,
      readiness,
      extraRoutes: featureRoutes,
      tabApi: { auth: tabAuth, routes: tabApi },
      publicStatus: () => statusNow().status,
      graphNotifications: {
        clientState: config.graphWebhookClientState,
        accepts: (value) => clientStateCheckers.some((accepts) => accepts(value)),
        onRejected: (count) =>
          logger.warn({ count }, 'dropped Graph notifications with a wrong clientState'),
        onNotifications: (notifications) => {
          for (const handle of notificationHandlers) {
            try {
              handle(notifications);
            } catch (err) {
              logger.error({ err }, 'a Graph notification handler failed');
            }
          }
        },
      },
    });
    server.on('request', app);

    // Teams' global Bot Connector for new conversations; the emulator's stand-in in the local mode.
    const serviceUrl =
      config.mode === 'local'
        ? `${emulator?.url ?? new URL(graphBaseUrl!).origin}/smba/`
        : 'https://smba.trafficmanager.net/teams/';
    emulator?.setBotEndpoint?.(`${url}/api/messages`);
    const delivery = createDelivery({
      store,
      graph,
      connector: createConnectorClient({
        appId: config.bot.appId,
        appPassword: config.bot.appPassword,
        tenantId: config.bot.tenantId,
        authorityHost: config.m365.authorityHost,
      }),
      serviceUrl,
      tenantId: config.bot.tenantId ?? config.m365.tenantId,
      mailbox: config.m365.sharedMailbox,
      teamsAppExternalId: TEAMS_APP_ID,
      logger: logger.child({ component: 'delivery' }),
    });
    const context: FeatureContext = {
      delivery,
      config,
      logger,
      clock: config.clock,
      store,
      graph,
      userGraph,
      publicUrl,
      roles,
    };
    for (const feature of options.features ?? []) {
      // Not ready while a feature starts (the intake's first delta round and subscription).
      const starting: ReadinessCheck = {
        name: feature.name,
        check: () => Promise.reject(Object.assign(new Error('starting'), { reason: 'starting' })),
      };
      readiness.push(starting);
      const handle = await feature.start({
        ...context,
        logger: logger.child({ feature: feature.name }),
      });
      readiness.splice(readiness.indexOf(starting), 1);
      if (handle.routes) featureRoutes.use(handle.routes);
      if (handle.tabApi) tabApi.use(handle.tabApi);
      if (handle.examinerTeams) roles.useExaminerTeams(handle.examinerTeams);
      if (handle.readiness) readiness.push(...handle.readiness);
      if (handle.onGraphNotifications) notificationHandlers.push(handle.onGraphNotifications);
      if (handle.close) closers.push({ name: feature.name, close: handle.close });
      if (handle.triage) triage = handle.triage;
      if (handle.bot) botContributions.push(handle.bot);
      if (handle.acceptsClientState) clientStateCheckers.push(handle.acceptsClientState);
    }

    return {
      config,
      logger,
      url,
      port,
      publicUrl,
      botEndpoint: `${url}/api/messages`,
      tabUrl,
      emulatorUrl: emulator?.url,
      graph,
      store,
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }

  async function listenLater(host: string | undefined): Promise<Server> {
    const { createServer } = await import('node:http');
    const server = createServer();
    // Teams' keep-alive connections should not hold shutdown hostage.
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return server;
  }
}

/** Stop accepting; idle keep-alive connections go at once, busy ones get `timeoutMs` to finish. */
async function closeServer(server: Server, timeoutMs: number, logger: Logger): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      logger.warn({ timeoutMs }, 'requests still in flight at shutdown; closing their connections');
      server.closeAllConnections();
    }, timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
