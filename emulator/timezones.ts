// dateTimeTimeZone handling: Windows zone names (as Outlook uses them) mapped to IANA zones for luxon,
// conversions between instants and Graph's "2019-03-15T12:00:00.0000000" local form.
import { DateTime, IANAZone } from 'luxon';
import { badRequest } from './errors.js';

/** Windows time zone ids the emulator understands, with their IANA equivalents. */
export const WINDOWS_TO_IANA: Record<string, string> = {
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'W. Europe Standard Time': 'Europe/Stockholm',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'FLE Standard Time': 'Europe/Helsinki',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Russian Standard Time': 'Europe/Moscow',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Tokyo Standard Time': 'Asia/Tokyo',
};

/** Resolves a Windows or IANA zone name to an IANA zone, or throws Graph's error. */
export function toIana(zone: string | null | undefined): string {
  if (!zone) return 'UTC';
  const hit = Object.keys(WINDOWS_TO_IANA).find((k) => k.toLowerCase() === zone.toLowerCase());
  if (hit) return WINDOWS_TO_IANA[hit]!;
  if (DateTime.local().setZone(zone).isValid) return zone;
  throw badRequest(
    `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`,
    'TimeZoneNotSupportedException',
  );
}

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

const QUARTER_MS = 15 * 60_000;
const offsetMemo = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset (minutes) at an instant. Offsets only change on quarter-hour boundaries, so
 * they are memoized per quarter hour: loading thousands of seeded events stays fast.
 */
function offsetAt(zone: string, ms: number): number {
  let memo = offsetMemo.get(zone);
  if (!memo) offsetMemo.set(zone, (memo = new Map()));
  const bucket = Math.floor(ms / QUARTER_MS);
  let off = memo.get(bucket);
  if (off === undefined) {
    off = zone === 'UTC' ? 0 : IANAZone.create(zone).offset(bucket * QUARTER_MS);
    memo.set(bucket, off);
  }
  return off;
}

/**
 * The instant of a wall-clock time in a zone: the earlier one when the clock falls back (the time
 * exists twice), shifted forward when it springs ahead (the time does not exist), as luxon does.
 */
function wallToInstant(zone: string, wallAsUtcMs: number): number {
  // The offsets half a day either side bracket any transition near this wall time.
  const HALF_DAY = 12 * 3600_000;
  const candidates = [
    wallAsUtcMs - offsetAt(zone, wallAsUtcMs - HALF_DAY) * 60_000,
    wallAsUtcMs - offsetAt(zone, wallAsUtcMs + HALF_DAY) * 60_000,
  ];
  const valid = candidates.filter((c) => c + offsetAt(zone, c) * 60_000 === wallAsUtcMs);
  return valid.length ? Math.min(...valid) : Math.max(...candidates);
}

/** Parses a dateTimeTimeZone into an instant (ms since epoch). */
export function parseDtz(dtz: DateTimeTimeZone | null | undefined, field = 'dateTime'): number {
  if (!dtz || typeof dtz.dateTime !== 'string')
    throw badRequest(`The ${field} property is required.`, 'ErrorInvalidRequest');
  const zone = toIana(dtz.timeZone);
  // A dateTime with its own offset wins over timeZone, as Graph accepts either.
  if (/(Z|[+-]\d{2}:\d{2})$/.test(dtz.dateTime)) {
    const dt = DateTime.fromISO(dtz.dateTime, { setZone: true });
    if (!dt.isValid)
      throw badRequest(
        `Cannot convert the literal '${dtz.dateTime}' to the expected type 'Edm.DateTime'.`,
      );
    return dt.toMillis();
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?$/.exec(
    dtz.dateTime,
  );
  if (!m)
    throw badRequest(
      `Cannot convert the literal '${dtz.dateTime}' to the expected type 'Edm.DateTime'.`,
    );
  const wall = Date.UTC(
    +m[1]!,
    +m[2]! - 1,
    +m[3]!,
    +(m[4] ?? 0),
    +(m[5] ?? 0),
    +(m[6] ?? 0),
    Math.floor(+`0.${m[7] ?? 0}` * 1000),
  );
  if (Number.isNaN(wall) || +m[2]! > 12 || +m[3]! > 31 || +(m[4] ?? 0) > 23)
    throw badRequest(
      `Cannot convert the literal '${dtz.dateTime}' to the expected type 'Edm.DateTime'.`,
    );
  return wallToInstant(zone, wall);
}

/** Formats an instant as Graph's local dateTime in the given (Windows or IANA) zone. */
export function formatDtz(ms: number, zoneName: string | undefined): DateTimeTimeZone {
  const name = zoneName ?? 'UTC';
  const local = new Date(ms + offsetAt(toIana(name), ms) * 60_000);
  return { dateTime: local.toISOString().slice(0, 19) + '.0000000', timeZone: name };
}

/** An ISO instant in UTC with Z, as Graph writes DateTimeOffset properties. */
export function isoZ(ms: number | Date): string {
  const d = typeof ms === 'number' ? new Date(ms) : ms;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
