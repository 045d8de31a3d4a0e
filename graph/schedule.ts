// Free/busy for many people over a long period: getSchedule allows at most 20 addresses and a
// window under 62 days per call, so split both ways and merge the answers per person.
import type {
  DateTimeTimeZone,
  ScheduleInformation,
  ScheduleItem,
} from '@microsoft/microsoft-graph-types';
import { userPath, type Graph } from './client.js';
import { localError } from './errors.js';

export const MAX_SCHEDULES_PER_CALL = 20;
/** Strictly under 62 days. */
export const MAX_WINDOW_MINUTES = 61 * 24 * 60;

export interface GetScheduleOptions {
  /** Whose calendar endpoint to call (any mailbox the app may read; usually the shared one). */
  asUser: string;
  addresses: string[];
  /** Wall-clock times in timeZone (Graph's dateTimeTimeZone). */
  startTime: DateTimeTimeZone;
  endTime: DateTimeTimeZone;
  /** Minutes per availabilityView character, 5–1440 (default 30). */
  availabilityViewInterval?: number;
  /** Parallel calls (default 2). */
  concurrency?: number;
}

// Naive wall-clock arithmetic: dateTime strings carry no offset and Graph reads them in timeZone.
const toMs = (dt: string) => Date.parse(`${dt.replace(/Z$/, '').slice(0, 23)}Z`);
const toDt = (ms: number) => new Date(ms).toISOString().slice(0, 19);

export function splitWindows(
  start: string,
  end: string,
  intervalMinutes: number,
): { start: string; end: string }[] {
  const s = toMs(start);
  const e = toMs(end);
  if (!(e > s)) throw localError('bad-request', 'getSchedule: end must be after start');
  // Whole intervals per window so the availabilityView strings join without a seam.
  const step = Math.floor(MAX_WINDOW_MINUTES / intervalMinutes) * intervalMinutes * 60_000;
  const out: { start: string; end: string }[] = [];
  for (let t = s; t < e; t += step) out.push({ start: toDt(t), end: toDt(Math.min(t + step, e)) });
  return out;
}

export function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const itemKey = (i: ScheduleItem) =>
  `${i.start?.dateTime}|${i.end?.dateTime}|${i.status}|${i.subject ?? ''}`;

export async function getSchedule(
  graph: Graph,
  o: GetScheduleOptions,
): Promise<ScheduleInformation[]> {
  const interval = o.availabilityViewInterval ?? 30;
  if (interval < 5 || interval > 1440) {
    throw localError('bad-request', 'availabilityViewInterval must be 5–1440 minutes');
  }
  const addresses = [...new Set(o.addresses.map((a) => a.trim()).filter(Boolean))];
  if (addresses.length === 0) return [];
  const windows = splitWindows(o.startTime.dateTime!, o.endTime.dateTime!, interval);
  const timeZone = o.startTime.timeZone ?? 'UTC';
  const jobs: { w: number; group: string[] }[] = [];
  windows.forEach((_, w) => {
    for (const group of chunk(addresses, MAX_SCHEDULES_PER_CALL)) jobs.push({ w, group });
  });
  const results: ScheduleInformation[][] = new Array(jobs.length);
  let nextJob = 0;
  async function worker() {
    while (nextJob < jobs.length) {
      const j = nextJob++;
      const { w, group } = jobs[j]!;
      const res = await graph.json<{ value: ScheduleInformation[] }>({
        method: 'POST',
        path: `${userPath(o.asUser)}/calendar/getSchedule`,
        body: {
          schedules: group,
          startTime: { dateTime: windows[w]!.start, timeZone },
          endTime: { dateTime: windows[w]!.end, timeZone },
          availabilityViewInterval: interval,
        },
        prefer: [`outlook.timezone="${timeZone}"`],
      });
      results[j] = res.value ?? [];
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(o.concurrency ?? 2, jobs.length) }, () => worker()),
  );

  // Merge per address, windows in time order.
  const merged = new Map<string, ScheduleInformation & { _seen: Set<string> }>();
  for (const a of addresses) {
    merged.set(a.toLowerCase(), {
      scheduleId: a,
      availabilityView: '',
      scheduleItems: [],
      _seen: new Set(),
    });
  }
  jobs.forEach((_job, j) => {
    for (const info of results[j] ?? []) {
      const m = merged.get((info.scheduleId ?? '').toLowerCase());
      if (!m) continue;
      m.availabilityView = (m.availabilityView ?? '') + (info.availabilityView ?? '');
      for (const item of info.scheduleItems ?? []) {
        const k = itemKey(item);
        if (m._seen.has(k)) continue; // an event across a window seam comes twice
        m._seen.add(k);
        m.scheduleItems!.push(item);
      }
      if (info.workingHours && !m.workingHours) m.workingHours = info.workingHours;
      if (info.error && !m.error) m.error = info.error;
    }
  });
  return [...merged.values()].map(({ _seen, ...info }) => info);
}
