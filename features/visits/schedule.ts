// Free/busy for the slot finder from Graph's getSchedule: every address of a planning round in as
// few calls as Graph allows (20 addresses per call, windows under 62 days), read in UTC so each
// item's dateTime is an instant, with each person's working hours and an error for addresses that
// have no mailbox in the tenant (a unit manager outside the city's Microsoft 365).
import type { ScheduleInformation } from '@microsoft/microsoft-graph-types';
import { DateTime } from 'luxon';
import type { BusyItem, BusyStatus, WorkingHours } from '../../core/visits/index.js';
import type { Graph } from '../../graph/client.js';
import { getSchedule } from '../../graph/schedule.js';

export interface PersonSchedule {
  busy: BusyItem[];
  workingHours?: WorkingHours;
  /** Graph could not read this calendar (ErrorInvalidUser: no mailbox). */
  error?: string;
}

/** Windows zone names Graph gives in workingHours, for the zones this city meets. */
const WINDOWS_TO_IANA: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Stockholm',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'FLE Standard Time': 'Europe/Helsinki',
  UTC: 'UTC',
};
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export async function fetchSchedules(
  graph: Graph,
  o: { asUser: string; addresses: string[]; from: string; to: string },
): Promise<Map<string, PersonSchedule>> {
  const utc = (iso: string) =>
    DateTime.fromISO(iso, { setZone: true }).toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss");
  const infos = await getSchedule(graph, {
    asUser: o.asUser,
    addresses: o.addresses,
    startTime: { dateTime: utc(o.from), timeZone: 'UTC' },
    endTime: { dateTime: utc(o.to), timeZone: 'UTC' },
    // The slot finder reads scheduleItems; the coarsest view keeps the responses small.
    availabilityViewInterval: 1440,
  });
  const out = new Map<string, PersonSchedule>();
  for (const info of infos) out.set((info.scheduleId ?? '').toLowerCase(), toPerson(info));
  return out;
}

function toPerson(info: ScheduleInformation): PersonSchedule {
  if (info.error)
    return { busy: [], error: info.error.responseCode ?? info.error.message ?? 'error' };
  const busy: BusyItem[] = [];
  for (const item of info.scheduleItems ?? []) {
    const status = item.status as BusyStatus | 'free' | 'unknown' | undefined;
    if (!status || status === 'free' || status === 'unknown') continue;
    const start = instant(item.start?.dateTime, item.start?.timeZone);
    const end = instant(item.end?.dateTime, item.end?.timeZone);
    if (start && end) busy.push({ start, end, status });
  }
  const wh = info.workingHours;
  const zone = WINDOWS_TO_IANA[wh?.timeZone?.name ?? ''];
  const workingHours: WorkingHours | undefined =
    wh?.startTime && wh.endTime && wh.daysOfWeek && zone
      ? {
          daysOfWeek: wh.daysOfWeek.map((d) => DAYS.indexOf(String(d)) + 1).filter((d) => d > 0),
          start: wh.startTime.slice(0, 5),
          end: wh.endTime.slice(0, 5),
          zone,
        }
      : undefined;
  return { busy, ...(workingHours ? { workingHours } : {}) };
}

function instant(dateTime: string | undefined | null, zone: string | undefined | null) {
  if (!dateTime) return undefined;
  const iana = WINDOWS_TO_IANA[zone ?? 'UTC'] ?? 'UTC';
  const dt = DateTime.fromISO(dateTime.replace(/Z$/, '').slice(0, 23), { zone: iana });
  return dt.isValid ? dt.toISO()! : undefined;
}
