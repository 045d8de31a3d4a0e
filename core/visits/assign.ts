// Which examiner team examines which unit (pure): a proposal the coordinator accepts or changes.
// An examiner never gets a unit of their own administration nor one they declared a conflict with;
// within that, units go to the team with the least load so far (the most constrained units first).
export interface AssignableUnit {
  id: string;
  organisationId: string;
}

export interface AssignableTeam {
  id: string;
  members: { address: string; organisationId?: string }[];
}

export interface Conflict {
  address: string;
  unitId: string;
}

export type AssignmentObstacle =
  { kind: 'own-administration'; address: string } | { kind: 'declared-conflict'; address: string };

export interface AssignmentProposal {
  assignments: { unitId: string; teamId: string }[];
  /** Units no team may examine, with why for each team. */
  unassignable: { unitId: string; obstacles: Record<string, AssignmentObstacle[]> }[];
  /** Units per team after the proposal (existing ones included). */
  load: Record<string, number>;
}

/** Why this team may not examine this unit (empty: it may). */
export function obstaclesFor(
  unit: AssignableUnit,
  team: AssignableTeam,
  conflicts: readonly Conflict[],
): AssignmentObstacle[] {
  const out: AssignmentObstacle[] = [];
  for (const m of team.members) {
    const address = m.address.toLowerCase();
    if (m.organisationId && m.organisationId === unit.organisationId)
      out.push({ kind: 'own-administration', address });
    if (conflicts.some((c) => c.unitId === unit.id && c.address.toLowerCase() === address))
      out.push({ kind: 'declared-conflict', address });
  }
  return out;
}

export function proposeAssignments(input: {
  units: readonly AssignableUnit[];
  teams: readonly AssignableTeam[];
  conflicts: readonly Conflict[];
  /** Assignments already made: kept, and counted in the load. */
  existing?: readonly { unitId: string; teamId: string }[];
}): AssignmentProposal {
  const load: Record<string, number> = Object.fromEntries(input.teams.map((t) => [t.id, 0]));
  const done = new Set<string>();
  for (const a of input.existing ?? []) {
    if (a.teamId in load) load[a.teamId]!++;
    done.add(a.unitId);
  }
  const open = input.units
    .filter((u) => !done.has(u.id))
    .map((unit) => {
      const obstacles: Record<string, AssignmentObstacle[]> = {};
      const eligible: string[] = [];
      for (const team of input.teams) {
        const o = obstaclesFor(unit, team, input.conflicts);
        if (o.length > 0) obstacles[team.id] = o;
        else eligible.push(team.id);
      }
      return { unit, eligible, obstacles };
    })
    // Units fewer teams may take go first, so they are not left without one.
    .sort((a, b) => a.eligible.length - b.eligible.length || a.unit.id.localeCompare(b.unit.id));
  const assignments: AssignmentProposal['assignments'] = [];
  const unassignable: AssignmentProposal['unassignable'] = [];
  for (const { unit, eligible, obstacles } of open) {
    if (eligible.length === 0) {
      unassignable.push({ unitId: unit.id, obstacles });
      continue;
    }
    const teamId = eligible.reduce((best, id) => (load[id]! < load[best]! ? id : best));
    load[teamId]!++;
    assignments.push({ unitId: unit.id, teamId });
  }
  return { assignments, unassignable, load };
}
