/* global process, console, setTimeout */
// Builds the tab (Vite) into tab/dist when it is missing or older than its sources: `npm start` on a
// fresh clone and the browser tests call it, so nobody has to remember a build step. Concurrent
// callers (test files in parallel) wait for one build: a lock directory, and the output renamed
// into place whole.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'tab/dist');
const lock = join(root, 'tab/.build-lock');
// What the client bundles: its own code, the core and the types it imports, and the dependencies.
const SOURCES = [
  'tab/app',
  'tab/vite.config.ts',
  'core',
  'features/status/types.ts',
  'package-lock.json',
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function tabIsCurrent() {
  const page = join(out, 'index.html');
  if (!existsSync(page)) return false;
  return statSync(page).mtimeMs >= Math.max(...SOURCES.map((s) => newest(join(root, s))));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function buildTab({ force = false } = {}) {
  if (!force && tabIsCurrent()) return false;
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another build runs; a lock older than 5 minutes is from a build that died.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000)
        rmSync(lock, { recursive: true, force: true });
      await sleep(200);
      if (!force && tabIsCurrent()) return false;
    }
  }
  try {
    if (!force && tabIsCurrent()) return false;
    // In a child process: Vite sets NODE_ENV=production in the process that builds, which would
    // change how a server started later in the same process (a test, a benchmark) behaves.
    const tmp = join(root, `tab/.dist-${process.pid}`);
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        join(root, 'tab/vite.config.ts'),
        '--outDir',
        tmp,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    rmSync(out, { recursive: true, force: true });
    renameSync(tmp, out);
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const built = await buildTab({ force: process.argv.includes('--force') });
  console.log(built ? 'Built the tab (tab/dist).' : 'The tab is up to date (tab/dist).');
}
