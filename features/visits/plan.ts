// A planning round: proposals for many units from one set of schedules (fetched for everyone at
// once, so getSchedule is called ceil(people ÷ 20) times per window, not once per unit). Each unit's
// first proposal counts as taken for the next units of the same team, so a team's units do not all
// get the same times and the examiners' load spreads.
import type { DateWindow, Unit } from '../../core/model.js';
import {
  findSlots,
  type BookedVisit,
  type SlotAnswer,
  type SlotPerson,
  type VisitKind,
  type VisitMode,
  type VisitRules,
} from '../../core/visits/index.js';
import type { PersonSchedule } from './schedule.js';

export interface PlanTeam {
  id: string;
  members: { address: string }[];
}

/** The people of one unit's visit as the slot finder sees them (own event left out when moving it). */
export function slotPeopleFor(
  unit: Pick<Unit, 'managerEmail' | 'managerName'>,
  team: PlanTeam,
  schedules: Map<string, PersonSchedule>,
  own?: { start?: string; end?: string },
): { people: SlotPerson[]; managerWithoutMailbox?: string } {
  const ownStart = own?.start ? Date.parse(own.start) : NaN;
  const ownEnd = own?.end ? Date.parse(own.end) : NaN;
  const notOwn = (b: { start: string; end: string }) =>
    !(Date.parse(b.start) === ownStart && Date.parse(b.end) === ownEnd);
  const people: SlotPerson[] = [];
  for (const { address } of team.members) {
    const s = schedules.get(address.toLowerCase());
    if (!s || s.error) continue;
    people.push({
      id: address.toLowerCase(),
      role: 'examiner',
      busy: own ? s.busy.filter(notOwn) : s.busy,
      ...(s.workingHours ? { workingHours: s.workingHours } : {}),
    });
  }
  const manager = unit.managerEmail.toLowerCase();
  const m = schedules.get(manager);
  if (!m || m.error)
    return { people, managerWithoutMailbox: unit.managerName || unit.managerEmail };
  people.push({
    id: manager,
    role: 'unit-manager',
    busy: own ? m.busy.filter(notOwn) : m.busy,
    ...(m.workingHours ? { workingHours: m.workingHours } : {}),
  });
  return { people };
}

export function planProposals(input: {
  units: { unit: Pick<Unit, 'id' | 'managerEmail' | 'managerName'>; team: PlanTeam }[];
  schedules: Map<string, PersonSchedule>;
  booked: BookedVisit[];
  now: string;
  window: DateWindow;
  kind: VisitKind;
  mode: VisitMode;
  count?: number;
  rules?: Partial<VisitRules>;
}): Map<string, SlotAnswer> {
  const out = new Map<string, SlotAnswer>();
  const booked = [...input.booked];
  for (const { unit, team } of input.units) {
    const { people } = slotPeopleFor(unit, team, input.schedules);
    const answer = findSlots({
      now: input.now,
      window: input.window,
      kind: input.kind,
      mode: input.mode,
      people,
      visits: booked,
      count: input.count ?? 4,
      ...(input.rules ? { rules: input.rules } : {}),
    });
    out.set(unit.id, answer);
    const first = answer.slots[0];
    if (first)
      for (const m of team.members)
        booked.push({
          examinerId: m.address.toLowerCase(),
          start: first.start,
          end: first.end,
          onSite: input.mode === 'on-site',
        });
  }
  return out;
}
