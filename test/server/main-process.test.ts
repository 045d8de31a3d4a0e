// `npm start` as a process: tenant mode starts without calling Microsoft 365 at start-up, prints its
// configuration with secrets as ***, and SIGTERM shuts it down cleanly (exit code 0).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedPgliteDataDir } from '../support/pglite-template.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('the server process', () => {
  it('prints a redacted configuration and stops on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kvalitet-main-'));
    seedPgliteDataDir(dataDir); // a migrated copy: no initdb before the banner
    // node itself runs the server: the tsx wrapper relays SIGTERM only once its child has told it
    // about its own handler, so a SIGTERM right after the banner could kill the wrapper (exit 143).
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        M365_TENANT_ID: '11111111-2222-4333-8444-555555555555',
        M365_CLIENT_ID: '22222222-3333-4444-8555-666666666666',
        M365_CLIENT_SECRET: 'tenant-secret-do-not-print',
        SHARED_MAILBOX: 'kvalitetsutmarkelsen@stockholm.se',
        BOT_APP_ID: '33333333-4444-4555-8666-777777777777',
        BOT_APP_PASSWORD: 'bot-password-do-not-print',
        GRAPH_WEBHOOK_CLIENT_STATE: 'client-state-do-not-print',
        DATABASE_URL: '',
      },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );

    const deadline = Date.now() + 60_000;
    while (!output.includes('Bot endpoint') && Date.now() < deadline) {
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(output).toContain('tenant 11111111-2222-4333-8444-555555555555');
    expect(output).toContain('"configuration"');
    expect(output).toContain('***');
    for (const secret of [
      'tenant-secret-do-not-print',
      'bot-password-do-not-print',
      'client-state-do-not-print',
    ]) {
      expect(output).not.toContain(secret);
    }

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"stopped"');
    // Above the 60 s the banner may take: a slow start fails on its output, not the runner's timeout.
  }, 120_000);
});
