import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { cycleForYear, parseCycle, parseCycles } from './cycle.js';
import { DomainError, isDomainError } from './errors.js';
import type { Cycle } from './model.js';

const read = (year: number): unknown =>
  JSON.parse(readFileSync(new URL(`../cycles/${year}.json`, import.meta.url), 'utf8'));
const clone = <T>(v: T): T => structuredClone(v);

function parseError(json: unknown): DomainError {
  try {
    parseCycle(json, 'cycles/test.json');
  } catch (error) {
    if (isDomainError(error, 'invalid-cycle')) return error;
    throw error;
  }
  throw new Error('expected an invalid-cycle error');
}

describe('the shipped cycle files', () => {
  const cycles = parseCycles([
    { json: read(2026), source: 'cycles/2026.json' },
    { json: read(2027), source: 'cycles/2027.json' },
  ]);

  it('both parse, sorted by year, with the rules of the instructions', () => {
    expect(cycles.map((c) => c.year)).toEqual([2026, 2027]);
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
    const c = cycles.find((x) => x.year === year) as Cycle;
    const t = c.timeline;
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

  it('2026 has its ceremony after today (24 November 2026) and feedback visits after it', () => {
    const c = cycleForYear(cycles, 2026);
    expect(c.timeline.ceremony.date >= '2026-11-24').toBe(true);
    expect(c.timeline.feedbackVisitWindow.from > c.timeline.ceremony.date).toBe(true);
  });
});

describe('cycleForYear', () => {
  const cycles = parseCycles([{ json: read(2027) }, { json: read(2026) }]);

  it('finds a known year', () => {
    expect(cycleForYear(cycles, 2027).year).toBe(2027);
  });

  it('names the unknown year and the known ones', () => {
    let caught: unknown;
    try {
      cycleForYear(cycles, 2031);
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught, 'unknown-cycle')).toBe(true);
    expect((caught as DomainError).messages).toEqual({
      sv: 'Inget omgångsår 2031 finns; kända år: 2026, 2027',
      en: 'No cycle for the year 2031; known years: 2026, 2027',
    });
    expect((caught as DomainError).details).toEqual({ year: 2031, knownYears: [2026, 2027] });
  });
});

describe('parseCycle names the bad field', () => {
  it('a missing field', () => {
    const json = clone(read(2027)) as { timeline: Record<string, unknown> };
    delete json.timeline.submissionDeadline;
    const error = parseError(json);
    expect(error.details.path).toBe('timeline.submissionDeadline');
    expect(error.messages.sv).toBe(
      'Omgångsfilen 2027 (cycles/test.json) är ogiltig: timeline.submissionDeadline: saknas',
    );
    expect(error.messages.en).toBe(
      'The cycle file 2027 (cycles/test.json) is invalid: timeline.submissionDeadline: is missing',
    );
  });

  it('a date written the Swedish way', () => {
    const json = clone(read(2027)) as { timeline: { infoMeetings: { signupDeadline: string }[] } };
    json.timeline.infoMeetings[1]!.signupDeadline = '10 februari';
    const error = parseError(json);
    expect(error.details.path).toBe('timeline.infoMeetings[1].signupDeadline');
    expect(error.messages.sv).toContain('ska vara ett datum skrivet ÅÅÅÅ-MM-DD');
  });

  it('an instant without offset', () => {
    const json = clone(read(2027)) as { timeline: { infoMeetings: { start: string }[] } };
    json.timeline.infoMeetings[0]!.start = '2027-02-16T09:00:00';
    expect(parseError(json).details.path).toBe('timeline.infoMeetings[0].start');
  });

  it('a misspelt key', () => {
    const json = clone(read(2027)) as { rules: Record<string, unknown> };
    json.rules.minStaf = 5;
    const error = parseError(json);
    expect(error.messages.en).toContain('rules: unknown fields: minStaf');
  });

  it('a bad rule value', () => {
    const json = clone(read(2027)) as { rules: Record<string, unknown> };
    json.rules.budgetRule = 'surplus';
    json.rules.minStockholmShare = 51;
    const error = parseError(json);
    const paths = (error.details.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['rules.budgetRule', 'rules.minStockholmShare']));
  });

  it('dates out of order', () => {
    const json = clone(read(2027)) as { timeline: Record<string, unknown> };
    json.timeline.boardProtocolDeadline = '2027-05-10';
    const error = parseError(json);
    expect(error.details.path).toBe('timeline.boardProtocolDeadline');
    expect(error.messages.en).toContain('is before timeline.submissionDeadline (2027-05-17)');
  });

  it('a deadline in the wrong year', () => {
    const json = clone(read(2027)) as { year: number };
    json.year = 2028;
    expect(parseError(json).messages.en).toContain(
      'timeline.preRegistrationDeadline: is not in 2028',
    );
  });

  it('a signup deadline after its meeting', () => {
    const json = clone(read(2027)) as { timeline: { infoMeetings: { signupDeadline: string }[] } };
    json.timeline.infoMeetings[0]!.signupDeadline = '2027-02-20';
    expect(parseError(json).details.path).toBe('timeline.infoMeetings[0].signupDeadline');
  });

  it('not an object at all', () => {
    expect(parseError(null).messages.en).toContain('(root)');
    expect(parseError('2027').reason).toBe('invalid-cycle');
  });

  it('two files for the same year', () => {
    expect(() => parseCycles([{ json: read(2027) }, { json: read(2027) }])).toThrowError(
      /more than one cycle file/,
    );
  });
});
