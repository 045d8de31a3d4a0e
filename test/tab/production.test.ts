// The production build as deployed: `npm run build` (compiled server and the Vite-built tab) run with
// `node dist/server/main.js` over production dependencies only (`npm ci --omit=dev`, kept per lock
// file so the suite installs once), in the local mode: it starts, serves the built tab, and signs a
// person in through the same path as in development.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let work: string;
let child: ChildProcess;
let url: string;

/** Production dependencies from a clean `npm ci --omit=dev`, one install per package-lock.json. */
function productionModules(): string {
  const lock = readFileSync(join(ROOT, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex').slice(0, 16);
  const dir = join(ROOT, 'node_modules/.cache/kvalitet-production', hash);
  if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules');
  const tmp = mkdtempSync(join(tmpdir(), 'kvalitet-npm-ci-'));
  cpSync(join(ROOT, 'package.json'), join(tmp, 'package.json'));
  cpSync(join(ROOT, 'package-lock.json'), join(tmp, 'package-lock.json'));
  execFileSync(
    'npm',
    ['ci', '--omit=dev', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'],
    { cwd: tmp, stdio: 'ignore' },
  );
  mkdirSync(join(dir, '..'), { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return join(dir, 'node_modules');
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kvalitet-production-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--out', join(work, 'dist')], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  symlinkSync(productionModules(), join(work, 'node_modules'), 'dir');
  child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: work,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      EMULATOR_PORT: '0',
      DATA_DIR: join(work, 'data'),
      LOG_LEVEL: 'warn',
      AWARD_NOW: '2026-12-07T10:00:00+01:00',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  url = await new Promise<string>((resolveUrl, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /App +(http:\/\/localhost:\d+)/.exec(output);
      if (found) resolveUrl(found[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}, 900_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the production build', () => {
  it('runs from dist/ with production dependencies only and serves the built tab', async () => {
    expect(existsSync(join(work, 'node_modules/vite'))).toBe(false);
    expect(existsSync(join(work, 'node_modules/tsx'))).toBe(false);
    const health = (await (await fetch(`${url}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    const page = await fetch(`${url}/tab/`);
    expect(page.status).toBe(200);
    const script = /<script[^>]+src="([^"]+)"/.exec(await page.text())?.[1];
    expect(script).toMatch(/^\/tab\/assets\/.+\.js$/);
    expect((await fetch(`${url}${script}`)).status).toBe(200);
    expect((await fetch(`${url}/tab/privacy.html`)).status).toBe(200);
  });

  it('signs a person in locally and answers the tab API, and refuses without a token', async () => {
    expect((await fetch(`${url}/api/tab/me`)).status).toBe(401);
    const { people } = (await (await fetch(`${url}/api/local-sign-in/people`)).json()) as {
      people: { upn: string; role: string }[];
    };
    const coordinator = people.find((p) => p.role === 'coordinator')!;
    const { access_token } = (await (
      await fetch(`${url}/api/local-sign-in/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ upn: coordinator.upn }),
      })
    ).json()) as { access_token: string };
    const me = await fetch(`${url}/api/tab/me`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { roles: string[] }).roles).toContain('coordinator');
  });
});
