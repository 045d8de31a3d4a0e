// `npm run package` end to end: a zip in manifest/build/ in local mode; a refusal naming what is
// missing for a tenant package.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const run = (env: Record<string, string>) =>
  spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['manifest/package.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

// Above the 60 s each run may take, so a slow run fails on its output, not on the runner's 30 s.
describe('npm run package', { timeout: 150_000 }, () => {
  it('writes manifest/build/app-<version>.zip with demo values in local mode', async () => {
    const result = run({});
    expect(result.status).toBe(0);
    const version = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    ).version;
    const zipPath = join(ROOT, 'manifest', 'build', `app-${version}.zip`);
    expect(result.stdout).toContain(zipPath);
    expect(existsSync(zipPath)).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      validDomains: string[];
    };
    expect(manifest.validDomains).toEqual(['localhost:3978']);
  });

  it('refuses a tenant package without PUBLIC_URL, naming it', () => {
    const result = run({
      M365_TENANT_ID: '11111111-2222-4333-8444-555555555555',
      M365_CLIENT_ID: '22222222-3333-4444-8555-666666666666',
      M365_CLIENT_SECRET: 'secret',
      SHARED_MAILBOX: 'kvalitetsutmarkelsen@stockholm.se',
      BOT_APP_ID: '7c0f5a1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
      BOT_APP_PASSWORD: 'bot-secret',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PUBLIC_URL');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
