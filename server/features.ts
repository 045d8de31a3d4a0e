// How a feature (mailbox intake, reminders, visits) plugs into the host: it gets the running app's
// collaborators, and may add routes, readiness checks, a Graph notification handler and a close step
// for graceful shutdown. The features `npm start` runs are listed in server/enabled-features.ts and
// start in order after the server listens.
import type { Router } from 'express';
import type { BotContribution } from '../bot/contributions.js';
import type { TriageBackend } from '../bot/triage.js';
import type { Graph } from '../graph/client.js';
import type { Delivery } from '../features/delivery/index.js';
import type { ExaminerTeamsSource, RoleResolver } from '../features/roles/types.js';
import type { Clock, Config } from './config.js';
import type { Logger } from './logger.js';
import type { GraphNotification } from './routes/graph-notifications.js';
import type { ReadinessCheck } from './routes/health.js';
import type { AppStore } from './services.js';

export interface FeatureContext {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: AppStore;
  /** App-only Graph client on the configured tenant (or the emulator). */
  graph: Graph;
  /**
   * Graph as the signed-in tab/add-in user, from their validated tab token (on-behalf-of): for the
   * few calls Graph allows only with delegated permissions (translateExchangeIds).
   */
  userGraph?: (userToken: string, scopes?: string[]) => Graph;
  /** The public base URL (PUBLIC_URL, or http://localhost:<port>): for notification URLs. */
  publicUrl: string;
  /**
   * Reaches a person with a card: Teams 1:1 (app installed through Graph when needed), the same
   * content by mail when Teams cannot, once per (message key, person). See features/delivery.
   */
  delivery: Delivery;
  /** Who someone is to the award (coordinator, examiner, unit manager), cached briefly. */
  roles: RoleResolver;
}

export interface FeatureHandle {
  /** Mounted before the 404 handler. */
  routes?: Router;
  /**
   * Routes under /api/tab (paths relative to it), behind the tab's sign-in: every request carries a
   * validated token, and handlers read the caller with principalOf(res) (features/roles) and refuse
   * with Forbidden (403) what the caller's roles or units do not cover.
   */
  tabApi?: Router;
  /** Examiner team membership (the visits feature): the roles resolver uses it from then on. */
  examinerTeams?: ExaminerTeamsSource;
  readiness?: ReadinessCheck[];
  /**
   * Graph change notifications that passed the clientState check, after the 202 went out. Must not
   * throw or block: queue the work (delta sync is the source of truth anyway).
   */
  onGraphNotifications?: (notifications: GraphNotification[]) => void;
  /**
   * Accepts notifications carrying this feature's own clientState (one it generated and stored when
   * GRAPH_WEBHOOK_CLIENT_STATE is not set), besides the configured one.
   */
  acceptsClientState?: (clientState: unknown) => boolean;
  /** The triage list the bot's "granska" command and card actions use (the intake feature). */
  triage?: TriageBackend;
  /** Commands and Action.Execute verbs this feature adds to the bot (bot/contributions.ts). */
  bot?: BotContribution;
  /** Finish work in flight and stop timers. Runs after HTTP stopped accepting, before storage closes. */
  close?: () => Promise<void>;
}

export interface ServerFeature {
  name: string;
  start(context: FeatureContext): Promise<FeatureHandle> | FeatureHandle;
}
