// Reads for the status views: the cycle's numbers, unit lists and one unit's detail, from storage in
// bulk (a fixed handful of queries per answer, never one per unit; measured by `npm run bench -- bot`).
import { classById } from '../../core/classes.js';
import { assessEligibility } from '../../core/eligibility.js';
import { stillToAct } from '../../core/obligations.js';
import type { Cycle, Locale, Participation, Unit } from '../../core/model.js';
import type { Store } from '../../store/index.js';
import { unitNotFound } from './errors.js';
import { findUnits, type UnitMatch } from './find.js';
import {
  cyclesInPlay,
  deadlinesAcrossCycles,
  toStatusDeadline,
  unitPage,
  unitRows,
  upcoming,
  workingYear,
  yearCounts,
  type YearData,
} from './summary.js';
import type {
  HistoryEntry,
  StatusOverview,
  UnitDetail,
  UnitListFilter,
  UnitNote,
  UnitPage,
  UnitRow,
} from './types.js';
import { ILS_WEBBEN_REF, notesKey } from './acts.js';
import { participantsCsv } from './export.js';

export interface StatusServiceOptions {
  store: Store;
  cycles: readonly Cycle[];
  now: () => Date;
}

export interface StatusService {
  /** The year lists and acts default to. */
  workingYear(): number;
  cycle(year: number): Cycle | undefined;
  overview(): Promise<StatusOverview>;
  units(filter?: UnitListFilter, paging?: { page?: number; pageSize?: number }): Promise<UnitPage>;
  /** Every row of a year's table in one read (the tab sorts and filters a thousand rows itself). */
  allUnits(filter?: UnitListFilter): Promise<{ year: number; items: UnitRow[] }>;
  /** Throws DomainError 'unit-not-found'. */
  detail(unitId: string, year?: number): Promise<UnitDetail>;
  /** Units a text may mean (all units, or only `among`). */
  find(
    query: string,
    among?: readonly string[],
  ): Promise<{ found?: Unit; candidates: UnitMatch<Unit>[] }>;
  organisations(): Promise<{ id: string; name: string }[]>;
  /** The participant list of a year (default: the working year) as CSV, headed in `locale`. */
  participantsCsv(year?: number, locale?: Locale): Promise<{ year: number; csv: string }>;
}

export function createStatusService(options: StatusServiceOptions): StatusService {
  const { store, cycles } = options;
  const cycleOf = (year: number) => cycles.find((c) => c.year === year);
  const teams = store.examinerTeams;

  async function loadYear(cycle: Cycle): Promise<YearData> {
    const [units, organisations, participations, submissions, visits] = await Promise.all([
      store.units.list(),
      store.organisations.list(),
      store.participations.list({ year: cycle.year }),
      store.submissions.latestByYear(cycle.year),
      store.visits.listForYear(cycle.year),
    ]);
    return { cycle, units, organisations, participations, submissions, visits };
  }

  const yearCycle = (year?: number): Cycle => {
    const y = year ?? workingYear(cycles, options.now());
    return cycleOf(y) ?? cycleOf(workingYear(cycles, options.now()))!;
  };

  return {
    workingYear: () => workingYear(cycles, options.now()),
    cycle: cycleOf,

    async overview() {
      const now = options.now();
      const inPlay = cyclesInPlay(cycles, now);
      const years = await Promise.all(
        inPlay.map(async (cycle) => yearCounts(await loadYear(cycle), now)),
      );
      return {
        now: now.toISOString(),
        year: workingYear(cycles, now),
        years,
        deadlines: deadlinesAcrossCycles(cycles, now),
      };
    },

    async units(filter = {}, paging = {}) {
      const cycle = yearCycle(filter.year);
      return unitPage(await loadYear(cycle), { ...filter, year: cycle.year }, paging);
    },

    async allUnits(filter = {}) {
      const cycle = yearCycle(filter.year);
      const items = unitRows(await loadYear(cycle), { ...filter, year: cycle.year });
      return { year: cycle.year, items };
    },

    async detail(unitId, year) {
      const cycle = yearCycle(year);
      const unit = await store.units.get(unitId);
      if (!unit) throw unitNotFound(unitId);
      const [organisation, participations, submissions, visits, notes, assignment] =
        await Promise.all([
          store.organisations.get(unit.organisationId),
          store.participations.listForUnit(unitId),
          store.submissions.list(unitId, cycle.year),
          store.visits.listForUnit(unitId, cycle.year),
          store.settings.get<UnitNote[]>(notesKey(unitId, cycle.year)),
          teams.assignment(unitId, cycle.year),
        ]);
      const team = assignment ? await teams.getTeam(assignment.teamId) : undefined;
      const participation = participations.find((p) => p.year === cycle.year);
      return buildDetail({
        unit,
        cycle,
        now: options.now(),
        ...(organisation ? { organisationName: organisation.name } : {}),
        ...(participation ? { participation } : {}),
        previous: participations.filter((p) => p.year < cycle.year),
        submissions,
        visits,
        notes: notes ?? [],
        ...(team ? { team: { id: team.id, name: team.name, leader: team.leader } } : {}),
      });
    },

    async find(query, among) {
      const units = await store.units.list();
      const pool = among ? units.filter((u) => among.includes(u.id)) : units;
      return findUnits(query, pool);
    },

    async organisations() {
      return (await store.organisations.list()).map((o) => ({ id: o.id, name: o.name }));
    },

    async participantsCsv(year, locale = 'sv') {
      const cycle = yearCycle(year);
      return { year: cycle.year, csv: participantsCsv(await loadYear(cycle), locale) };
    },
  };
}

function buildDetail(input: {
  unit: Unit;
  cycle: Cycle;
  now: Date;
  organisationName?: string;
  participation?: Participation;
  previous: Participation[];
  submissions: Awaited<ReturnType<Store['submissions']['list']>>;
  visits: Awaited<ReturnType<Store['visits']['listForUnit']>>;
  notes: UnitNote[];
  team?: { id: string; name: string; leader: string };
}): UnitDetail {
  const { unit, cycle, participation: p } = input;
  const history: HistoryEntry[] = (p?.history ?? []).map((t) => ({
    from: t.from,
    to: t.to,
    at: t.at,
    by: { id: t.actor.id, ...(t.actor.name ? { name: t.actor.name } : {}) },
    source: t.source,
    ...(t.note ? { note: t.note } : {}),
    ...(t.reasons ? { reasons: t.reasons } : {}),
  }));
  const ils = (p?.history ?? []).filter(
    (t) => t.to === 'submitted' && t.source.ref?.startsWith(ILS_WEBBEN_REF),
  );
  const submissions: UnitDetail['submissions'] = [
    ...input.submissions.map((s) => ({
      messageId: s.messageId,
      sentAt: s.sentAt,
      characters: s.characterCount,
      answeredQuestions: s.answeredQuestions.length,
      late: s.late,
      fileNames: s.fileNames,
      problems: s.problems,
      source: 'mail' as const,
    })),
    ...ils.map((t) => ({
      messageId: t.source.ref!,
      sentAt: t.at,
      characters: 0,
      answeredQuestions: 0,
      late: false,
      fileNames: [],
      problems: [],
      source: 'ils-webben' as const,
    })),
  ];
  const previousResults = input.previous
    .filter((q) => q.juryResult !== undefined)
    .map((q) => ({ year: q.year, result: q.juryResult! }));
  const assessed = assessEligibility(
    unit,
    { previousResults, ...(unit.staffCount !== undefined ? { staffCount: unit.staffCount } : {}) },
    cycle,
  );
  const decided =
    p && (p.state === 'eligible' || p.state === 'not-eligible')
      ? p.state
      : p && p.history.some((t) => t.to === 'eligible') && p.state !== 'withdrawn'
        ? ('eligible' as const)
        : undefined;
  const eligibility: UnitDetail['eligibility'] = {
    ...(decided ? { decided } : {}),
    reasons:
      decided === 'not-eligible'
        ? (p?.ineligibleReasonTexts ?? [])
        : assessed.failed.map((f) => ({ sv: f.sv, en: f.en })),
    needsChecking: decided ? [] : assessed.needsChecking.map((f) => ({ sv: f.sv, en: f.en })),
  };
  const due: UnitDetail['due'] = p
    ? upcoming(cycle, input.now)
        .filter((e) => stillToAct(p, e.kind))
        .map((e) => {
          const d = toStatusDeadline(e, input.now);
          return { kind: e.kind, label: e.label, when: e.when, daysLeft: d.daysLeft };
        })
    : [];
  return {
    unit: {
      unitId: unit.id,
      name: unit.name,
      classId: unit.classId,
      className: { sv: classById(unit.classId).sv, en: classById(unit.classId).en },
      organisationId: unit.organisationId,
      ...(input.organisationName ? { organisationName: input.organisationName } : {}),
      managerName: unit.managerName,
      managerEmail: unit.managerEmail,
      ...(unit.email ? { email: unit.email } : {}),
      ...(unit.phone ? { phone: unit.phone } : {}),
      ...(unit.staffCount !== undefined ? { staffCount: unit.staffCount } : {}),
      ownership: unit.ownership,
    },
    year: cycle.year,
    ...(p ? { state: p.state } : {}),
    history,
    submissions,
    eligibility,
    ...(input.team ? { examinerTeam: input.team } : {}),
    visits: input.visits.map((v) => ({
      kind: v.kind,
      status: v.status,
      ...(v.start ? { start: v.start } : {}),
      ...(v.end ? { end: v.end } : {}),
    })),
    notes: input.notes,
    due,
  };
}

export type { Locale };
