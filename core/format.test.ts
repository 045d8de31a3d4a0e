import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDeadline,
  formatInstant,
  formatShortDate,
  formatTimeRange,
  formatWindow,
} from './format.js';

describe('formatting for users', () => {
  it('writes a deadline as the instructions do, in Swedish and English', () => {
    expect(formatDeadline('2027-05-17', 'sv')).toBe('måndag 17 maj 2027 kl. 24.00');
    expect(formatDeadline('2027-05-17', 'en')).toBe('Monday 17 May 2027 at 24:00');
  });

  it('writes dates with weekday and month names in both languages', () => {
    expect(formatDate('2026-11-26', 'sv')).toBe('torsdag 26 november 2026');
    expect(formatDate('2026-11-26', 'en')).toBe('Thursday 26 November 2026');
    expect(formatDate('2027-03-28', 'sv')).toBe('söndag 28 mars 2027');
    expect(formatShortDate('2027-06-30', 'sv')).toBe('30 juni');
  });

  it('shows instants in Stockholm time whatever offset they come with', () => {
    expect(formatInstant('2027-05-17T07:30:00Z', 'sv')).toBe('måndag 17 maj 2027 kl. 9.30');
    expect(formatInstant('2027-01-11T07:30:00Z', 'en')).toBe('Monday 11 January 2027 at 8:30');
    expect(formatInstant(new Date('2027-10-31T01:30:00Z'), 'sv')).toBe(
      'söndag 31 oktober 2027 kl. 2.30',
    );
  });

  it('writes a meeting time range', () => {
    expect(formatTimeRange('2027-02-16T09:00:00+01:00', '2027-02-16T10:00:00+01:00', 'sv')).toBe(
      'tisdag 16 februari 2027 kl. 9.00–10.00',
    );
    expect(formatTimeRange('2027-02-16T09:00:00+01:00', '2027-02-16T10:00:00+01:00', 'en')).toBe(
      'Tuesday 16 February 2027, 9:00–10:00',
    );
  });

  it('writes a window, repeating the year only when it changes', () => {
    expect(formatWindow({ from: '2027-09-06', to: '2027-10-22' }, 'sv')).toBe(
      '6 september – 22 oktober 2027',
    );
    expect(formatWindow({ from: '2026-11-30', to: '2027-02-12' }, 'en')).toBe(
      '30 November 2026 – 12 February 2027',
    );
  });
});
