import { describe, expect, it } from 'vitest';
import { cycleForYear, parseCycle, parseCycles } from './cycle.js';
import { DomainError, isDomainError } from './errors.js';
import { SAMPLE_CYCLE } from './sample-cycle.js';

// A valid file for each year, made from the sample so the errors below come from one change each.
const read = (year: number): unknown => ({
  ...structuredClone(SAMPLE_CYCLE),
  year,
  ...shiftedTimeline(year),
});
function shiftedTimeline(year: number) {
  const shift = (text: string) =>
    text.replace(/^2027/, String(year)).replace(/^2028/, String(year + 1));
  const t = structuredClone(SAMPLE_CYCLE.timeline);
  return {
    timeline: {
      ...t,
      infoMeetings: t.infoMeetings.map((m) => ({
        ...m,
        start: shift(m.start),
        end: shift(m.end),
        signupDeadline: shift(m.signupDeadline),
      })),
      preRegistrationDeadline: shift(t.preRegistrationDeadline),
      submissionDeadline: shift(t.submissionDeadline),
      boardProtocolDeadline: shift(t.boardProtocolDeadline),
      siteVisitWindow: { from: shift(t.siteVisitWindow.from), to: shift(t.siteVisitWindow.to) },
      juryDate: shift(t.juryDate),
      ceremony: { ...t.ceremony, date: shift(t.ceremony.date) },
      feedbackVisitWindow: {
        from: shift(t.feedbackVisitWindow.from),
        to: shift(t.feedbackVisitWindow.to),
      },
    },
  };
}
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
