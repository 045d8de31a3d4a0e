// Adapters from the server to storage (store/) and the local Microsoft 365 (emulator/): the only
// place that knows their start-up signatures, so start.ts reads as the sequence of steps it is.
import type { Clock } from './config.js';

export interface AppStore {
  /** A trivial query; rejects when the database is gone. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface LocalEmulator {
  /** http://127.0.0.1:<port> (Graph under /v1.0, tokens under /{tenant}/oauth2/v2.0/token). */
  url: string;
  close(): Promise<void>;
}

// store/ and emulator/ are being written alongside; they are loaded by name until their entry points
// land, then these become static imports.
const STORE_MODULE = '../store/index.js';
const EMULATOR_MODULE = '../emulator/server.js';
const SEED_MODULE = '../emulator/seed/index.js';

export async function openAppStore(options: {
  databaseUrl?: string;
  dataDir: string;
  clock: Clock;
}): Promise<AppStore> {
  const mod = (await import(STORE_MODULE)) as {
    openStore(o: { databaseUrl?: string; dataDir: string; now?: () => Date }): Promise<AppStore>;
  };
  return mod.openStore({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    now: () => options.clock.now(),
  });
}

export async function startLocalEmulator(options: {
  port: number;
  stateFile?: string;
  clock: Clock;
}): Promise<LocalEmulator> {
  const seed = (await import(SEED_MODULE)) as { buildDemoTenant(): Promise<unknown> };
  const emulator = (await import(EMULATOR_MODULE)) as {
    startEmulator(o: { port: number; tenant: unknown; stateFile?: string }): Promise<LocalEmulator>;
  };
  return emulator.startEmulator({
    port: options.port,
    tenant: await seed.buildDemoTenant(),
    ...(options.stateFile ? { stateFile: options.stateFile } : {}),
  });
}
