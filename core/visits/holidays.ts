// Swedish public holidays and the eves treated as days off (julafton, midsommarafton, nyårsafton),
// from the maintained date-holidays data: Easter, Midsummer and All Saints' Day move every year.
// Half days (e.g. allhelgonaafton from 12:00) close only their afternoon.
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { LocalDate } from '../model.js';
import { ZONE } from '../time.js';

export interface ClosedPeriod {
  name: string;
  /** Epoch milliseconds, [start, end). */
  startMs: number;
  endMs: number;
}

const cache = new Map<number, ClosedPeriod[]>();

/** Pure: the same year always gives the same list (date-holidays computes, it reads nothing). */
export function closedPeriods(year: number): ClosedPeriod[] {
  let list = cache.get(year);
  if (!list) {
    const hd = new Holidays('SE', { timezone: ZONE, types: ['public', 'bank', 'optional'] });
    list = hd.getHolidays(year).map((h) => ({
      name: h.name,
      startMs: h.start.getTime(),
      endMs: h.end.getTime(),
    }));
    cache.set(year, list);
  }
  return list;
}

/** True when the whole working day (08–17) of this Stockholm date is closed. */
export function isClosedDay(date: LocalDate): boolean {
  const day = DateTime.fromISO(date, { zone: ZONE });
  const from = day.set({ hour: 8 }).toMillis();
  const to = day.set({ hour: 17 }).toMillis();
  return closedPeriods(day.year).some((p) => p.startMs <= from && p.endMs >= to);
}

/** A Monday–Friday date that is not a holiday. */
export function isWorkingDay(date: LocalDate): boolean {
  const day = DateTime.fromISO(date, { zone: ZONE });
  return day.weekday <= 5 && !isClosedDay(date);
}

/** The date `n` working days after `date` (not counting `date` itself). */
export function addWorkingDays(date: LocalDate, n: number): LocalDate {
  let day = DateTime.fromISO(date, { zone: ZONE });
  let left = n;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(day.toISODate()!)) left--;
  }
  return day.toISODate()!;
}
