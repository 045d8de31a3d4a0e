// The intake's unit index: read once per units version, shared by mails processed at the same time.
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../core/model.js';
import type { UnitsRepo } from '../../store/index.js';
import { createUnitIndexCache } from './unit-index.js';

function fakeUnits(initial: Unit[]) {
  let units = initial;
  let version = 1;
  const counts = { list: 0, version: 0 };
  const repo = {
    async list() {
      counts.list++;
      await new Promise((r) => setTimeout(r, 5));
      return units;
    },
    async version() {
      counts.version++;
      return String(version);
    },
  } as unknown as UnitsRepo;
  return {
    repo,
    counts,
    write(next: Unit[]) {
      units = next;
      version++;
    },
  };
}

const unit = (id: string, name: string): Unit => ({
  id,
  name,
  classId: 'forskola',
  organisationId: 'sdn-norr',
  managerName: 'Bo Berg',
  managerEmail: `${id}@stockholm.example`,
  ownership: 'municipal',
  staffCount: 10,
});

describe('the intake unit index', () => {
  it('reads the units once per version, however many mails ask at once', async () => {
    const store = fakeUnits([unit('u1', 'Förskolan Solrosen')]);
    const cache = createUnitIndexCache(store.repo);
    const six = await Promise.all(Array.from({ length: 6 }, () => cache.current()));
    expect(store.counts.list).toBe(1);
    expect(new Set(six).size).toBe(1);
    await cache.current();
    expect(store.counts.list).toBe(1);
    expect(cache.builds).toBe(1);

    store.write([unit('u1', 'Förskolan Solstrålen')]);
    const after = await cache.current();
    expect(after.units.map((u) => u.name)).toEqual(['Förskolan Solstrålen']);
    expect(after.prepared[0]?.unit.name).toBe('Förskolan Solstrålen');
    expect(cache.builds).toBe(2);
    expect(store.counts.version).toBe(8);
  });
});
