// Starts the real server in-process, local mode, on random ports with a fresh data directory, and
// speaks HTTP to it the way Teams and a browser would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Env } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { startServer, type RunningServer, type StartOptions } from '../../server/start.js';
import { seedPgliteDataDir } from '../support/pglite-template.js';

export interface TestServer extends RunningServer {
  dataDir: string;
  stop(): Promise<void>;
}

export async function startTestServer(
  env: Env = {},
  options: StartOptions = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kvalitet-test-'));
  // A test naming its own DATA_DIR gets exactly that; the others skip initdb (a migrated copy).
  if (env.DATA_DIR === undefined) seedPgliteDataDir(dataDir);
  const config = loadConfig(
    { PORT: '0', EMULATOR_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
    { envFile: false },
  );
  const running = await startServer(config, {
    logger: createLogger('silent'),
    host: '127.0.0.1',
    ...options,
  });
  return {
    ...running,
    dataDir,
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Teams-shaped personal-chat message activity. */
export function teamsMessage(
  text: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'message',
    id: `1700000000000${Math.floor(Math.random() * 1000)}`,
    timestamp: '2026-11-24T10:00:00.000Z',
    localTimestamp: '2026-11-24T11:00:00.000+01:00',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    from: {
      id: '29:1a2b3c-user',
      name: 'Anna Samordnare',
      aadObjectId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
    },
    conversation: {
      conversationType: 'personal',
      tenantId: '5f1c3a2e-7b4d-4e8a-9c61-2d0b8e4f9a17',
      id: 'a:1xYzPersonalConversation',
    },
    recipient: { id: '28:0a7d9e3c-1b2f-4c5d-8e6f-7a8b9c0d1e2f', name: 'Kvalitetsutmärkelsen' },
    textFormat: 'plain',
    locale: 'sv-SE',
    text,
    entities: [
      {
        type: 'clientInfo',
        locale: 'sv-SE',
        country: 'SE',
        platform: 'Web',
        timezone: 'Europe/Stockholm',
      },
    ],
    channelData: { tenant: { id: '5f1c3a2e-7b4d-4e8a-9c61-2d0b8e4f9a17' } },
    deliveryMode: 'expectReplies',
    ...overrides,
  };
}

export interface ReplyActivity {
  type: string;
  text?: string;
  summary?: string;
  channelId?: string;
  attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
}

export async function postActivity(
  server: { url: string },
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}
