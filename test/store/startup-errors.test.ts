// Start-up failures a person must be able to act on: a damaged PGlite directory, a directory another
// process holds, an unreachable or malformed DATABASE_URL. Each is a StoreError with a reason and a
// message naming the directory or host, never the password; a damaged directory is left untouched.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStoreError, openStore, pgliteDir, type StoreError } from '../../store/index.js';
import { ensurePgliteTemplate } from '../support/pglite-template.js';

let root: string;
let template: string;
let counter = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'award-store-errors-'));
  // The shared migrated template (built once per schema); only copies of it are damaged here.
  template = await ensurePgliteTemplate();
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function copyOfTemplate(): Promise<string> {
  const dataDir = join(root, `copy-${++counter}`);
  await cp(pgliteDir(template), pgliteDir(dataDir), { recursive: true });
  return dataDir;
}

async function failure(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    if (isStoreError(error)) return error;
    throw error;
  }
  throw new Error('expected the store to fail to open');
}

describe('a damaged PGlite data directory', () => {
  it('is refused, untouched, when it holds files but no database', async () => {
    const dataDir = join(root, 'not-a-db');
    await mkdir(pgliteDir(dataDir), { recursive: true });
    await writeFile(join(pgliteDir(dataDir), 'notes.txt'), 'mine');
    const error = await failure(openStore({ dataDir }));
    expect(error.reason).toBe('damaged-data-dir');
    expect(error.message).toContain(pgliteDir(dataDir));
    expect(readdirSync(pgliteDir(dataDir))).toEqual(['notes.txt']);
  });

  it('is refused when its control file is corrupt', async () => {
    const dataDir = await copyOfTemplate();
    await writeFile(join(pgliteDir(dataDir), 'global', 'pg_control'), Buffer.alloc(8192, 0xab));
    const error = await failure(openStore({ dataDir }));
    expect(error.reason).toBe('damaged-data-dir');
    expect(error.message).toContain(pgliteDir(dataDir));
  });

  it('is refused when its control file is empty', async () => {
    const dataDir = await copyOfTemplate();
    await writeFile(join(pgliteDir(dataDir), 'global', 'pg_control'), '');
    const error = await failure(openStore({ dataDir }));
    expect(error.reason).toBe('damaged-data-dir');
    expect(error.message).toContain(pgliteDir(dataDir));
  });

  it('is refused when PG_VERSION is not a version', async () => {
    const dataDir = await copyOfTemplate();
    await writeFile(join(pgliteDir(dataDir), 'PG_VERSION'), 'garbage\n');
    const error = await failure(openStore({ dataDir }));
    expect(error.reason).toBe('damaged-data-dir');
    expect(error.message).toContain('PG_VERSION');
  });

  it('leaves the process able to open a good directory afterwards', async () => {
    const dataDir = await copyOfTemplate();
    const store = await openStore({ dataDir });
    await store.ping();
    await store.close();
  });
});

describe('a data directory that cannot be used', () => {
  it('is reported naming the directory when a file is in the way', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, 'not a directory');
    const error = await failure(openStore({ dataDir: join(file, 'data') }));
    expect(error.reason).toBe('unusable-data-dir');
    expect(error.message).toContain(join(file, 'data'));
  });
});

describe('a PGlite data directory in use', () => {
  it('is refused while this process has it open', async () => {
    const dataDir = await copyOfTemplate();
    const store = await openStore({ dataDir });
    try {
      const error = await failure(openStore({ dataDir }));
      expect(error.reason).toBe('locked');
      expect(error.message).toContain(pgliteDir(dataDir));
    } finally {
      await store.close();
    }
    // Closed: it opens again.
    await (await openStore({ dataDir })).close();
  });

  it('is refused while another live process holds its lock file', async () => {
    const dataDir = await copyOfTemplate();
    await writeFile(join(dataDir, 'pglite.lock'), `${process.ppid}\n`);
    const error = await failure(openStore({ dataDir }));
    expect(error.reason).toBe('locked');
    expect(error.message).toContain(String(process.ppid));
    expect(await readFile(join(dataDir, 'pglite.lock'), 'utf8')).toBe(`${process.ppid}\n`);
  });

  it('is taken over from a holder that is gone', async () => {
    const dataDir = await copyOfTemplate();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(join(dataDir, 'pglite.lock'), `${gone}\n`);
    const store = await openStore({ dataDir });
    await store.close();
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
  });
});

describe('DATABASE_URL', () => {
  it('names the host, never the password, when the server cannot be reached', async () => {
    const port = await closedPort();
    const error = await failure(
      openStore({
        databaseUrl: `postgres://award:s3cret-pw@127.0.0.1:${port}/award`,
        dataDir: root,
        connectTimeoutMs: 3000,
      }),
    );
    expect(error.reason).toBe('unreachable');
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).not.toContain('s3cret-pw');
    expect(JSON.stringify(error.details)).not.toContain('s3cret-pw');
  });

  it('names a host that does not resolve', async () => {
    const error = await failure(
      openStore({
        databaseUrl: 'postgresql://award:s3cret-pw@db.invalid:5432/award',
        dataDir: root,
        connectTimeoutMs: 3000,
      }),
    );
    expect(error.reason).toBe('unreachable');
    expect(error.message).toContain('db.invalid:5432');
    expect(error.message).not.toContain('s3cret-pw');
  });

  it('must be a postgres URL', async () => {
    const error = await failure(
      openStore({ databaseUrl: 'mysql://award:s3cret-pw@db:3306/award', dataDir: root }),
    );
    expect(error.reason).toBe('invalid-config');
    expect(error.message).not.toContain('s3cret-pw');
    expect((await failure(openStore({ databaseUrl: 'not a url', dataDir: root }))).reason).toBe(
      'invalid-config',
    );
  });
});

/** A loopback port nobody listens on (bound, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}
