// dateTimeTimeZone conversions across daylight-saving changes with Windows zone names.
import { describe, expect, it } from 'vitest';
import { formatDtz, parseDtz, toIana } from './timezones.js';

describe('time zones', () => {
  it('maps Windows names to IANA zones and refuses unknown ones', () => {
    expect(toIana('W. Europe Standard Time')).toBe('Europe/Stockholm');
    expect(toIana('Europe/Stockholm')).toBe('Europe/Stockholm');
    expect(() => toIana('Mars Standard Time')).toThrow(/not supported/);
  });

  it('converts local Stockholm times to instants on both sides of the spring DST change', () => {
    const before = parseDtz({
      dateTime: '2026-03-28T09:00:00',
      timeZone: 'W. Europe Standard Time',
    });
    const after = parseDtz({
      dateTime: '2026-03-30T09:00:00',
      timeZone: 'W. Europe Standard Time',
    });
    expect(new Date(before).toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(new Date(after).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it("formats instants in Graph's local form", () => {
    const ms = Date.parse('2026-10-25T12:30:00Z');
    expect(formatDtz(ms, 'W. Europe Standard Time')).toEqual({
      dateTime: '2026-10-25T13:30:00.0000000',
      timeZone: 'W. Europe Standard Time',
    });
    expect(formatDtz(ms, 'UTC').dateTime).toBe('2026-10-25T12:30:00.0000000');
  });

  it('takes the earlier instant for a repeated autumn hour and moves a missing spring hour forward', () => {
    const twice = parseDtz({
      dateTime: '2026-10-25T02:30:00',
      timeZone: 'W. Europe Standard Time',
    });
    expect(new Date(twice).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    const missing = parseDtz({
      dateTime: '2026-03-29T02:30:00',
      timeZone: 'W. Europe Standard Time',
    });
    expect(new Date(missing).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});
