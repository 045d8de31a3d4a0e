// The Store: every repository over one database, plus lifecycle. Callers get it from openStore() and
// never see which engine is behind it (PGlite or a PostgreSQL server): the conformance suite in
// test/store/ holds both to the same behaviour.
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'kysely';
import { conversationsRepo, type ConversationsRepo } from './conversations.js';
import { inTransaction, type Db, type RepoContext } from './db.js';
import { StoreError } from './errors.js';
import { examinerTeamsRepo, type ExaminerTeamsRepo } from './examiners.js';
import { locksRepo, type LocksRepo } from './locks.js';
import { mailsRepo, type MailsRepo } from './mails.js';
import { appliedMigration } from './migrations.js';
import { outboxRepo, type OutboxRepo } from './outbox.js';
import { participationsRepo, type ParticipationsRepo } from './participations.js';
import { reminderDeliveriesRepo, type ReminderDeliveriesRepo } from './reminders.js';
import { settingsRepo, type SettingsRepo } from './settings.js';
import { reminderSnoozesRepo, type ReminderSnoozesRepo } from './snoozes.js';
import { submissionsRepo, type SubmissionsRepo } from './submissions.js';
import { syncRepo, type SyncRepo } from './sync.js';
import { organisationsRepo, unitsRepo, type OrganisationsRepo, type UnitsRepo } from './units.js';
import { visitsRepo, type VisitsRepo } from './visits.js';

export type StoreKind = 'pglite' | 'postgres';

/** The repositories; the same set is handed to a transaction's unit of work. */
export interface Repositories {
  readonly organisations: OrganisationsRepo;
  readonly units: UnitsRepo;
  readonly participations: ParticipationsRepo;
  readonly mails: MailsRepo;
  readonly submissions: SubmissionsRepo;
  readonly sync: SyncRepo;
  readonly outbox: OutboxRepo;
  readonly conversations: ConversationsRepo;
  readonly reminderDeliveries: ReminderDeliveriesRepo;
  readonly reminderSnoozes: ReminderSnoozesRepo;
  readonly visits: VisitsRepo;
  readonly examinerTeams: ExaminerTeamsRepo;
  readonly locks: LocksRepo;
  readonly settings: SettingsRepo;
}

export interface Store extends Repositories {
  readonly kind: StoreKind;
  /** Where the data is, safe to log: the PGlite directory, or postgres://user@host:port/db (no password). */
  readonly location: string;
  /**
   * Runs `work` atomically over the repositories it is given (use those, not the store's: on PGlite
   * the store's own would wait for this transaction to finish). `work` may run again after a write
   * race, so do only store work inside it, no mail sending or Graph calls.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a query (readiness checks). */
  ping(): Promise<void>;
  /** The newest applied schema migration's name. */
  schemaVersion(): Promise<string>;
  /** Closes the database; idempotent. Later calls fail with StoreError 'closed'. */
  close(): Promise<void>;
}

export function repositories(context: RepoContext): Repositories {
  return {
    organisations: organisationsRepo(context),
    units: unitsRepo(context),
    participations: participationsRepo(context),
    mails: mailsRepo(context),
    submissions: submissionsRepo(context),
    sync: syncRepo(context),
    outbox: outboxRepo(context),
    conversations: conversationsRepo(context),
    reminderDeliveries: reminderDeliveriesRepo(context),
    reminderSnoozes: reminderSnoozesRepo(context),
    visits: visitsRepo(context),
    examinerTeams: examinerTeamsRepo(context),
    locks: locksRepo(context),
    settings: settingsRepo(context),
  };
}

export function createStore(parts: {
  kind: StoreKind;
  location: string;
  db: Db;
  now: () => Date;
  /** Releases what the engine holds beyond Kysely (PGlite itself, the directory lock). */
  onClose: () => Promise<void>;
}): Store {
  const { kind, location, db, now, onClose } = parts;
  let closing: Promise<void> | undefined;
  // Marks the async flow inside this store's transaction, to catch the store (not `tx`) used there:
  // on PGlite that call would wait for the transaction it runs in; on PostgreSQL it would escape it.
  const inside = new AsyncLocalStorage<true>();
  const open = (): void => {
    if (closing) throw new StoreError('closed', `the store at ${location} is closed`);
  };
  const usable = (): void => {
    open();
    if (inside.getStore()) {
      throw new StoreError(
        'invalid-argument',
        'inside store.transaction(), use the repositories it hands you (tx), not the store',
      );
    }
  };
  return {
    kind,
    location,
    ...guarded(repositories({ db, now }), usable),
    transaction(work) {
      usable();
      return inTransaction(db, (trx) =>
        inside.run(true, () => work(repositories({ db: trx, now }))),
      );
    },
    async ping() {
      open();
      await sql`select 1`.execute(db);
    },
    schemaVersion() {
      open();
      return appliedMigration(db);
    },
    close() {
      closing ??= (async () => {
        try {
          await db.destroy();
        } finally {
          await onClose();
        }
      })();
      return closing;
    },
  };
}

/** The repositories with every method checking first that the store is still open. */
function guarded(repos: Repositories, check: () => void): Repositories {
  const wrap = <R extends object>(repo: R): R =>
    Object.fromEntries(
      Object.entries(repo).map(([name, value]) => [
        name,
        typeof value === 'function'
          ? (...args: unknown[]) => {
              // Every repository method is async: report a closed store as a rejection, not a throw.
              try {
                check();
              } catch (error) {
                return Promise.reject(error);
              }
              return (value as (...a: unknown[]) => unknown)(...args);
            }
          : value,
      ]),
    ) as R;
  return Object.fromEntries(
    Object.entries(repos).map(([name, repo]) => [name, wrap(repo as object)]),
  ) as unknown as Repositories;
}
