import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, LOCAL_DEFAULTS, loadConfig, makeClock, redactedConfig } from './config.js';

const load = (env: Record<string, string>) => loadConfig(env, { envFile: false, cwd: '/srv/app' });

const tenantEnv = {
  M365_TENANT_ID: '11111111-2222-4333-8444-555555555555',
  M365_CLIENT_ID: '22222222-3333-4444-8555-666666666666',
  M365_CLIENT_SECRET: 'very-secret-value',
  SHARED_MAILBOX: 'kvalitetsutmarkelsen@stockholm.se',
  BOT_APP_ID: '33333333-4444-4555-8666-777777777777',
  BOT_APP_PASSWORD: 'bot-secret-value',
};

function configError(env: Record<string, string>): ConfigError {
  try {
    load(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig: local mode', () => {
  it('runs against the emulator with the demo tenant when nothing is configured', () => {
    const config = load({});
    expect(config.mode).toBe('local');
    expect(config.port).toBe(3978);
    expect(config.m365).toMatchObject({
      tenantId: LOCAL_DEFAULTS.tenantId,
      clientId: LOCAL_DEFAULTS.clientId,
      clientSecret: LOCAL_DEFAULTS.clientSecret,
      sharedMailbox: 'kvalitetsutmarkelsen@stockholm.example',
    });
    expect(config.m365.graphBaseUrl).toBeUndefined();
    expect(config.emulator).toEqual({ port: 3979, stateFile: '/srv/app/data/emulator.json' });
    expect(config.dataDir).toBe('/srv/app/data');
    expect(config.bot.appId).toBeUndefined();
  });

  it('reads a .env file under the environment, the environment winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvalitet-env-'));
    writeFileSync(join(dir, '.env'), 'PORT=4000\nLOG_LEVEL=debug\n# comment\nDATA_DIR=./state\n');
    const config = loadConfig({ LOG_LEVEL: 'warn' }, { cwd: dir });
    expect(config.port).toBe(4000);
    expect(config.logLevel).toBe('warn');
    expect(config.dataDir).toBe(join(dir, 'state'));
  });

  it('treats empty values as unset', () => {
    expect(load({ PORT: '', M365_TENANT_ID: '  ' }).mode).toBe('local');
  });
});

describe('loadConfig: tenant mode', () => {
  it('switches to the tenant when M365_* is set, with Graph and Entra defaults', () => {
    const config = load(tenantEnv);
    expect(config.mode).toBe('tenant');
    expect(config.m365.graphBaseUrl).toBe('https://graph.microsoft.com/v1.0');
    expect(config.m365.authorityHost).toBe('https://login.microsoftonline.com');
    expect(config.emulator).toBeUndefined();
    expect(config.bot.tenantId).toBe(tenantEnv.M365_TENANT_ID);
  });

  it('names every missing variable', () => {
    const err = configError({ M365_TENANT_ID: tenantEnv.M365_TENANT_ID });
    expect(err.variables).toEqual(
      expect.arrayContaining([
        'M365_CLIENT_ID',
        'SHARED_MAILBOX',
        'M365_CLIENT_SECRET',
        'BOT_APP_ID',
      ]),
    );
    expect(err.message).toContain('M365_CLIENT_ID is required');
    expect(err.message).toContain('SHARED_MAILBOX is required');
  });

  it('accepts a certificate instead of a secret, and wants its thumbprint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvalitet-cert-'));
    const path = join(dir, 'app.pem');
    writeFileSync(path, 'pem');
    const { M365_CLIENT_SECRET: _secret, ...withoutSecret } = tenantEnv;
    expect(configError({ ...withoutSecret, M365_CLIENT_CERTIFICATE_PATH: path }).variables).toEqual(
      ['M365_CLIENT_CERTIFICATE_THUMBPRINT'],
    );
    const config = load({
      ...withoutSecret,
      M365_CLIENT_CERTIFICATE_PATH: path,
      M365_CLIENT_CERTIFICATE_THUMBPRINT: 'a'.repeat(40),
    });
    expect(config.m365.certificate).toEqual({ path, thumbprint: 'a'.repeat(40) });
    expect(
      configError({
        ...withoutSecret,
        M365_CLIENT_CERTIFICATE_PATH: '/nowhere.pem',
        M365_CLIENT_CERTIFICATE_THUMBPRINT: 'a'.repeat(40),
      }).message,
    ).toContain('M365_CLIENT_CERTIFICATE_PATH names a file that does not exist');
  });
});

describe('loadConfig: malformed values', () => {
  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PUBLIC_URL', 'kvalitet.example'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://db/kvalitet'],
    ['AWARD_NOW', '2027-05-10 09:00'],
    ['AWARD_NOW', '2027-05-10T09:00:00'],
    ['M365_TENANT_ID', 'not a tenant'],
    ['SHARED_MAILBOX', 'kvalitet'],
    ['BOT_APP_ID', '1234'],
    ['GRAPH_WEBHOOK_CLIENT_STATE', 'short'],
    ['EMULATOR_PORT', '-1'],
  ])('names %s when it is %j', (variable, value) => {
    const err = configError({ [variable]: value });
    expect(err.variables).toContain(variable);
    expect(err.message).toContain(variable);
    expect(err.message).not.toContain('ZodError');
  });

  it('wants BOT_APP_ID with BOT_APP_PASSWORD', () => {
    expect(configError({ BOT_APP_PASSWORD: 'x' }).variables).toEqual(['BOT_APP_ID']);
  });
});

describe('clock', () => {
  it('starts at AWARD_NOW and runs on from there', () => {
    let real = Date.parse('2026-11-24T12:00:00Z');
    const clock = makeClock('2027-05-10T09:00:00+02:00', { now: () => new Date(real) });
    expect(clock.now().toISOString()).toBe('2027-05-10T07:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2027-05-10T07:01:30.000Z');
  });

  it('is the system clock without AWARD_NOW', () => {
    const before = Date.now();
    const now = load({}).clock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThan(before + 5_000);
  });
});

describe('redactedConfig', () => {
  it('shows secrets as *** and hides the database password', () => {
    const config = load({
      ...tenantEnv,
      GRAPH_WEBHOOK_CLIENT_STATE: 'a-long-client-state-secret',
      DATABASE_URL: 'postgres://app:db-password@db.internal:5432/kvalitet',
    });
    const printed = JSON.stringify(redactedConfig(config));
    for (const secret of [
      'very-secret-value',
      'bot-secret-value',
      'a-long-client-state-secret',
      'db-password',
    ]) {
      expect(printed).not.toContain(secret);
    }
    expect(printed).toContain('***');
    expect(printed).toContain('db.internal');
  });
});
