// A private, throwaway PostgreSQL cluster for tests: Debian's server binaries, a data directory in a temp
// dir, trust auth on 127.0.0.1 only, a free port, the unix socket inside the temp dir. initdb and
// postgres refuse to run as root, so as root they run as the `postgres` user. Missing binaries are a
// failure with instructions, never a skip: CI installs the `postgresql` package.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresCluster {
  host: string;
  port: number;
  /** A URL for a database of this cluster (default: the `postgres` database). */
  url(database?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server and deletes its files. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startPostgres(
  options: {
    /** Where Debian keeps the server versions (a test points it elsewhere). */
    installRoot?: string;
  } = {},
): Promise<PostgresCluster> {
  const bin = findBinDir(options.installRoot ?? '/usr/lib/postgresql');
  const asRoot = process.getuid?.() === 0;
  const root = await mkdtemp(join(tmpdir(), 'award-pg-'));
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  if (asRoot) {
    const { uid, gid } = postgresUser();
    await chown(root, uid, gid);
  }
  const run = (program: string, args: string[]) => runAs(asRoot, join(bin, program), args);

  await run('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);

  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const options = [
      `-c port=${port}`,
      `-c listen_addresses=${HOST}`,
      `-c unix_socket_directories=${root}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    try {
      await run('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options, 'start']);
      break;
    } catch (error) {
      // Another process may have taken the port between probing and binding: try another one.
      if (attempt < 3 && /could not bind|already in use/i.test(readLog(logFile))) continue;
      await rm(root, { recursive: true, force: true });
      throw new Error(`PostgreSQL did not start: ${String(error)}\n${readLog(logFile)}`);
    }
  }

  const stopNow = (): void => {
    spawnSync(...command(asRoot, join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']), {
      stdio: 'ignore',
    });
  };
  // If the test process ends without afterAll (a crash, Ctrl-C), do not leave a server behind.
  process.once('exit', stopNow);

  let counter = 0;
  const url = (database = 'postgres') => `postgres://postgres@${HOST}:${port}/${database}`;
  return {
    host: HOST,
    port,
    url,
    async createDatabase(name = `test_${process.pid}_${++counter}`) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`create database "${name.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      process.removeListener('exit', stopNow);
      await run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The newest Debian PostgreSQL bin directory that has initdb and pg_ctl. */
function findBinDir(base: string): string {
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bin = join(base, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  throw new Error(
    `PostgreSQL server binaries not found (looked for ${base}/<version>/bin/initdb and pg_ctl). ` +
      'The storage conformance tests need them: apt-get update && apt-get install -y postgresql',
  );
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      "running as root, but there is no `postgres` user to run initdb as (it refuses root); install Debian's postgresql package, which creates it",
    );
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function command(asRoot: boolean, program: string, args: string[]): [string, string[]] {
  if (!asRoot) return [program, args];
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser'].find((path) => existsSync(path));
  if (runuser) return [runuser, ['-u', 'postgres', '--', program, ...args]];
  const quoted = [program, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  return ['su', ['postgres', '-s', '/bin/sh', '-c', quoted]];
}

function runAs(asRoot: boolean, program: string, args: string[]): Promise<string> {
  const [file, argv] = command(asRoot, program, args);
  return new Promise((resolve, reject) => {
    execFile(file, argv, { cwd: tmpdir(), timeout: 120_000 }, (error, stdout, stderr) => {
      if (error)
        reject(new Error(`${program} ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}
