// Opening the store: PGlite in a directory under the data dir by default (created on first start), or
// the PostgreSQL server named by DATABASE_URL. Migrations run before the store is handed out. Start-up
// failures become StoreErrors that name the directory or host (never the password), so server/ can
// stop with a message a person can act on.
import { constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { StoreError, isStoreError, sqlState } from './errors.js';
import { migrateToLatest } from './migrations.js';
import { pglitePool } from './pglite-pool.js';
import type { Database } from './schema.js';
import { createStore, type Store } from './store.js';

/** The slice of a pino logger the store uses. */
export interface StoreLogger {
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

export interface OpenStoreOptions {
  /** A postgres:// URL: use that server. Absent: PGlite under `dataDir`. */
  databaseUrl?: string;
  /** The app's data directory (DATA_DIR); PGlite lives in `<dataDir>/pglite`. */
  dataDir: string;
  logger?: StoreLogger;
  /** The app's clock (honours AWARD_NOW); used for leases and record timestamps. Default: system time. */
  clock?: () => Date;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** How long to wait for a PostgreSQL connection (default 10 s). */
  connectTimeoutMs?: number;
}

const silent: StoreLogger = { info() {}, warn() {}, error() {} };

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  return options.databaseUrl !== undefined && options.databaseUrl !== ''
    ? openPostgres(options.databaseUrl, options)
    : openPglite(options);
}

/** The PGlite directory openStore uses for a data dir. */
export function pgliteDir(dataDir: string): string {
  return join(resolve(dataDir), 'pglite');
}

// ---- PGlite ----

/** Directories this process has open: two PGlite instances on one directory corrupt it. */
const openDirs = new Set<string>();

async function openPglite(options: OpenStoreOptions): Promise<Store> {
  const logger = options.logger ?? silent;
  const dataDir = resolve(options.dataDir);
  const dir = pgliteDir(dataDir);
  try {
    await mkdir(dataDir, { recursive: true });
    await access(dataDir, constants.W_OK);
  } catch (error) {
    throw new StoreError(
      'unusable-data-dir',
      `the data directory ${dataDir} cannot be created or written: ${describe(error)}`,
      { cause: error, details: { dir: dataDir } },
    );
  }
  if (openDirs.has(dir)) {
    throw new StoreError('locked', `the data directory ${dir} is already open in this process`, {
      details: { dir },
    });
  }
  openDirs.add(dir);
  const lockFile = join(dataDir, 'pglite.lock');
  let engine: PGlite | undefined;
  try {
    await takeDirectoryLock(lockFile, dir);
    const fresh = checkDataDir(dir);
    engine = await startPglite(dir);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(engine) }) });
    const pglite = engine;
    const store = createStore({
      kind: 'pglite',
      location: dir,
      db,
      now: options.clock ?? (() => new Date()),
      onClose: async () => {
        try {
          await pglite.close();
        } finally {
          openDirs.delete(dir);
          await rm(lockFile, { force: true });
        }
      },
    });
    await migrate(store, db, logger, dir);
    logger.info({ store: 'pglite', dir, created: fresh }, 'store open');
    return store;
  } catch (error) {
    if (engine && !engine.closed) await engine.close().catch(() => undefined);
    openDirs.delete(dir);
    if (!(isStoreError(error) && error.reason === 'locked')) await rm(lockFile, { force: true });
    throw error;
  }
}

/** True for a new (absent or empty) directory; throws 'damaged-data-dir' for one PGlite must not touch. */
function checkDataDir(dir: string): boolean {
  if (!existsSync(dir)) return true;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    throw damaged(dir, `it cannot be read (${describe(error)})`, error);
  }
  if (entries.length === 0) return true;
  // Without PG_VERSION PGlite would run initdb over the files there: refuse instead of losing data.
  if (!entries.includes('PG_VERSION')) {
    throw damaged(dir, 'it is not empty but holds no database (PG_VERSION is missing)');
  }
  const version = readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim();
  if (!/^\d+$/.test(version)) throw damaged(dir, `its PG_VERSION reads "${version.slice(0, 20)}"`);
  return false;
}

async function startPglite(dir: string): Promise<PGlite> {
  let engine: PGlite | undefined;
  try {
    engine = await PGlite.create(dir);
    await engine.query('select 1');
    return engine;
  } catch (error) {
    if (engine && !engine.closed) await engine.close().catch(() => undefined);
    const version = existsSync(join(dir, 'PG_VERSION'))
      ? readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim()
      : undefined;
    throw damaged(
      dir,
      `PGlite could not start on it (${describe(error)})${version ? `; its files are from PostgreSQL ${version}` : ''}`,
      error,
    );
  }
}

function damaged(dir: string, why: string, cause?: unknown): StoreError {
  return new StoreError(
    'damaged-data-dir',
    `the data directory ${dir} is damaged: ${why}. Restore it from a backup, or move it away to start with an empty database.`,
    { cause, details: { dir } },
  );
}

/** One process per directory: a lock file with our pid; a dead holder's lock is taken over. */
async function takeDirectoryLock(lockFile: string, dir: string): Promise<void> {
  try {
    await writeFile(lockFile, `${process.pid}\n`, { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number.parseInt((await readFile(lockFile, 'utf8').catch(() => '')).trim(), 10);
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
    throw new StoreError(
      'locked',
      `the data directory ${dir} is in use by process ${holder} (lock file ${lockFile}); stop that process, or delete the lock file if it is gone`,
      { details: { dir, pid: holder } },
    );
  }
  await writeFile(lockFile, `${process.pid}\n`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed holder can linger as a zombie until reaped (containers often never reap): not alive.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch (error) {
    // No /proc (not Linux): trust kill(). /proc but no entry: it just exited.
    return !((error as NodeJS.ErrnoException).code === 'ENOENT' && existsSync('/proc/self'));
  }
}

// ---- PostgreSQL ----

async function openPostgres(databaseUrl: string, options: OpenStoreOptions): Promise<Store> {
  const logger = options.logger ?? silent;
  const where = redact(databaseUrl);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  // An idle client losing its server emits 'error' on the pool; unhandled it would crash the process.
  pool.on('error', (error) =>
    logger.warn({ store: 'postgres', where, err: error }, 'idle connection lost'),
  );
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectError(where, error);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: closable(pool) }) });
  const store = createStore({
    kind: 'postgres',
    location: where.display,
    db,
    now: options.clock ?? (() => new Date()),
    onClose: async () => undefined,
  });
  await migrate(store, db, logger, where.display);
  logger.info({ store: 'postgres', database: where.display }, 'store open');
  return store;
}

/** The pg pool, failing with StoreError 'closed' once ended (as the PGlite pool does). */
function closable(pool: pg.Pool): PostgresPool {
  let ended = false;
  return {
    connect() {
      if (ended) return Promise.reject(new StoreError('closed', 'the store is closed'));
      return pool.connect() as unknown as Promise<PostgresPoolClient>;
    },
    end() {
      ended = true;
      return pool.end();
    },
  };
}

interface Where {
  display: string;
  host: string;
}

/** postgres://user@host:port/db: what to show of a DATABASE_URL (no password, no query). */
function redact(databaseUrl: string): Where {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new StoreError(
      'invalid-config',
      'DATABASE_URL is not a URL (expected postgres://user:password@host:port/database)',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new StoreError(
      'invalid-config',
      `DATABASE_URL must start with postgres:// or postgresql://, not ${url.protocol}//`,
    );
  }
  const socket = url.searchParams.get('host');
  const host =
    url.hostname !== '' ? `${url.hostname}:${url.port || '5432'}` : (socket ?? 'localhost:5432');
  const user = url.username !== '' ? `${decodeURIComponent(url.username)}@` : '';
  return { display: `postgres://${user}${host}${url.pathname}`, host };
}

function connectError(where: Where, error: unknown): StoreError {
  const state = sqlState(error);
  if (state !== undefined) {
    return new StoreError(
      'rejected',
      `the PostgreSQL server at ${where.host} refused the connection for ${where.display}: ${describe(error)}`,
      { cause: error, details: { host: where.host, sqlState: state } },
    );
  }
  return new StoreError(
    'unreachable',
    `cannot reach the PostgreSQL server at ${where.host} (DATABASE_URL ${where.display}): ${describe(error)}`,
    { cause: error, details: { host: where.host } },
  );
}

// ---- both ----

async function migrate(store: Store, db: Kysely<Database>, logger: StoreLogger, where: string) {
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) logger.info({ where, applied }, 'schema migrated');
  } catch (error) {
    await store.close().catch(() => undefined);
    throw isStoreError(error)
      ? new StoreError(error.reason, `${error.message} (database ${where})`, {
          cause: error.cause,
          details: { ...error.details, where },
        })
      : error;
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return error.message !== '' ? error.message : (code ?? error.name);
  }
  return String(error);
}
