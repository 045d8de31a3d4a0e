// Instants at the storage boundary: callers pass a Date or an ISO string, records come back as ISO
// strings in UTC (core's IsoInstant), whatever the driver returned (Date from pg and PGlite, or text).
import type { IsoInstant } from '../core/model.js';

/** A point in time as a caller may give it. */
export type TimeInput = Date | IsoInstant;

export function toDate(value: TimeInput): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${String(value)}`);
  return date;
}

export function toIso(value: Date | string): IsoInstant {
  return toDate(value).toISOString();
}

export function toIsoOrUndefined(value: Date | string | null | undefined): IsoInstant | undefined {
  return value === null || value === undefined ? undefined : toIso(value);
}

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/** Drops undefined-valued keys so records have no `key: undefined` noise (exactOptional-friendly). */
export function compact<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}
