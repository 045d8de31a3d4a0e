// Dates and times as users read them: Swedish first ("måndag 17 maj 2027 kl. 24.00"), English on request.
// Names are spelled out here rather than taken from Intl so the output is the same on every Node build.
import type { DateTime } from 'luxon';
import type { DateWindow, IsoInstant, LocalDate, Locale } from './model.js';
import { localDay, toStockholm } from './time.js';

const WEEKDAYS: Record<Locale, readonly string[]> = {
  sv: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const MONTHS: Record<Locale, readonly string[]> = {
  sv: [
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

function weekday(dt: DateTime, locale: Locale): string {
  return WEEKDAYS[locale][dt.weekday - 1] ?? '';
}

/** A month's name as written in running text ("maj" / "May"); `month` is 1–12. */
export function monthName(month: number, locale: Locale): string {
  return MONTHS[locale][month - 1] ?? '';
}

function month(dt: DateTime, locale: Locale): string {
  return monthName(dt.month, locale);
}

function dayMonth(dt: DateTime, locale: Locale): string {
  return `${dt.day} ${month(dt, locale)}`;
}

function clock(dt: DateTime, locale: Locale): string {
  const minutes = String(dt.minute).padStart(2, '0');
  // Swedish writes "kl. 9.00" (as the instructions do), English "9:00".
  return locale === 'sv' ? `${dt.hour}.${minutes}` : `${dt.hour}:${minutes}`;
}

function fullDay(dt: DateTime, locale: Locale): string {
  return `${weekday(dt, locale)} ${dayMonth(dt, locale)} ${dt.year}`;
}

/** "måndag 17 maj 2027" / "Monday 17 May 2027". */
export function formatDate(date: LocalDate, locale: Locale): string {
  return fullDay(localDay(date), locale);
}

/** "17 maj" / "17 May": the short form the instructions use in running text. */
export function formatShortDate(date: LocalDate, locale: Locale): string {
  return dayMonth(localDay(date), locale);
}

/**
 * A deadline date as the instructions write it, with its end-of-day meaning spelled out:
 * "måndag 17 maj 2027 kl. 24.00" / "Monday 17 May 2027 at 24:00" (24:00 = the end of that day).
 */
export function formatDeadline(date: LocalDate, locale: Locale): string {
  const day = fullDay(localDay(date), locale);
  return locale === 'sv' ? `${day} kl. 24.00` : `${day} at 24:00`;
}

/** An instant in Stockholm time: "tisdag 17 februari 2026 kl. 9.00" / "Tuesday 17 February 2026 at 9:00". */
export function formatInstant(instant: IsoInstant | Date, locale: Locale): string {
  const dt = toStockholm(instant);
  return `${fullDay(dt, locale)} ${locale === 'sv' ? 'kl.' : 'at'} ${clock(dt, locale)}`;
}

/** A meeting: "tisdag 17 februari 2026 kl. 9.00–10.00" / "Tuesday 17 February 2026, 9:00–10:00". */
export function formatTimeRange(start: IsoInstant, end: IsoInstant, locale: Locale): string {
  const from = toStockholm(start);
  const to = toStockholm(end);
  if (!from.hasSame(to, 'day')) {
    return `${formatInstant(start, locale)} – ${formatInstant(end, locale)}`;
  }
  const sep = locale === 'sv' ? ' kl. ' : ', ';
  return `${fullDay(from, locale)}${sep}${clock(from, locale)}–${clock(to, locale)}`;
}

/** A window of days: "7 september – 23 oktober 2026"; the year is repeated only when it changes. */
export function formatWindow(window: DateWindow, locale: Locale): string {
  const from = localDay(window.from);
  const to = localDay(window.to);
  const start =
    from.year === to.year ? dayMonth(from, locale) : `${dayMonth(from, locale)} ${from.year}`;
  return `${start} – ${dayMonth(to, locale)} ${to.year}`;
}
