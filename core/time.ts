// Parsing of the two time shapes the domain uses: local dates ("YYYY-MM-DD", Europe/Stockholm) and ISO
// instants with an offset. Strict, because a silently misread date moves a deadline.
import { DateTime } from 'luxon';
import { DomainError } from './errors.js';
import type { IsoInstant, LocalDate } from './model.js';

/** The award's time zone: every deadline and date in the instructions is Stockholm time. */
export const ZONE = 'Europe/Stockholm';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
// A date, "T", a time and an explicit offset: an instant without offset would depend on the machine.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

export function isLocalDate(value: unknown): value is LocalDate {
  return (
    typeof value === 'string' &&
    LOCAL_DATE.test(value) &&
    DateTime.fromISO(value, { zone: ZONE }).isValid
  );
}

export function isIsoInstant(value: unknown): value is IsoInstant {
  return (
    typeof value === 'string' &&
    ISO_INSTANT.test(value) &&
    DateTime.fromISO(value, { setZone: true }).isValid
  );
}

/** Start of the local day (00:00 Stockholm) of a "YYYY-MM-DD" date. */
export function localDay(date: LocalDate): DateTime {
  if (!isLocalDate(date)) {
    throw new DomainError(
      'invalid-date',
      {
        sv: `"${String(date)}" är inget datum (ÅÅÅÅ-MM-DD)`,
        en: `"${String(date)}" is not a date (YYYY-MM-DD)`,
      },
      { value: date },
    );
  }
  return DateTime.fromISO(date, { zone: ZONE });
}

/** An instant (ISO string with offset, or a Date) as a DateTime in Stockholm time. */
export function toStockholm(instant: IsoInstant | Date): DateTime {
  if (instant instanceof Date) {
    const dt = DateTime.fromJSDate(instant, { zone: ZONE });
    if (dt.isValid) return dt;
  } else if (isIsoInstant(instant)) {
    return DateTime.fromISO(instant, { zone: ZONE });
  }
  const shown = instant instanceof Date ? 'Invalid Date' : String(instant);
  throw new DomainError(
    'invalid-date',
    {
      sv: `"${shown}" är ingen tidpunkt med tidszon (ISO 8601, t.ex. 2027-05-17T23:59:59+02:00)`,
      en: `"${shown}" is not an instant with an offset (ISO 8601, e.g. 2027-05-17T23:59:59+02:00)`,
    },
    { value: shown },
  );
}

/** An instant as ISO 8601 with the Stockholm offset, the form the domain stores. */
export function toIsoInstant(dt: DateTime): IsoInstant {
  return dt.setZone(ZONE).toISO({ suppressMilliseconds: true }) as IsoInstant;
}
