// The one config module: reads the environment once (plus a .env file if present), validates it with
// zod and decides between the local mode (emulator, demo tenant) and the tenant mode (real Microsoft 365).
// Every other layer takes plain parameters from the Config this returns; nobody else reads process.env.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { appVersion } from './version.js';

/** The local-mode demo tenant (also in .env.example and the README; anyone may use it against the emulator). */
export const LOCAL_DEFAULTS = {
  tenantId: '5f1c3a2e-7b4d-4e8a-9c61-2d0b8e4f9a17',
  clientId: '0a7d9e3c-1b2f-4c5d-8e6f-7a8b9c0d1e2f',
  clientSecret: 'local-demo-secret-kvalitet',
  sharedMailbox: 'kvalitetsutmarkelsen@stockholm.example',
  emulatorPort: 3979,
  webhookClientState: 'local-demo-client-state-kvalitet',
} as const;

export const DEFAULT_PORT = 3978;

/** Every variable the app reads, in the order the README and .env.example document them. */
export const CONFIG_VARIABLES = [
  'PORT',
  'PUBLIC_URL',
  'LOG_LEVEL',
  'DATA_DIR',
  'DATABASE_URL',
  'AWARD_NOW',
  'M365_TENANT_ID',
  'M365_CLIENT_ID',
  'M365_CLIENT_SECRET',
  'M365_CLIENT_CERTIFICATE_PATH',
  'M365_CLIENT_CERTIFICATE_THUMBPRINT',
  'SHARED_MAILBOX',
  'GRAPH_BASE_URL',
  'AUTHORITY_HOST',
  'BOT_APP_ID',
  'BOT_APP_PASSWORD',
  'BOT_TENANT_ID',
  'GRAPH_WEBHOOK_CLIENT_STATE',
  'LOCAL_M365_TENANT_ID',
  'LOCAL_M365_CLIENT_ID',
  'LOCAL_M365_CLIENT_SECRET',
  'EMULATOR_PORT',
  'EMULATOR_STATE_FILE',
  'LOCAL_PLAYGROUND_USER',
] as const;

export type ConfigVariable = (typeof CONFIG_VARIABLES)[number];

/** Variables whose values never appear in logs or the start-up print. */
export const SECRET_VARIABLES: readonly ConfigVariable[] = [
  'M365_CLIENT_SECRET',
  'BOT_APP_PASSWORD',
  'GRAPH_WEBHOOK_CLIENT_STATE',
  'LOCAL_M365_CLIENT_SECRET',
];

export interface ConfigProblem {
  variable: ConfigVariable;
  problem: string;
}

/** A missing or malformed variable. The message names every variable at fault. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    super(
      `Invalid configuration: ${problems.map((p) => `${p.variable} ${p.problem}`).join('; ')}. ` +
        'See .env.example and the README for every variable.',
    );
    this.problems = problems;
  }
  get variables(): ConfigVariable[] {
    return this.problems.map((p) => p.variable);
  }
}

/** The app's notion of "now"; AWARD_NOW moves it for demos and tests. */
export interface Clock {
  now(): Date;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface M365Config {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificate?: { path: string; thumbprint: string };
  sharedMailbox: string;
  /** Graph base including /v1.0. Undefined in local mode until the in-process emulator has a port. */
  graphBaseUrl?: string;
  /** The Entra authority host (https://login.microsoftonline.com); undefined in local mode = the emulator. */
  authorityHost?: string;
}

export interface BotConfig {
  /** Without an app id the bot endpoint accepts unauthenticated activities from loopback (local mode only). */
  appId?: string;
  appPassword?: string;
  tenantId?: string;
}

export interface Config {
  mode: 'local' | 'tenant';
  version: string;
  port: number;
  /** The public base URL (tab, bot, webhooks). Undefined = http://localhost:<bound port>. */
  publicUrl?: string;
  logLevel: LogLevel;
  /** Absolute path of the data directory (PGlite lives under it). */
  dataDir: string;
  databaseUrl?: string;
  /** The AWARD_NOW override as given, if any. */
  awardNow?: string;
  clock: Clock;
  m365: M365Config;
  bot: BotConfig;
  graphWebhookClientState?: string;
  /** Local mode only: the in-process emulator. */
  emulator?: {
    port: number;
    stateFile?: string;
    /** A demo user the Agents Playground's chat stands for (reminders to them show there). */
    playgroundUser?: string;
  };
}

export type Env = Readonly<Record<string, string | undefined>>;

const guidOrDomain = z
  .string()
  .regex(
    /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i,
    'must be a tenant GUID or a verified domain',
  );
const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be 0–65535')
  .max(65535, 'must be 0–65535');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const nonEmpty = z.string().min(1, 'must not be empty');

const fields = {
  PORT: port.default(DEFAULT_PORT),
  PUBLIC_URL: httpUrl.optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  DATA_DIR: nonEmpty.default('./data'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  AWARD_NOW: z.iso
    .datetime({
      offset: true,
      error: 'must be an ISO 8601 instant with an offset, e.g. 2027-05-10T09:00:00+02:00',
    })
    .optional(),
  M365_TENANT_ID: guidOrDomain.optional(),
  M365_CLIENT_ID: guid.optional(),
  M365_CLIENT_SECRET: nonEmpty.optional(),
  M365_CLIENT_CERTIFICATE_PATH: nonEmpty.optional(),
  M365_CLIENT_CERTIFICATE_THUMBPRINT: z
    .string()
    .regex(/^[0-9a-f]{40}$|^[0-9a-f]{64}$/i, 'must be a SHA-1 or SHA-256 thumbprint in hex')
    .optional(),
  SHARED_MAILBOX: z.email({ error: 'must be an e-mail address' }).optional(),
  GRAPH_BASE_URL: httpUrl.optional(),
  AUTHORITY_HOST: httpUrl.optional(),
  BOT_APP_ID: guid.optional(),
  BOT_APP_PASSWORD: nonEmpty.optional(),
  BOT_TENANT_ID: guidOrDomain.optional(),
  GRAPH_WEBHOOK_CLIENT_STATE: z
    .string()
    .min(16, 'must be at least 16 characters')
    .max(128, 'must be at most 128 characters')
    .optional(),
  LOCAL_M365_TENANT_ID: guid.default(LOCAL_DEFAULTS.tenantId),
  LOCAL_M365_CLIENT_ID: guid.default(LOCAL_DEFAULTS.clientId),
  LOCAL_M365_CLIENT_SECRET: nonEmpty.default(LOCAL_DEFAULTS.clientSecret),
  EMULATOR_PORT: port.default(LOCAL_DEFAULTS.emulatorPort),
  EMULATOR_STATE_FILE: nonEmpty.optional(),
  LOCAL_PLAYGROUND_USER: z.email().optional(),
} satisfies Record<ConfigVariable, z.ZodType>;

const schema = z.object(fields);
type Parsed = z.infer<typeof schema>;

export interface LoadConfigOptions {
  /** A .env file to read under the environment (the environment wins). Default: ./.env if present. */
  envFile?: string | false;
  cwd?: string;
  /** The real clock AWARD_NOW is offset from (tests pass a fake). */
  systemClock?: Clock;
}

/** Reads and validates the configuration once. Throws ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  const merged = { ...readEnvFile(options.envFile, cwd), ...env };
  // An empty value counts as unset, as in most .env tooling.
  const input: Record<string, string> = {};
  for (const name of CONFIG_VARIABLES) {
    const value = merged[name]?.trim();
    if (value) input[name] = value;
  }

  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0]) as ConfigVariable,
        problem: issue.message,
      })),
    );
  }
  const v = result.data;
  const problems: ConfigProblem[] = [];
  const tenantMode = [
    'M365_TENANT_ID',
    'M365_CLIENT_ID',
    'M365_CLIENT_SECRET',
    'M365_CLIENT_CERTIFICATE_PATH',
  ].some((name) => input[name] !== undefined);

  const config = tenantMode ? tenantConfig(v, problems) : localConfig(v, resolve(cwd, v.DATA_DIR));
  checkBot(v, tenantMode, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    ...config,
    version: appVersion(),
    port: v.PORT,
    publicUrl: v.PUBLIC_URL?.replace(/\/+$/, ''),
    logLevel: v.LOG_LEVEL,
    dataDir: resolve(cwd, v.DATA_DIR),
    databaseUrl: v.DATABASE_URL,
    awardNow: v.AWARD_NOW,
    clock: makeClock(v.AWARD_NOW, options.systemClock),
    bot: {
      appId: v.BOT_APP_ID,
      appPassword: v.BOT_APP_PASSWORD,
      tenantId: v.BOT_TENANT_ID ?? (tenantMode ? v.M365_TENANT_ID : undefined),
    },
  };
}

type ModeParts = Pick<Config, 'mode' | 'm365' | 'graphWebhookClientState' | 'emulator'>;

function localConfig(v: Parsed, dataDir: string): ModeParts {
  return {
    mode: 'local',
    m365: {
      tenantId: v.LOCAL_M365_TENANT_ID,
      clientId: v.LOCAL_M365_CLIENT_ID,
      clientSecret: v.LOCAL_M365_CLIENT_SECRET,
      sharedMailbox: v.SHARED_MAILBOX ?? LOCAL_DEFAULTS.sharedMailbox,
      // Explicit values let the local mode point at an emulator run elsewhere (npm run emulator).
      graphBaseUrl: v.GRAPH_BASE_URL?.replace(/\/+$/, ''),
      authorityHost: v.AUTHORITY_HOST?.replace(/\/+$/, ''),
    },
    graphWebhookClientState: v.GRAPH_WEBHOOK_CLIENT_STATE ?? LOCAL_DEFAULTS.webhookClientState,
    // The local Microsoft 365 keeps its mailbox beside the app's database, so a restart on the same
    // DATA_DIR sees the same mails (same ids) and does not read the demo mail again as new.
    emulator: {
      port: v.EMULATOR_PORT,
      stateFile: resolve(dataDir, v.EMULATOR_STATE_FILE ?? 'emulator.json'),
      ...(v.LOCAL_PLAYGROUND_USER ? { playgroundUser: v.LOCAL_PLAYGROUND_USER.toLowerCase() } : {}),
    },
  };
}

function tenantConfig(v: Parsed, problems: ConfigProblem[]): ModeParts {
  const need = (variable: ConfigVariable, value: unknown, why: string) => {
    if (value === undefined) problems.push({ variable, problem: `is required ${why}` });
  };
  const why = 'in tenant mode (M365_* is set)';
  need('M365_TENANT_ID', v.M365_TENANT_ID, why);
  need('M365_CLIENT_ID', v.M365_CLIENT_ID, why);
  need('SHARED_MAILBOX', v.SHARED_MAILBOX, why);
  if (!v.M365_CLIENT_SECRET && !v.M365_CLIENT_CERTIFICATE_PATH) {
    problems.push({
      variable: 'M365_CLIENT_SECRET',
      problem: `or M365_CLIENT_CERTIFICATE_PATH is required ${why}`,
    });
  }
  if (v.M365_CLIENT_CERTIFICATE_PATH && !v.M365_CLIENT_CERTIFICATE_THUMBPRINT) {
    need('M365_CLIENT_CERTIFICATE_THUMBPRINT', undefined, 'with M365_CLIENT_CERTIFICATE_PATH');
  }
  if (v.M365_CLIENT_CERTIFICATE_PATH && !existsSync(v.M365_CLIENT_CERTIFICATE_PATH)) {
    problems.push({
      variable: 'M365_CLIENT_CERTIFICATE_PATH',
      problem: `names a file that does not exist (${v.M365_CLIENT_CERTIFICATE_PATH})`,
    });
  }
  return {
    mode: 'tenant',
    m365: {
      tenantId: v.M365_TENANT_ID ?? '',
      clientId: v.M365_CLIENT_ID ?? '',
      clientSecret: v.M365_CLIENT_SECRET,
      certificate:
        v.M365_CLIENT_CERTIFICATE_PATH && v.M365_CLIENT_CERTIFICATE_THUMBPRINT
          ? {
              path: v.M365_CLIENT_CERTIFICATE_PATH,
              thumbprint: v.M365_CLIENT_CERTIFICATE_THUMBPRINT,
            }
          : undefined,
      sharedMailbox: v.SHARED_MAILBOX ?? '',
      graphBaseUrl: (v.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, ''),
      authorityHost: (v.AUTHORITY_HOST ?? 'https://login.microsoftonline.com').replace(/\/+$/, ''),
    },
    graphWebhookClientState: v.GRAPH_WEBHOOK_CLIENT_STATE,
  };
}

function checkBot(v: Parsed, tenantMode: boolean, problems: ConfigProblem[]): void {
  if (tenantMode) {
    // An unauthenticated bot endpoint is acceptable on a developer's loopback, never against a tenant.
    if (!v.BOT_APP_ID) {
      problems.push({ variable: 'BOT_APP_ID', problem: 'is required in tenant mode' });
    } else if (!v.BOT_APP_PASSWORD) {
      problems.push({
        variable: 'BOT_APP_PASSWORD',
        problem: 'is required with BOT_APP_ID in tenant mode',
      });
    }
  }
  if (v.BOT_APP_PASSWORD && !v.BOT_APP_ID) {
    problems.push({ variable: 'BOT_APP_ID', problem: 'is required when BOT_APP_PASSWORD is set' });
  }
}

function readEnvFile(envFile: string | false | undefined, cwd: string): Record<string, string> {
  if (envFile === false) return {};
  const path = resolve(cwd, envFile ?? '.env');
  if (!existsSync(path)) return {};
  return parseDotenv(readFileSync(path));
}

const systemClock: Clock = { now: () => new Date() };

/**
 * AWARD_NOW sets where the clock starts; it then runs at normal speed, so events keep their order
 * and timers behave, while the app believes it is (say) the week before the submission deadline.
 */
export function makeClock(awardNow: string | undefined, base: Clock = systemClock): Clock {
  if (!awardNow) return base;
  const offset = Date.parse(awardNow) - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}

/** The configuration as it may be printed: secrets as "***", the database password hidden. */
export function redactedConfig(config: Config): Record<string, unknown> {
  const hide = (value: string | undefined) => (value === undefined ? undefined : '***');
  return {
    mode: config.mode,
    version: config.version,
    port: config.port,
    publicUrl: config.publicUrl,
    logLevel: config.logLevel,
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl ? redactUrlPassword(config.databaseUrl) : undefined,
    awardNow: config.awardNow,
    m365: {
      ...config.m365,
      clientSecret: hide(config.m365.clientSecret),
    },
    bot: { ...config.bot, appPassword: hide(config.bot.appPassword) },
    graphWebhookClientState: hide(config.graphWebhookClientState),
    emulator: config.emulator,
  };
}

function redactUrlPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '***';
  }
}
