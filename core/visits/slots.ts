// Finding times for a visit (pure): free/busy of the whole examiner team and the unit manager, each
// person's working hours in their own zone (Monday–Friday 08–17 Stockholm where Graph gives none),
// the cycle's window, Swedish holidays, a lead time in working days, a travel buffer between on-site
// visits, a daily cap per examiner, and a length by kind. Tentative counts as busy unless nothing
// else is free (then the answer says so). The best few slots are spread over the window and the
// team's load rather than being the first ones found. Time is a parameter; no clock is read.
//
// Works on a 15-minute grid per person (Date.parse for instants, luxon only per day), so all units
// of a cycle are planned in well under a second.
import { DateTime } from 'luxon';
import type { DateWindow, IsoInstant, LocalDate } from '../model.js';
import { ZONE } from '../time.js';
import { addWorkingDays, closedPeriods } from './holidays.js';
import {
  DEFAULT_VISIT_RULES,
  visitMinutes,
  type BookedVisit,
  type VisitKind,
  type VisitMode,
  type VisitRules,
} from './rules.js';

export type BusyStatus = 'busy' | 'tentative' | 'oof' | 'workingElsewhere';

export interface BusyItem {
  start: IsoInstant;
  end: IsoInstant;
  status: BusyStatus;
}

export interface WorkingHours {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  daysOfWeek: number[];
  /** "HH:mm" local to `zone`. */
  start: string;
  end: string;
  /** IANA zone name. */
  zone: string;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  daysOfWeek: [1, 2, 3, 4, 5],
  start: '08:00',
  end: '17:00',
  zone: ZONE,
};

export interface SlotPerson {
  /** The address (or any stable id); examiners' ids match BookedVisit.examinerId. */
  id: string;
  name?: string;
  role: 'examiner' | 'unit-manager' | 'guest';
  busy: BusyItem[];
  workingHours?: WorkingHours;
}

export interface SlotQuery {
  now: IsoInstant;
  window: DateWindow;
  kind: VisitKind;
  mode: VisitMode;
  people: SlotPerson[];
  /** Visits already booked for the team's examiners (any unit): daily cap, buffer and load. */
  visits?: BookedVisit[];
  /** Times not to offer again (a declined slot, one taken meanwhile). */
  exclude?: { start: IsoInstant; end: IsoInstant }[];
  rules?: Partial<VisitRules>;
  /** How many to propose (3–5; default 5). */
  count?: number;
  /**
   * Check this one start only (before booking it): the answer's slots hold it when it still fits
   * (tentative allowed, since the proposals may have said so), else the answer says nobody-free.
   */
  at?: IsoInstant;
}

export interface ProposedSlot {
  start: IsoInstant;
  end: IsoInstant;
  /** People whose calendars hold something tentative then (only when nothing else was free). */
  tentativeWith: string[];
}

export interface AlternativeSlot {
  start: IsoInstant;
  end: IsoInstant;
  /** Who is busy then (ids). */
  busy: string[];
}

export type NoSlotReason = 'window-passed' | 'nobody-free';

export interface SlotAnswer {
  slots: ProposedSlot[];
  /** True when the slots needed someone's tentative time (nothing fully free). */
  tentativeOnly: boolean;
  /** When no slot fits: the nearest times with the fewest people busy, naming them. */
  alternatives: AlternativeSlot[];
  /** Why `slots` is empty. */
  reason?: NoSlotReason;
  /** The first day the lead time allows. */
  earliest: LocalDate;
  lengthMinutes: number;
}

const STEP_MS = 15 * 60_000;
const FREE = 0;
const TENTATIVE = 1;
const BUSY = 2;

interface Day {
  date: LocalDate;
  dt: DateTime;
  startMs: number;
  endMs: number;
  weekday: number;
}

export function findSlots(query: SlotQuery): SlotAnswer {
  const rules: VisitRules = { ...DEFAULT_VISIT_RULES, ...query.rules };
  const count = Math.min(5, Math.max(1, query.count ?? 5));
  const lengthMinutes = visitMinutes(rules, query.kind, query.mode);
  const nowMs = Date.parse(query.now);
  const today = DateTime.fromMillis(nowMs, { zone: ZONE }).toISODate()!;
  const earliest = addWorkingDays(today, rules.leadWorkingDays);
  const from = earliest > query.window.from ? earliest : query.window.from;
  const answer = (partial: Partial<SlotAnswer>): SlotAnswer => ({
    slots: [],
    tentativeOnly: false,
    alternatives: [],
    earliest,
    lengthMinutes,
    ...partial,
  });
  if (from > query.window.to) return answer({ reason: 'window-passed' });

  const days = daysBetween(from, query.window.to);
  const origin = days[0]!.startMs;
  const cells = Math.ceil((days.at(-1)!.endMs - origin) / STEP_MS);
  const cellOf = (ms: number) => Math.floor((ms - origin) / STEP_MS);
  const cellAfter = (ms: number) => Math.ceil((ms - origin) / STEP_MS);
  const mark = (grid: Uint8Array, startMs: number, endMs: number, code: number) => {
    const a = Math.max(0, cellOf(startMs));
    const b = Math.min(cells, cellAfter(endMs));
    for (let i = a; i < b; i++) if (grid[i]! < code) grid[i] = code;
  };

  // Closed for everyone: holidays (whole or half days), and times not to offer again.
  const closed = new Uint8Array(cells);
  const years = new Set(days.map((d) => d.dt.year));
  for (const year of years)
    for (const p of closedPeriods(year)) mark(closed, p.startMs, p.endMs, BUSY);
  for (const x of query.exclude ?? []) mark(closed, Date.parse(x.start), Date.parse(x.end), BUSY);
  mark(closed, origin, nowMs, BUSY);

  const examinerIds = new Set(query.people.filter((p) => p.role === 'examiner').map((p) => p.id));
  // Only this team's visits matter here (a planning round passes everyone's).
  const visits = (query.visits ?? []).filter((v) => examinerIds.has(v.examinerId));
  /** The window day an instant falls on (binary search: no time-zone work per visit). */
  const dayAt = (ms: number): number | undefined => {
    let lo = 0;
    let hi = days.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = days[mid]!;
      if (ms < d.startMs) hi = mid - 1;
      else if (ms >= d.endMs) lo = mid + 1;
      else return mid;
    }
    return undefined;
  };
  // Visits per examiner per day, and the team's visits per day (load).
  const perExaminerDay = new Map<string, number>();
  const teamLoad = new Array<number>(days.length).fill(0);
  for (const v of visits) {
    const i = dayAt(Date.parse(v.start));
    if (i === undefined) continue;
    const key = `${v.examinerId}|${i}`;
    perExaminerDay.set(key, (perExaminerDay.get(key) ?? 0) + 1);
    teamLoad[i]!++;
  }
  // Working hours as a grid per distinct set (most people share the default).
  const hoursGrids = new Map<string, Uint8Array>();
  const hoursGrid = (wh: WorkingHours): Uint8Array => {
    const key = `${wh.zone}|${wh.start}|${wh.end}|${wh.daysOfWeek.join(',')}`;
    let grid = hoursGrids.get(key);
    if (!grid) {
      grid = new Uint8Array(cells).fill(BUSY);
      for (const day of days) {
        const local = wh.zone === ZONE ? day.dt : day.dt.setZone(wh.zone, { keepLocalTime: true });
        if (!wh.daysOfWeek.includes(local.weekday)) continue;
        const a = Math.max(0, cellAfter(at(local, wh.start)));
        const b = Math.min(cells, cellOf(at(local, wh.end)));
        for (let i = a; i < b; i++) grid[i] = FREE;
      }
      hoursGrids.set(key, grid);
    }
    return grid;
  };

  const grids = query.people.map((person) => {
    const grid = hoursGrid(person.workingHours ?? DEFAULT_WORKING_HOURS).slice();
    for (const item of person.busy) {
      const s = Date.parse(item.start);
      const e = Date.parse(item.end);
      if (!(e > s)) continue;
      const code =
        item.status === 'tentative'
          ? TENTATIVE
          : item.status === 'workingElsewhere' && query.mode === 'digital'
            ? FREE
            : BUSY;
      if (code !== FREE) mark(grid, s, e, code);
    }
    if (person.role === 'examiner') {
      for (const v of visits) {
        if (v.examinerId !== person.id) continue;
        const s = Date.parse(v.start);
        const e = Date.parse(v.end);
        const buffer =
          v.onSite && query.mode === 'on-site' ? rules.travelBufferMinutes * 60_000 : 0;
        mark(grid, s - buffer, e + buffer, BUSY);
      }
      days.forEach((day, i) => {
        if ((perExaminerDay.get(`${person.id}|${i}`) ?? 0) >= rules.maxVisitsPerExaminerPerDay)
          mark(grid, day.startMs, day.endMs, BUSY);
      });
    }
    return grid;
  });

  // Every candidate start, with the worst status per person over the visit's cells.
  interface Candidate {
    day: number;
    startMs: number;
    endMs: number;
    worst: number;
    tentativeWith: string[];
    busy: string[];
    minuteOfDay: number;
  }
  const lengthMs = lengthMinutes * 60_000;
  const stepMs = rules.stepMinutes * 60_000;
  const candidates: Candidate[] = [];
  const onlyAt = query.at === undefined ? undefined : Date.parse(query.at);
  days.forEach((day, d) => {
    if (day.weekday > 5) return;
    if (onlyAt !== undefined && (onlyAt < day.startMs || onlyAt >= day.endMs)) return;
    // 06–20 local covers any working hours we meet; no visit starts at night.
    for (
      let s = day.startMs + 6 * 3_600_000;
      s + lengthMs <= day.startMs + 20 * 3_600_000;
      s += stepMs
    ) {
      if (onlyAt !== undefined && s !== onlyAt) continue;
      const a = cellOf(s);
      const b = cellAfter(s + lengthMs);
      let isClosed = false;
      for (let i = a; i < b; i++) if (closed[i]) isClosed = true;
      if (isClosed) continue;
      let worst = FREE;
      const tentativeWith: string[] = [];
      const busy: string[] = [];
      grids.forEach((grid, p) => {
        let w = FREE;
        for (let i = a; i < b && w < BUSY; i++) if (grid[i]! > w) w = grid[i]!;
        if (w === TENTATIVE) tentativeWith.push(query.people[p]!.id);
        if (w === BUSY) busy.push(query.people[p]!.id);
        if (w > worst) worst = w;
      });
      candidates.push({
        day: d,
        startMs: s,
        endMs: s + lengthMs,
        worst,
        tentativeWith,
        busy,
        minuteOfDay: Math.round((s - day.startMs) / 60_000),
      });
    }
  });

  const free = candidates.filter((c) => c.worst === FREE);
  const usable =
    free.length > 0 || onlyAt === undefined
      ? free.length > 0
        ? free
        : candidates.filter((c) => c.worst === TENTATIVE)
      : candidates.filter((c) => c.worst === TENTATIVE);
  if (usable.length === 0) {
    return answer({ reason: 'nobody-free', alternatives: nearestAlternatives(candidates) });
  }
  const chosen = spread(usable, count, teamLoad);
  return answer({
    slots: chosen.map((c) => ({
      start: iso(c.startMs),
      end: iso(c.endMs),
      tentativeWith: c.tentativeWith,
    })),
    tentativeOnly: free.length === 0,
  });

  /** The few times with the fewest people busy, on different days, earliest first among equals. */
  function nearestAlternatives(all: Candidate[]): AlternativeSlot[] {
    if (all.length === 0) return [];
    const byDay = new Map<number, Candidate>();
    for (const c of all) {
      const best = byDay.get(c.day);
      if (!best || c.busy.length < best.busy.length) byDay.set(c.day, c);
    }
    return [...byDay.values()]
      .sort((x, y) => x.busy.length - y.busy.length || x.startMs - y.startMs)
      .slice(0, 3)
      .sort((x, y) => x.startMs - y.startMs)
      .map((c) => ({ start: iso(c.startMs), end: iso(c.endMs), busy: c.busy }));
  }
}

/**
 * Picks `count` candidates spread over the span they cover: the span is cut into `count` equal
 * parts, each part gives its best candidate (least team load that day, a customary start at 09:00
 * or 13:00, then earliest); at most one per day. Parts without a candidate are filled with the
 * remaining candidates farthest from those already chosen.
 */
function spread<C extends { day: number; startMs: number; minuteOfDay: number }>(
  candidates: C[],
  count: number,
  teamLoad: number[],
): C[] {
  const score = (c: C) =>
    (teamLoad[c.day] ?? 0) * 10 +
    (c.minuteOfDay === 540 || c.minuteOfDay === 780 ? 0 : c.minuteOfDay < 540 ? 2 : 1);
  const first = candidates[0]!.startMs;
  const last = candidates.at(-1)!.startMs;
  const width = (last - first) / count || 1;
  const chosen: C[] = [];
  const usedDays = new Set<number>();
  for (let part = 0; part < count; part++) {
    const lo = first + part * width;
    const hi = part === count - 1 ? last + 1 : first + (part + 1) * width;
    let best: C | undefined;
    for (const c of candidates) {
      if (c.startMs < lo || c.startMs >= hi || usedDays.has(c.day)) continue;
      if (!best || score(c) < score(best)) best = c;
    }
    if (best) {
      chosen.push(best);
      usedDays.add(best.day);
    }
  }
  while (chosen.length < count) {
    let best: C | undefined;
    let bestDistance = -1;
    for (const c of candidates) {
      if (chosen.includes(c)) continue;
      const sameDay = usedDays.has(c.day) ? 1 : 0;
      const distance =
        Math.min(...chosen.map((x) => Math.abs(x.startMs - c.startMs))) / (1 + sameDay * 1000);
      if (distance > bestDistance) {
        best = c;
        bestDistance = distance;
      }
    }
    if (!best) break;
    chosen.push(best);
    usedDays.add(best.day);
  }
  return chosen.sort((x, y) => x.startMs - y.startMs);
}

function daysBetween(from: LocalDate, to: LocalDate): Day[] {
  const out: Day[] = [];
  for (
    let dt = DateTime.fromISO(from, { zone: ZONE });
    dt.toISODate()! <= to;
    dt = dt.plus({ days: 1 })
  ) {
    out.push({
      date: dt.toISODate()!,
      dt,
      startMs: dt.toMillis(),
      endMs: dt.plus({ days: 1 }).toMillis(),
      weekday: dt.weekday,
    });
  }
  return out;
}

function at(day: DateTime, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return day.set({ hour: h ?? 0, minute: m ?? 0, second: 0, millisecond: 0 }).toMillis();
}

function iso(ms: number): IsoInstant {
  return DateTime.fromMillis(ms, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;
}
