// The HTTP app: every route group mounted in one place, errors mapped at one boundary. Pure wiring:
// it takes its collaborators ready-made (createApp(deps)), so tests can build it around stubs and
// server/start.ts around the real storage, Graph client and emulator.
import express, { type Express, type RequestHandler, type Router } from 'express';
import type { BotEndpoint } from '../bot/endpoint.js';
import type { TabStatus } from '../tab/status.js';
import { errorMiddleware } from './errors.js';
import { securityHeaders } from './security-headers.js';
import { rejectNulInUrl } from './routes/validation.js';
import type { Logger } from './logger.js';
import {
  graphNotificationRoutes,
  type GraphNotificationsOptions,
} from './routes/graph-notifications.js';
import { healthRoutes, type ReadinessCheck } from './routes/health.js';
import { messagesRoutes } from './routes/messages.js';
import { tabRoutes } from './routes/tab.js';

export interface AppDeps {
  version: string;
  logger: Logger;
  bot: BotEndpoint;
  readiness: readonly ReadinessCheck[];
  /** The cycle's phase and next dates: public, no personal data (the add-in pane's first view). */
  publicStatus: () => Promise<TabStatus> | TabStatus;
  graphNotifications?: GraphNotificationsOptions;
  /** Routes of the features (server/features.ts), mounted before the 404. */
  extraRoutes?: Router;
  /** The Entra authority host the tab signs in at (its CSP allows it). */
  authorityHost?: string;
  /** The tab API under /api/tab: every route behind the one sign-in (tab/api/auth.ts). */
  tabApi?: { auth: RequestHandler; routes: Router };
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(securityHeaders({ authorityHost: deps.authorityHost }));
  app.use(rejectNulInUrl);

  // One line per request (debug; 5xx as warnings). Headers are not logged: tokens stay out of logs.
  app.use((req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const entry = {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      };
      if (res.statusCode >= 500) deps.logger.warn(entry, 'request failed');
      else deps.logger.debug(entry, 'request');
    });
    next();
  });

  app.get('/', (_req, res) => {
    res.redirect('/tab/');
  });
  app.use(healthRoutes({ version: deps.version, checks: deps.readiness, logger: deps.logger }));
  app.use(messagesRoutes({ bot: deps.bot }));
  app.use(graphNotificationRoutes(deps.graphNotifications ?? {}));
  if (deps.tabApi) app.use('/api/tab', deps.tabApi.auth, deps.tabApi.routes);
  app.use(tabRoutes({ publicStatus: deps.publicStatus }));
  if (deps.extraRoutes) app.use(deps.extraRoutes);

  app.use((req, res) => {
    res
      .status(404)
      .json({ error: { code: 'not-found', message: `No route for ${req.method} ${req.path}` } });
  });
  app.use(errorMiddleware(deps.logger));
  return app;
}
