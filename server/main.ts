// `npm start`: read the configuration, start everything, print where to find it, and shut down
// gracefully on SIGTERM/SIGINT. Expected start-up failures print one line naming the cause, exit 1.
import { loadConfig, redactedConfig, type Config } from './config.js';
import { describeStartupFailure } from './errors.js';
import { FEATURES } from './enabled-features.js';
import { createLogger } from './logger.js';
import { startServer, type RunningServer } from './start.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    fail(err);
  }
  const logger = createLogger(config.logLevel);
  logger.info({ config: redactedConfig(config) }, 'configuration');

  let running: RunningServer;
  try {
    running = await startServer(config, { logger, features: FEATURES });
  } catch (err) {
    fail(err);
  }
  printBanner(running);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: exiting now.`);
      process.exit(130);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function fail(err: unknown): never {
  const { message, expected } = describeStartupFailure(err);
  console.error(
    expected ? `Start-up stopped: ${message}` : `Start-up failed unexpectedly:\n${message}`,
  );
  process.exit(1);
}

function printBanner(r: RunningServer): void {
  const c = r.config;
  const lines = [
    '',
    `Kvalitetsutmärkelsen ${c.version} — ${c.mode === 'local' ? 'local mode (no tenant needed)' : `tenant ${c.m365.tenantId}`}`,
    `  App          ${r.url}   (health: ${r.url}/healthz, ready: ${r.url}/readyz)`,
    `  Bot endpoint ${r.botEndpoint}`,
    `  Tab          ${r.url}/tab/`,
  ];
  if (c.awardNow) lines.push(`  Clock        starts at ${c.awardNow} (AWARD_NOW)`);
  if (c.mode === 'local') {
    const graph = r.emulatorUrl ? `${r.emulatorUrl}/v1.0` : c.m365.graphBaseUrl;
    // As start-up does: an emulator run on its own has its token endpoint beside /v1.0.
    const tokens =
      r.emulatorUrl ??
      c.m365.authorityHost ??
      (c.m365.graphBaseUrl ? new URL(c.m365.graphBaseUrl).origin : undefined);
    lines.push(
      `  Emulator     ${graph}   (Microsoft Graph v1.0, demo tenant stockholm.example)`,
      `  Token        POST ${tokens}/${c.m365.tenantId}/oauth2/v2.0/token`,
      `  Demo app     client_id=${c.m365.clientId}  client_secret=${c.m365.clientSecret}`,
      `  Mailbox      ${c.m365.sharedMailbox}`,
      `  Teams        ${tokens}/smba/   (Bot Connector stand-in; chats: GET ${tokens}/_admin/teams/messages?upn=<upn>)`,
      `  Playground   TEAMSAPPTESTER_BROWSER=none npx agentsplayground -e ${r.botEndpoint.replace('localhost', '127.0.0.1')} -c msteams --disable-telemetry`,
    );
  }
  lines.push('');
  console.log(lines.join('\n'));
}

void main();
