// The shipped cycle files (cycles/<year>.json): they validate with core's parser, follow the yearly
// pattern of the seeds, and 2026 stands where it should on 24 November 2026.
import { readdirSync, readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { cycleForYear, parseCycles } from '../../core/cycle.js';
import { currentPhase, upcomingDeadlines } from '../../core/deadlines.js';
import type { Cycle } from '../../core/model.js';
import { SAMPLE_CYCLE } from '../../core/sample-cycle.js';

const dir = new URL('../../cycles/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const cycles = parseCycles(
  files.map((f) => ({
    json: JSON.parse(readFileSync(new URL(f, dir), 'utf8')),
    source: `cycles/${f}`,
  })),
);

describe('the shipped cycle files', () => {
  it('2026 and 2027 parse, one file per year named after it', () => {
    expect(files.sort()).toEqual(['2026.json', '2027.json']);
    expect(cycles.map((c) => c.year)).toEqual([2026, 2027]);
  });

  it('carry the rules of the instructions', () => {
    for (const c of cycles) {
      expect(c.rules).toEqual({
        maxCharacters: 85000,
        minStaff: 5,
        minStockholmShare: 0.51,
        winnerLockoutYears: 2,
        budgetRule: 'no-deficit-last-year-or-forecast',
      });
      expect(c.mailbox).toBe('kvalitetsutmarkelsen@stockholm.example');
    }
  });

  it.each([2026, 2027])('%i follows the yearly pattern of the seeds', (year) => {
    const t = (cycles.find((x) => x.year === year) as Cycle).timeline;
    const day = (d: string) => DateTime.fromISO(d, { zone: 'Europe/Stockholm' });
    const weekday = (d: string) => day(d).weekday <= 5;
    expect(t.infoMeetings.length).toBeGreaterThanOrEqual(2);
    for (const m of t.infoMeetings) {
      expect([2, 3]).toContain(day(m.start).month);
      expect(m.signupDeadline < m.start.slice(0, 10)).toBe(true);
    }
    expect(t.preRegistrationDeadline.slice(0, 8)).toBe(`${year}-03-`);
    expect(Math.abs(day(t.preRegistrationDeadline).day - 22)).toBeLessThanOrEqual(2);
    expect(weekday(t.preRegistrationDeadline)).toBe(true);
    expect(t.submissionDeadline).toBe(`${year}-05-17`);
    expect(
      Math.abs(day(t.boardProtocolDeadline).diff(day(`${year}-06-30`), 'days').days),
    ).toBeLessThanOrEqual(2);
    expect(weekday(t.boardProtocolDeadline)).toBe(true);
    expect(day(t.siteVisitWindow.from).month).toBe(9);
    expect(day(t.siteVisitWindow.to).month).toBe(10);
    expect(day(t.ceremony.date).month).toBe(11);
    expect(day(t.ceremony.date).day).toBeGreaterThanOrEqual(20);
    expect(t.ceremony.place).toContain('Stadshuset');
    expect(t.feedbackVisitWindow.from > t.ceremony.date).toBe(true);
    expect(t.feedbackVisitWindow.to.slice(0, 4)).toBe(String(year + 1));
  });

  it('on 24 November 2026 the 2026 cycle awaits its ceremony, with feedback visits after it', () => {
    const c = cycleForYear(cycles, 2026);
    const now = '2026-11-24T12:00:00+01:00';
    expect(currentPhase(c, now).phase).toBe('ceremony');
    expect(upcomingDeadlines(c, now).map((e) => e.kind)).toEqual([
      'ceremony',
      'feedback-visit-window',
    ]);
    expect(currentPhase(cycleForYear(cycles, 2027), now).phase).toBe('pre-registration');
  });

  it("core's SAMPLE_CYCLE equals cycles/2027.json", () => {
    expect(SAMPLE_CYCLE).toEqual(cycleForYear(cycles, 2027));
  });
});
