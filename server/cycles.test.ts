import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tabStatus } from '../tab/status.js';
import { currentCycles, loadCycles } from './cycles.js';

const cycles = loadCycles();

describe('cycles', () => {
  it('loads the shipped cycle files', () => {
    expect(cycles.map((c) => c.year)).toEqual([2026, 2027]);
  });

  it("picks the cycle of the clock's year, with last year's while its feedback visits run", () => {
    const january = currentCycles(cycles, new Date('2027-01-15T10:00:00+01:00'));
    expect(january.current.year).toBe(2027);
    expect(january.earlier?.year).toBe(2026);
    const status = tabStatus(january.current, new Date('2027-01-15T10:00:00+01:00'), {
      earlier: january.earlier,
    });
    expect(status.deadlines[0]).toMatchObject({ year: 2026, kind: 'feedback-visit-window' });

    const may = currentCycles(cycles, new Date('2027-05-10T09:00:00+02:00'));
    expect(may.earlier).toBeUndefined();
  });

  it('uses Stockholm time at the turn of the year', () => {
    // 23:30 UTC on 31 December is already 1 January in Stockholm.
    expect(currentCycles(cycles, new Date('2026-12-31T23:30:00Z')).current.year).toBe(2027);
  });

  it('names the year and the known years when there is no cycle', () => {
    expect(() => currentCycles(cycles, new Date('2031-03-01T09:00:00+01:00'))).toThrow(
      /2031.*2026, 2027/,
    );
  });

  it('names a cycle file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvalitet-cycles-'));
    writeFileSync(join(dir, '2028.json'), '{ "year": 2028,');
    expect(() => loadCycles(dir)).toThrow(/2028\.json is not valid JSON/);
  });
});
