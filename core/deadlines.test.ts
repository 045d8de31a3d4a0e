import { describe, expect, it } from 'vitest';
import {
  currentPhase,
  cycleTimeline,
  deadlineInstant,
  isLate,
  timeLeft,
  upcomingDeadlines,
} from './deadlines.js';
import { isDomainError } from './errors.js';
import { SAMPLE_CYCLE as cycle2027 } from './sample-cycle.js';

const ms = (iso: string) => new Date(iso).getTime();

describe('deadlineInstant: "kl. 24.00" is the start of the next local day', () => {
  it('17 May kl. 24.00 is 18 May 00:00 summer time', () => {
    expect(deadlineInstant('2027-05-17')).toBe('2027-05-18T00:00:00+02:00');
  });

  it('the day before the spring change ends at 00:00 winter time', () => {
    expect(deadlineInstant('2027-03-27')).toBe('2027-03-28T00:00:00+01:00');
  });

  it('a deadline on the spring DST day (23 hours long) ends at the next local midnight', () => {
    expect(deadlineInstant('2027-03-28')).toBe('2027-03-29T00:00:00+02:00');
    expect(ms(deadlineInstant('2027-03-28')) - ms(deadlineInstant('2027-03-27'))).toBe(
      23 * 3600_000,
    );
  });

  it('a deadline on the autumn DST day (25 hours long) ends at the next local midnight', () => {
    expect(deadlineInstant('2027-10-31')).toBe('2027-11-01T00:00:00+01:00');
    expect(ms(deadlineInstant('2027-10-31')) - ms(deadlineInstant('2027-10-30'))).toBe(
      25 * 3600_000,
    );
  });

  it('rejects something that is not a date', () => {
    expect(() => deadlineInstant('17 maj')).toThrowError(/inte|not a date/);
    try {
      deadlineInstant('2027-02-30');
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'invalid-date')).toBe(true);
    }
  });
});

describe('isLate compares the sent time with the deadline instant', () => {
  it('23:59:59 local on the last day is on time, 00:00:00 the next day is late', () => {
    expect(isLate('2027-05-17T23:59:59+02:00', '2027-05-17')).toBe(false);
    expect(isLate('2027-05-17T23:59:59.999+02:00', '2027-05-17')).toBe(false);
    expect(isLate('2027-05-18T00:00:00+02:00', '2027-05-17')).toBe(true);
  });

  it('works with the UTC times Graph reports', () => {
    expect(isLate('2027-05-17T21:59:59Z', '2027-05-17')).toBe(false);
    expect(isLate('2027-05-17T22:00:00Z', '2027-05-17')).toBe(true);
    expect(isLate(new Date('2027-05-17T21:59:59Z'), '2027-05-17')).toBe(false);
  });

  it('on the autumn DST day the deadline is 23:00 UTC, not 22:00', () => {
    expect(isLate('2027-10-31T22:30:00Z', '2027-10-31')).toBe(false);
    expect(isLate('2027-10-31T23:00:00Z', '2027-10-31')).toBe(true);
  });

  it('on the spring DST day the deadline is 22:00 UTC, not 23:00', () => {
    expect(isLate('2027-03-28T21:59:59Z', '2027-03-28')).toBe(false);
    expect(isLate('2027-03-28T22:00:00Z', '2027-03-28')).toBe(true);
  });

  it('accepts an instant as the deadline', () => {
    expect(isLate('2027-05-17T12:00:00Z', '2027-05-17T12:00:00Z')).toBe(true);
    expect(isLate('2027-05-17T11:59:59Z', '2027-05-17T12:00:00Z')).toBe(false);
  });

  it('refuses a sent time without an offset (it would depend on the machine)', () => {
    expect(() => isLate('2027-05-17T23:00:00', '2027-05-17')).toThrow(/offset|tidszon/);
  });
});

describe('timeLeft', () => {
  it('counts down in hours on the last day', () => {
    const left = timeLeft('2027-05-17T12:00:00+02:00', '2027-05-17');
    expect(left).toMatchObject({
      overdue: false,
      days: 0,
      hours: 12,
      minutes: 0,
      ms: 12 * 3600_000,
    });
    expect(left.text).toEqual({ sv: '12 timmar kvar', en: '12 hours left' });
  });

  it('counts calendar days across the spring DST change', () => {
    const left = timeLeft('2027-03-27T00:00:00+01:00', '2027-03-28');
    expect(left).toMatchObject({ days: 2, hours: 0, minutes: 0, ms: 47 * 3600_000 });
    expect(left.text.sv).toBe('2 dagar kvar');
  });

  it('uses singular forms and the two largest units', () => {
    const left = timeLeft('2027-05-16T22:59:00+02:00', '2027-05-17');
    expect(left.text).toEqual({ sv: '1 dag och 1 timme kvar', en: '1 day and 1 hour left' });
  });

  it('says how long ago a deadline passed', () => {
    const left = timeLeft('2027-05-18T02:30:00+02:00', '2027-05-17');
    expect(left.overdue).toBe(true);
    expect(left.ms).toBe(-2.5 * 3600_000);
    expect(left.text).toEqual({
      sv: 'passerades för 2 timmar och 30 minuter sedan',
      en: 'passed 2 hours and 30 minutes ago',
    });
  });

  it('is overdue exactly at the deadline', () => {
    const left = timeLeft('2027-05-18T00:00:00+02:00', '2027-05-17');
    expect(left.overdue).toBe(true);
    expect(left.text.en).toBe('passed less than a minute ago');
  });
});

describe('cycleTimeline', () => {
  it('lists every step of 2027 with stable ids and the deadline in words', () => {
    const timeline = cycleTimeline(cycle2027);
    const ids = timeline.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const submission = timeline.find((e) => e.kind === 'submission');
    expect(submission).toMatchObject({
      id: '2027/submission',
      shape: 'due',
      date: '2027-05-17',
      end: '2027-05-18T00:00:00+02:00',
      when: { sv: 'måndag 17 maj 2027 kl. 24.00', en: 'Monday 17 May 2027 at 24:00' },
    });
    expect(timeline.filter((e) => e.kind === 'info-meeting-signup')).toHaveLength(4);
    expect(timeline.find((e) => e.kind === 'feedback-visit-window')?.when.sv).toBe(
      '29 november 2027 – 11 februari 2028',
    );
  });

  it('is ordered by when each step is over', () => {
    const ends = cycleTimeline(cycle2027).map((e) => ms(e.end));
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
  });
});

describe('currentPhase', () => {
  it('moves from submission to board protocols exactly at 24.00 on 17 May', () => {
    expect(currentPhase(cycle2027, '2027-05-17T23:59:59+02:00').phase).toBe('submission');
    const next = currentPhase(cycle2027, '2027-05-18T00:00:00+02:00');
    expect(next).toMatchObject({ phase: 'board-protocols', since: '2027-05-18T00:00:00+02:00' });
    expect(next.label.sv).toBe('Protokoll från nämnder och styrelser');
  });

  it('covers the whole year in order', () => {
    const at = (iso: string) => currentPhase(cycle2027, iso).phase;
    expect(at('2027-01-10T12:00:00+01:00')).toBe('pre-registration');
    expect(currentPhase(cycle2027, '2027-01-10T12:00:00+01:00').since).toBeUndefined();
    expect(at('2027-04-01T12:00:00+02:00')).toBe('submission');
    expect(at('2027-08-01T12:00:00+02:00')).toBe('examination');
    expect(at('2027-09-06T00:00:00+02:00')).toBe('site-visits');
    expect(at('2027-10-30T12:00:00+02:00')).toBe('jury');
    expect(at('2027-11-10T12:00:00+01:00')).toBe('ceremony');
    expect(at('2027-12-01T12:00:00+01:00')).toBe('feedback-visits');
    expect(at('2028-02-12T00:00:00+01:00')).toBe('closed');
  });
});

describe('upcomingDeadlines', () => {
  it('after the jury only the ceremony and the feedback visits are ahead', () => {
    expect(
      upcomingDeadlines(cycle2027, new Date('2027-11-10T12:00:00Z')).map((e) => e.kind),
    ).toEqual(['ceremony', 'feedback-visit-window']);
  });

  it('in early February 2027 the signups, meetings and every later step are ahead, soonest first', () => {
    const upcoming = upcomingDeadlines(cycle2027, '2027-02-05T12:00:00+01:00');
    expect(upcoming[0]?.id).toBe('2027/info-meeting-signup/im-2027-1');
    expect(upcoming.map((e) => e.kind)).toContain('submission');
  });

  it('narrows to the kinds asked for', () => {
    const upcoming = upcomingDeadlines(cycle2027, '2027-02-05T12:00:00+01:00', {
      kinds: ['pre-registration', 'submission'],
    });
    expect(upcoming.map((e) => e.id)).toEqual(['2027/pre-registration', '2027/submission']);
  });

  it('keeps an open window until its last day is over', () => {
    const upcoming = upcomingDeadlines(cycle2027, '2027-10-22T23:00:00+02:00', {
      kinds: ['site-visit-window'],
    });
    expect(upcoming).toHaveLength(1);
    expect(
      upcomingDeadlines(cycle2027, '2027-10-23T00:00:00+02:00', { kinds: ['site-visit-window'] }),
    ).toHaveLength(0);
  });
});
