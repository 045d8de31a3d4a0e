import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCycle } from '../../core/cycle.js';
import { cycleForMail } from './cycle.js';

describe('the cycle a mail belongs to', () => {
  const load = (year: number) =>
    parseCycle(
      JSON.parse(readFileSync(new URL(`../../cycles/${year}.json`, import.meta.url), 'utf8')),
    );
  const c2026 = load(2026);
  const cycles = [load(2027), c2026];

  it('a pre-registration after this year’s submission deadline is for next year', () => {
    expect(cycleForMail(cycles, 'pre-registration', '2026-03-01T10:00:00+01:00')?.year).toBe(2026);
    expect(cycleForMail(cycles, 'pre-registration', '2026-11-24T10:00:00+01:00')?.year).toBe(2027);
  });

  it('a late submission is still this year’s (and judged late there)', () => {
    const deadline = c2026.timeline.submissionDeadline;
    expect(cycleForMail(cycles, 'submission', `${deadline}T23:59:00+02:00`)?.year).toBe(2026);
    const dayAfter = new Date(Date.parse(`${deadline}T12:00:00+02:00`) + 86_400_000).toISOString();
    expect(cycleForMail(cycles, 'submission', dayAfter)?.year).toBe(2026);
  });

  it('a protocol in the summer reports this year’s units', () => {
    expect(cycleForMail(cycles, 'board-protocol', '2026-07-15T10:00:00+02:00')?.year).toBe(2026);
  });

  it('falls back to the latest cycle when none is open', () => {
    expect(cycleForMail(cycles, 'question', '2030-01-01T10:00:00+01:00')?.year).toBe(2027);
  });

  it('leaves mail from before the first cycle out of every cycle', () => {
    expect(cycleForMail(cycles, 'pre-registration', '2019-03-01T10:00:00+01:00')).toBeUndefined();
    expect(cycleForMail(cycles, 'pre-registration', '2025-09-01T10:00:00+02:00')?.year).toBe(2026);
  });
});
