// The numbers and lists of one cycle year, computed from what storage holds (loaded in bulk by
// service.ts). Pure: data and the instant in, plain data out, so the bot and the tab agree.
import { stillToAct } from '../../core/obligations.js';
import {
  currentPhase,
  cycleTimeline,
  deadlineInstant,
  type TimelineEntry,
} from '../../core/deadlines.js';
import { UNIT_CLASS_IDS } from '../../core/classes.js';
import { PARTICIPATION_STATES, milestones } from '../../core/participation.js';
import type {
  Cycle,
  Organisation,
  Participation,
  ParticipationState,
  Unit,
  UnitClassId,
} from '../../core/model.js';
import type { SubmissionVersion, VisitRecord } from '../../store/index.js';
import type {
  CycleDeadlines,
  ProblemKind,
  StatusDeadline,
  UnitListFilter,
  UnitPage,
  UnitRef,
  UnitRow,
  YearCounts,
} from './types.js';

const DAY = 86_400_000;

/** Everything one year's numbers need, read in a handful of queries (no query per unit). */
export interface YearData {
  cycle: Cycle;
  units: readonly Unit[];
  organisations: readonly Organisation[];
  participations: readonly Participation[];
  /** The current version per unit. */
  submissions: readonly SubmissionVersion[];
  visits: readonly VisitRecord[];
}

/** Withdrawn and not-eligible units no longer take part. */
export function takesPart(p: Participation): boolean {
  return p.state !== 'withdrawn' && p.state !== 'not-eligible';
}

export function isMissingFromProtocol(p: Participation): boolean {
  return (p.state === 'pre-registered' || p.state === 'submitted') && !milestones(p).inProtocol;
}

export function problemKinds(
  submission: Pick<SubmissionVersion, 'late' | 'characterCount' | 'problems'>,
  maxCharacters: number,
): ProblemKind[] {
  const kinds: ProblemKind[] = [];
  if (submission.late || submission.problems.includes('late')) kinds.push('late');
  if (submission.characterCount > maxCharacters || submission.problems.includes('over-limit'))
    kinds.push('over-limit');
  if (submission.problems.some((p) => p === 'document-failed' || p === 'no-document'))
    kinds.push('unreadable');
  return kinds;
}

/** A cycle has started once intake takes its mail (about 330 days before the submission deadline). */
const CYCLE_OPENS_DAYS_BEFORE_SUBMISSION = 330;

/** The cycles in play at `now`: opened and not closed, oldest first; at least the newest started one. */
export function cyclesInPlay(cycles: readonly Cycle[], now: Date): Cycle[] {
  const sorted = [...cycles].sort((a, b) => a.year - b.year);
  const at = now.getTime();
  const opened = (c: Cycle) =>
    at >=
    new Date(deadlineInstant(c.timeline.submissionDeadline)).getTime() -
      CYCLE_OPENS_DAYS_BEFORE_SUBMISSION * DAY;
  const inPlay = sorted.filter((c) => opened(c) && currentPhase(c, now).phase !== 'closed');
  if (inPlay.length > 0) return inPlay;
  const started = sorted.filter(opened);
  return started.length > 0 ? [started.at(-1)!] : sorted.slice(0, 1);
}

/**
 * The year units are working on: the oldest cycle in play that has not reached its feedback visits
 * (in December the new cycle's pre-registrations matter more than last cycle's follow-up).
 */
export function workingYear(cycles: readonly Cycle[], now: Date): number {
  const inPlay = cyclesInPlay(cycles, now);
  const working = inPlay.find((c) => {
    const phase = currentPhase(c, now).phase;
    return phase !== 'feedback-visits' && phase !== 'closed';
  });
  return (working ?? inPlay.at(-1)!).year;
}

export function toStatusDeadline(entry: TimelineEntry, now: Date): StatusDeadline {
  const ms = new Date(entry.end).getTime() - now.getTime();
  return {
    id: entry.id,
    year: entry.year,
    kind: entry.kind,
    label: entry.label,
    when: entry.when,
    end: entry.end,
    daysLeft: Math.max(0, Math.floor(ms / DAY)),
  };
}

/** A cycle's dates, worked out once per cycle (the formatting is most of a status turn's own time). */
const timelines = new WeakMap<Cycle, { entries: TimelineEntry[]; ends: number[] }>();

/** What is not over yet at `now` (core's upcomingDeadlines, over the cycle's memoised timeline). */
export function upcoming(cycle: Cycle, now: Date): TimelineEntry[] {
  let timeline = timelines.get(cycle);
  if (!timeline) {
    const entries = cycleTimeline(cycle);
    timeline = { entries, ends: entries.map((e) => new Date(e.end).getTime()) };
    timelines.set(cycle, timeline);
  }
  const at = now.getTime();
  return timeline.entries.filter((_, i) => timeline.ends[i]! > at);
}

/** The next `perCycle` dates of every cycle that has any left, oldest cycle first. */
export function deadlinesAcrossCycles(
  cycles: readonly Cycle[],
  now: Date,
  perCycle = 4,
): CycleDeadlines[] {
  return [...cycles]
    .sort((a, b) => a.year - b.year)
    .map((cycle) => {
      const phase = currentPhase(cycle, now);
      return {
        year: cycle.year,
        phase: { id: phase.phase, label: phase.label },
        next: upcoming(cycle, now)
          .slice(0, perCycle)
          .map((e) => toStatusDeadline(e, now)),
      };
    })
    .filter((c) => c.next.length > 0);
}

function emptyByState(): Record<ParticipationState, number> {
  return Object.fromEntries(PARTICIPATION_STATES.map((s) => [s, 0])) as Record<
    ParticipationState,
    number
  >;
}

export function yearCounts(data: YearData, now: Date): YearCounts {
  const { cycle } = data;
  const unitById = new Map(data.units.map((u) => [u.id, u]));
  const byState = emptyByState();
  const byClass = Object.fromEntries(
    UNIT_CLASS_IDS.map((id) => [id, { participating: 0, submitted: 0 }]),
  ) as YearCounts['byClass'];
  let submitted = 0;
  let inProtocol = 0;
  let missing = 0;
  let notSubmitted = 0;
  for (const p of data.participations) {
    byState[p.state] += 1;
    const m = milestones(p);
    if (m.submitted) submitted += 1;
    if (m.inProtocol) inProtocol += 1;
    if (isMissingFromProtocol(p)) missing += 1;
    if (stillToAct(p, 'submission')) notSubmitted += 1;
    const unit = unitById.get(p.unitId);
    if (unit && takesPart(p)) {
      byClass[unit.classId].participating += 1;
      if (m.submitted) byClass[unit.classId].submitted += 1;
    }
  }
  const ref = (unitId: string): UnitRef => ({
    unitId,
    name: unitById.get(unitId)?.name ?? unitId,
  });
  const problems: YearCounts['problems'] = { late: [], overLimit: [], unreadable: [] };
  for (const s of data.submissions) {
    const kinds = problemKinds(s, cycle.rules.maxCharacters);
    if (kinds.includes('late')) problems.late.push(ref(s.unitId));
    if (kinds.includes('over-limit')) problems.overLimit.push(ref(s.unitId));
    if (kinds.includes('unreadable')) problems.unreadable.push(ref(s.unitId));
  }
  const phase = currentPhase(cycle, now);
  return {
    year: cycle.year,
    phase: { id: phase.phase, label: phase.label },
    total: data.participations.length,
    byState,
    submitted,
    inProtocol,
    missingFromProtocol: missing,
    notSubmitted,
    visits: {
      booked: data.visits.filter((v) => v.status === 'booked').length,
      held: data.visits.filter((v) => v.status === 'held').length,
    },
    byClass,
    problems,
  };
}

export const MAX_PAGE_SIZE = 200;

/** Every unit of a year that passes the filter, sorted by name: the one place a unit row is made. */
export function unitRows(data: YearData, filter: UnitListFilter): UnitRow[] {
  const maxChars = data.cycle.rules.maxCharacters;
  const unitById = new Map(data.units.map((u) => [u.id, u]));
  const orgName = new Map(data.organisations.map((o) => [o.id, o.name]));
  const submissionOf = new Map(data.submissions.map((s) => [s.unitId, s]));
  const visitsOf = new Map<string, VisitRecord[]>();
  for (const v of data.visits) {
    const list = visitsOf.get(v.unitId) ?? [];
    list.push(v);
    visitsOf.set(v.unitId, list);
  }
  const only = filter.unitIds ? new Set(filter.unitIds) : undefined;
  const rows: UnitRow[] = [];
  for (const p of data.participations) {
    const unit = unitById.get(p.unitId);
    if (!unit) continue;
    if (only && !only.has(unit.id)) continue;
    if (filter.states && !filter.states.includes(p.state)) continue;
    if (filter.classId && unit.classId !== filter.classId) continue;
    if (filter.organisationId && unit.organisationId !== filter.organisationId) continue;
    if (filter.notSubmitted && !stillToAct(p, 'submission')) continue;
    if (filter.missingFromProtocol && !isMissingFromProtocol(p)) continue;
    const s = submissionOf.get(unit.id);
    if (filter.problem && !(s && problemKinds(s, maxChars).includes(filter.problem))) continue;
    const organisationName = orgName.get(unit.organisationId);
    rows.push({
      unitId: unit.id,
      name: unit.name,
      classId: unit.classId,
      organisationId: unit.organisationId,
      ...(organisationName ? { organisationName } : {}),
      state: p.state,
      ...(s
        ? {
            submission: {
              characters: s.characterCount,
              answeredQuestions: s.answeredQuestions.length,
              late: s.late,
              problems: s.problems,
            },
          }
        : {}),
      visits: (visitsOf.get(unit.id) ?? []).map((v) => ({
        kind: v.kind,
        status: v.status,
        ...(v.start ? { start: v.start } : {}),
      })),
    });
  }
  rows.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return rows;
}

/** The units of a year that pass the filter, sorted by name, one page of them. */
export function unitPage(
  data: YearData,
  filter: UnitListFilter,
  paging: { page?: number; pageSize?: number } = {},
): UnitPage {
  const rows = unitRows(data, filter);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(paging.pageSize ?? 10)));
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = Math.min(pages - 1, Math.max(0, Math.floor(paging.page ?? 0)));
  return {
    year: data.cycle.year,
    filter,
    items: rows.slice(page * pageSize, (page + 1) * pageSize),
    total: rows.length,
    page,
    pageSize,
    pages,
  };
}

export type { UnitClassId };
