// `npm start` as a newcomer meets it: a bad configuration, an unknown cycle year, a damaged data
// directory or an unreachable database stop start-up with one line naming the cause and exit code 1.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedPgliteDataDir } from '../support/pglite-template.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function start(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kvalitet-start-'));
    const child = spawn(TSX, ['server/main.ts'], {
      cwd: ROOT,
      // A clean environment: only what the test sets (plus PATH to find node).
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: dataDir,
        PORT: '0',
        EMULATOR_PORT: '0',
        LOG_LEVEL: 'silent',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

// Each start is a tsx process (given 60 s before SIGKILL): up to 30 s each on a loaded 2-core machine.
describe('start-up failures', { timeout: 120_000 }, () => {
  it('names a malformed variable', async () => {
    const { code, stderr } = await start({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr).toContain('Start-up stopped');
    expect(stderr).toContain('PORT');
    noStack(stderr);
  });

  it('names what tenant mode is missing', async () => {
    const { code, stderr } = await start({
      M365_TENANT_ID: '11111111-2222-4333-8444-555555555555',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/M365_CLIENT_ID.*SHARED_MAILBOX|SHARED_MAILBOX.*M365_CLIENT_ID/s);
    noStack(stderr);
  });

  it('names an unknown cycle year and the known ones', async () => {
    const { code, stderr } = await start({ AWARD_NOW: '2031-03-01T09:00:00+01:00' });
    expect(code).toBe(1);
    expect(stderr).toContain('2031');
    expect(stderr).toContain('2027');
    noStack(stderr);
  });

  it('names a damaged data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kvalitet-damaged-'));
    mkdirSync(join(dataDir, 'pglite'), { recursive: true });
    writeFileSync(join(dataDir, 'pglite', 'PG_VERSION'), 'garbage\n');
    writeFileSync(join(dataDir, 'pglite', 'postgresql.conf'), '\u0000\u0001not a config');
    const { code, stderr } = await start({ DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(stderr).toContain(join(dataDir, 'pglite'));
    noStack(stderr);
  });

  it('names a damaged emulator state file and says how to start afresh', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kvalitet-emustate-'));
    seedPgliteDataDir(dataDir); // the store opens first: a migrated copy, no initdb
    writeFileSync(join(dataDir, 'emulator.json'), '{"version": 1, "tenantId": ');
    const { code, stderr } = await start({ DATA_DIR: dataDir, EMULATOR_PORT: '0' });
    expect(code).toBe(1);
    expect(stderr).toContain(join(dataDir, 'emulator.json'));
    expect(stderr).toContain('fresh demo tenant');
    noStack(stderr);
  });

  it('names an unreachable DATABASE_URL without showing its password', async () => {
    const { code, stderr } = await start({
      DATABASE_URL: 'postgres://app:s3cret-pw@127.0.0.1:9/kvalitet',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('127.0.0.1');
    expect(stderr).not.toContain('s3cret-pw');
    noStack(stderr);
  });
});
