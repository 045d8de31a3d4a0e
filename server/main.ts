// `npm start`: read the configuration, start everything, print where to find it, and shut down
// gracefully on SIGTERM/SIGINT. Expected start-up failures print one line naming the cause, exit 1.
import { bannerText } from './banner.js';
import { loadConfig, redactedConfig, type Config } from './config.js';
import { describeStartupFailure } from './errors.js';
import { createLogger } from './logger.js';
import type { RunningServer } from './start.js';

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
    // Loaded once the configuration is known good: a bad one is named in a second, not after the
    // whole app (features, Graph, storage drivers) has been imported.
    const [{ startServer }, { FEATURES }] = await Promise.all([
      import('./start.js'),
      import('./enabled-features.js'),
    ]);
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
  console.log(bannerText(r));
}

void main();
