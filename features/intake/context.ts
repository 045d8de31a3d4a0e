// What the intake pipeline runs on: the store, the Graph facade, the shared mailbox, the award cycles
// and the app's clock. Every module of features/intake takes this one object, so the service and the
// tests wire it once.
import type { Cycle } from '../../core/model.js';
import type { DocumentLimits } from '../documents/index.js';
import type { GraphApi } from '../../graph/index.js';
import type { Store } from '../../store/index.js';
import type { MailSnapshots } from './snapshots.js';

/** The slice of a pino logger intake uses. */
export interface IntakeLogger {
  debug(details: object, message?: string): void;
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

export interface IntakeContext {
  store: Store;
  graph: GraphApi;
  /** The shared mailbox (UPN), lower case. */
  mailbox: string;
  cycles: readonly Cycle[];
  /** The app's clock (honours AWARD_NOW). */
  now: () => Date;
  logger: IntakeLogger;
  /** Unique per process: who holds a mail's processing lease. */
  instanceId: string;
  /** How long a claim on a mail holds without renewal (default 2 minutes). */
  leaseMs?: number;
  documentLimits?: DocumentLimits;
  /** Called after a reply was queued (wakes the outbox sender instead of waiting for its poll). */
  onMailQueued?: () => void;
  /** Mails the delta round read, waiting to be processed (the service keeps one per instance). */
  snapshots?: MailSnapshots;
}

export const silentLogger: IntakeLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/** The actor recorded on transitions the pipeline makes on its own. */
export const INTAKE_ACTOR = { id: 'system:intake', name: 'Brevlådan (automatiskt)' } as const;
