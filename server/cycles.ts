// The award cycles the app runs on: read from cycles/<year>.json (versioned in the repo), validated by
// core, and the one that matters "now" picked by the clock. An unknown year stops start-up.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cycleForYear, parseCycles } from '../core/cycle.js';
import { currentPhase } from '../core/deadlines.js';
import type { Cycle } from '../core/model.js';
import { toStockholm } from '../core/time.js';
import { StartupError } from './errors.js';

export const CYCLES_DIR = fileURLToPath(new URL('../cycles/', import.meta.url));

export function loadCycles(dir: string = CYCLES_DIR): Cycle[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /^\d{4}\.json$/.test(name));
  } catch (err) {
    throw new StartupError(`Cannot read the cycle files in ${dir}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return parseCycles(
    names.map((name) => {
      const path = join(dir, name);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path, 'utf8'));
      } catch (err) {
        throw new StartupError(
          `The cycle file ${path} is not valid JSON: ${(err as Error).message}`,
          { cause: err },
        );
      }
      return { json, source: name };
    }),
  );
}

export interface CurrentCycles {
  /** The cycle of the current year in Stockholm. */
  current: Cycle;
  /** Last year's cycle while it is still running (feedback visits reaching into the new year). */
  earlier?: Cycle;
}

/** The cycle of `now`'s year; DomainError 'unknown-cycle' (naming the known years) if there is none. */
export function currentCycles(cycles: readonly Cycle[], now: Date): CurrentCycles {
  const year = toStockholm(now).year;
  const current = cycleForYear(cycles, year);
  const earlier = cycles.find((c) => c.year === year - 1);
  return {
    current,
    ...(earlier && currentPhase(earlier, now).phase !== 'closed' ? { earlier } : {}),
  };
}
