// Optional persistence of the whole state to one JSON file: loaded at start when present, written
// (atomically, debounced) after changes and at close.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StateData } from './model.js';

export function loadStateFile(path: string): StateData | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let data: StateData;
  try {
    data = JSON.parse(text) as StateData;
  } catch (e) {
    throw new Error(`Emulator state file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (data.version !== 1 || typeof data.tenantId !== 'string' || !data.mailboxes)
    throw new Error(`Emulator state file ${path} is not an emulator state (version 1).`);
  return data;
}

export function saveStateFile(path: string, data: StateData): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data));
  renameSync(tmp, path);
}

/** Debounced writer: schedule() after changes, flush() at close. */
export class StateSaver {
  private timer: NodeJS.Timeout | undefined;
  constructor(
    private readonly path: string,
    private readonly data: () => StateData,
    private readonly delayMs = 1000,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      saveStateFile(this.path, this.data());
    }, this.delayMs);
    this.timer.unref?.();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    saveStateFile(this.path, this.data());
  }
}
