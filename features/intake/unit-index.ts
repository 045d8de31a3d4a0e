// The unit register as the intake matches mails against it: the units and the matcher's prepared
// index (core/intake/match.ts), kept once per process and store, rebuilt only when the store's units
// version moved. A 1,000-mail rush over 1,000 units then costs one tiny version read per mail
// instead of a full read and an index build; a unit imported, renamed or merged (by this process or
// another one on the same database) is matched from the next mail on.
import { prepareUnits, type PreparedUnit } from '../../core/intake/index.js';
import type { Unit } from '../../core/model.js';
import type { UnitsRepo } from '../../store/index.js';
import { toMatchable } from './protocol.js';

export interface UnitIndex {
  // Both are shared between the mails being processed: a reader never changes them.
  /** Every unit, sorted by name. */
  readonly units: readonly Unit[];
  /** The matcher's index over the same units. */
  readonly prepared: PreparedUnit[];
  /** The store's units version this was built from. */
  readonly version: string;
}

export interface UnitIndexCache {
  /** The index for the store's current units version (one version read; a rebuild only when it moved). */
  current(): Promise<UnitIndex>;
  /** How many times the index was built (for tests and benchmarks). */
  readonly builds: number;
}

const caches = new WeakMap<object, UnitIndexCache>();

/** The one cache of this process for this store (keyed by the store, so every intake part shares it). */
export function unitIndexFor(store: { readonly units: UnitsRepo }): UnitIndexCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = createUnitIndexCache(store.units);
    caches.set(store, cache);
  }
  return cache;
}

export function createUnitIndexCache(units: UnitsRepo): UnitIndexCache {
  let index: UnitIndex | undefined;
  // One rebuild at a time per version: the worker processes six mails at once, and all six would
  // otherwise see the same new version and read the register six times.
  let building: { version: string; promise: Promise<UnitIndex> } | undefined;
  let builds = 0;

  const build = async (version: string): Promise<UnitIndex> => {
    // The version is read before the list, so the list is at least as new as the version it is
    // kept under: a write in between only causes one more rebuild, never a stale index.
    const list = await units.list();
    builds++;
    return { units: list, prepared: prepareUnits(list.map(toMatchable)), version };
  };

  return {
    get builds() {
      return builds;
    },
    async current() {
      const version = await units.version();
      if (index?.version === version) return index;
      if (building?.version === version) return building.promise;
      const promise = build(version);
      const mine = { version, promise };
      building = mine;
      try {
        const built = await promise;
        // An older build finishing after a newer one started must not replace the newer index.
        if (building === mine) index = built;
        return built;
      } finally {
        if (building === mine) building = undefined;
      }
    },
  };
}
