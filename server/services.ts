// Adapters from the server to storage (store/) and the local Microsoft 365 (emulator/): the only
// place that knows their start-up signatures, so start.ts reads as the sequence of steps it is.
import type { EmulatorLogger } from '../emulator/server.js';
import { openStore, type Store, type StoreLogger } from '../store/index.js';
import type { Clock } from './config.js';
import { TEAMS_APP_ID } from '../manifest/build.js';

export type AppStore = Store;

export interface LocalEmulator {
  /** http://127.0.0.1:<port> (Graph under /v1.0, tokens under /{tenant}/oauth2/v2.0/token). */
  url: string;
  /** Where the emulator's Teams sends the bot's activities (set once the server listens). */
  setBotEndpoint?(url: string): void;
  close(): Promise<void>;
}

export async function openAppStore(options: {
  databaseUrl?: string;
  dataDir: string;
  clock: Clock;
  logger?: StoreLogger;
}): Promise<AppStore> {
  return openStore({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    clock: () => options.clock.now(),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}

export async function startLocalEmulator(options: {
  port: number;
  stateFile?: string;
  clock: Clock;
  logger?: EmulatorLogger;
}): Promise<LocalEmulator> {
  // Loaded on demand: tenant mode never loads the emulator (nor its seed data).
  const { startEmulator } = await import('../emulator/server.js');
  // The emulator serves its seeded demo tenant by default and shares the app's clock (AWARD_NOW).
  return startEmulator({
    port: options.port,
    now: () => options.clock.now(),
    teamsAppExternalId: TEAMS_APP_ID,
    ...(options.stateFile ? { stateFile: options.stateFile } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
