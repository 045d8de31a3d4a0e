// Examiner teams per cycle (leader and members, each member's own administration), the units
// assigned to a team, and the conflicts of interest examiners declare. Addresses are kept in lower
// case so a lookup by UPN or mail finds the same person. Upserts and declarations are idempotent.
import { inTransaction, type RepoContext } from './db.js';
import { toIso } from './time.js';

export interface ExaminerMember {
  address: string;
  name?: string;
  objectId?: string;
  /** The examiner's own administration (organisation id): they never examine its units. */
  organisationId?: string;
}

export interface ExaminerTeamInput {
  id: string;
  year: number;
  name: string;
  /** The team leader's address; also one of the members. */
  leader: string;
  members: ExaminerMember[];
}

export interface ExaminerTeamRecord extends ExaminerTeamInput {
  unitIds: string[];
}

export interface UnitAssignment {
  unitId: string;
  year: number;
  teamId: string;
  assignedBy: string;
  assignedAt: string;
}

export interface ConflictDeclaration {
  year: number;
  address: string;
  unitId: string;
  reason?: string;
}

export interface ExaminerTeamsRepo {
  /** Inserts or replaces the team (its member list as given; assignments stay). */
  upsertTeam(team: ExaminerTeamInput): Promise<void>;
  getTeam(id: string): Promise<ExaminerTeamRecord | undefined>;
  /** Sorted by name. */
  listTeams(year: number): Promise<ExaminerTeamRecord[]>;
  /** The teams a person is in, by address or Entra object id, every year. */
  teamsOf(who: {
    address?: string;
    objectId?: string;
  }): Promise<{ year: number; teamId: string; leader: boolean }[]>;
  /** Assigns (or moves) a unit to a team for the year. */
  assign(unitId: string, year: number, teamId: string, by: string): Promise<void>;
  unassign(unitId: string, year: number): Promise<void>;
  assignment(unitId: string, year: number): Promise<UnitAssignment | undefined>;
  assignments(year: number): Promise<UnitAssignment[]>;
  /** Idempotent: declaring the same conflict twice keeps the first. */
  declareConflict(conflict: ConflictDeclaration): Promise<void>;
  conflicts(year: number): Promise<ConflictDeclaration[]>;
}

const lower = (a: string) => a.trim().toLowerCase();

export function examinerTeamsRepo({ db, now }: RepoContext): ExaminerTeamsRepo {
  const withMembers = async (
    rows: { id: string; year: number; name: string; leader: string }[],
  ): Promise<ExaminerTeamRecord[]> => {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const members = await db
      .selectFrom('examiner_team_members')
      .selectAll()
      .where('team_id', 'in', ids)
      .orderBy('address')
      .execute();
    const units = await db
      .selectFrom('unit_assignments')
      .select(['team_id', 'unit_id'])
      .where('team_id', 'in', ids)
      .orderBy('unit_id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      year: r.year,
      name: r.name,
      leader: r.leader,
      members: members
        .filter((m) => m.team_id === r.id)
        .map((m) => ({
          address: m.address,
          ...(m.name ? { name: m.name } : {}),
          ...(m.object_id ? { objectId: m.object_id } : {}),
          ...(m.organisation_id ? { organisationId: m.organisation_id } : {}),
        })),
      unitIds: units.filter((u) => u.team_id === r.id).map((u) => u.unit_id),
    }));
  };

  return {
    upsertTeam(team) {
      return inTransaction(db, async (trx) => {
        const at = now();
        const leader = lower(team.leader);
        await trx
          .insertInto('examiner_teams')
          .values({
            id: team.id,
            year: team.year,
            name: team.name,
            leader,
            created_at: at,
            updated_at: at,
          })
          .onConflict((oc) =>
            oc
              .column('id')
              .doUpdateSet({ year: team.year, name: team.name, leader, updated_at: at }),
          )
          .execute();
        await trx.deleteFrom('examiner_team_members').where('team_id', '=', team.id).execute();
        const members = new Map(team.members.map((m) => [lower(m.address), m]));
        if (!members.has(leader)) members.set(leader, { address: leader });
        await trx
          .insertInto('examiner_team_members')
          .values(
            [...members].map(([address, m]) => ({
              team_id: team.id,
              address,
              name: m.name ?? null,
              object_id: m.objectId ?? null,
              organisation_id: m.organisationId ?? null,
            })),
          )
          .execute();
      });
    },
    async getTeam(id) {
      const rows = await db.selectFrom('examiner_teams').selectAll().where('id', '=', id).execute();
      return (await withMembers(rows))[0];
    },
    async listTeams(year) {
      const rows = await db
        .selectFrom('examiner_teams')
        .selectAll()
        .where('year', '=', year)
        .orderBy('name')
        .orderBy('id')
        .execute();
      return withMembers(rows);
    },
    async teamsOf(who) {
      const address = who.address ? lower(who.address) : undefined;
      if (!address && !who.objectId) return [];
      const rows = await db
        .selectFrom('examiner_team_members as m')
        .innerJoin('examiner_teams as t', 't.id', 'm.team_id')
        .select(['t.year', 't.id', 't.leader', 'm.address'])
        .where((eb) =>
          eb.or([
            ...(address ? [eb('m.address', '=', address)] : []),
            ...(who.objectId ? [eb('m.object_id', '=', who.objectId)] : []),
          ]),
        )
        .orderBy('t.year', 'desc')
        .orderBy('t.id')
        .execute();
      const seen = new Set<string>();
      return rows
        .filter((r) => !seen.has(r.id) && seen.add(r.id))
        .map((r) => ({ year: r.year, teamId: r.id, leader: r.leader === r.address }));
    },
    async assign(unitId, year, teamId, by) {
      const at = now();
      await db
        .insertInto('unit_assignments')
        .values({ unit_id: unitId, year, team_id: teamId, assigned_by: by, assigned_at: at })
        .onConflict((oc) =>
          oc.columns(['unit_id', 'year']).doUpdateSet({
            team_id: teamId,
            assigned_by: by,
            assigned_at: at,
          }),
        )
        .execute();
    },
    async unassign(unitId, year) {
      await db
        .deleteFrom('unit_assignments')
        .where('unit_id', '=', unitId)
        .where('year', '=', year)
        .execute();
    },
    async assignment(unitId, year) {
      const row = await db
        .selectFrom('unit_assignments')
        .selectAll()
        .where('unit_id', '=', unitId)
        .where('year', '=', year)
        .executeTakeFirst();
      return row && toAssignment(row);
    },
    async assignments(year) {
      const rows = await db
        .selectFrom('unit_assignments')
        .selectAll()
        .where('year', '=', year)
        .orderBy('unit_id')
        .execute();
      return rows.map(toAssignment);
    },
    async declareConflict(c) {
      await db
        .insertInto('examiner_conflicts')
        .values({
          year: c.year,
          address: lower(c.address),
          unit_id: c.unitId,
          reason: c.reason ?? null,
          declared_at: now(),
        })
        .onConflict((oc) => oc.columns(['year', 'address', 'unit_id']).doNothing())
        .execute();
    },
    async conflicts(year) {
      const rows = await db
        .selectFrom('examiner_conflicts')
        .selectAll()
        .where('year', '=', year)
        .orderBy('address')
        .orderBy('unit_id')
        .execute();
      return rows.map((r) => ({
        year: r.year,
        address: r.address,
        unitId: r.unit_id,
        ...(r.reason ? { reason: r.reason } : {}),
      }));
    },
  };
}

function toAssignment(row: {
  unit_id: string;
  year: number;
  team_id: string;
  assigned_by: string;
  assigned_at: Date;
}): UnitAssignment {
  return {
    unitId: row.unit_id,
    year: row.year,
    teamId: row.team_id,
    assignedBy: row.assigned_by,
    assignedAt: toIso(row.assigned_at),
  };
}
