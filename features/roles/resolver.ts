// The RoleResolver (types.ts) over the directory and the store: coordinators and examiners are members
// of their Entra groups (read through Graph, cached briefly), unit managers are the people whose
// address is a unit's manager address, examiner teams come from the visits feature's source. One
// person's answer is cached for a minute, so a burst of tab calls costs one lookup; the group
// membership for a few minutes, so a change in Entra takes effect without a restart.
import type { User } from '@microsoft/microsoft-graph-types';
import type { Locale } from '../../core/model.js';
import { isGraphError, type Graph } from '../../graph/index.js';
import { getUser, listGroupMembersByMailNickname } from '../../graph/users.js';
import type { ExaminerTeamsSource, Principal, Role, RoleResolver } from './types.js';

export const COORDINATORS_GROUP = 'kvalitet-samordnare';
export const EXAMINERS_GROUP = 'kvalitet-examinatorer';

export interface RoleResolverOptions {
  graph: Graph;
  /** Units led by an address (the store's units.findByManagerEmail). */
  unitsManagedBy(email: string): Promise<Array<{ id: string }>>;
  /** Examiner teams; none until the visits feature provides them. */
  examinerTeams?: ExaminerTeamsSource;
  groups?: { coordinators?: string; examiners?: string };
  /** Milliseconds; the app's clock is not used: these are cache ages, not award time. */
  personTtlMs?: number;
  groupTtlMs?: number;
  now?: () => number;
}

const PERSON_SELECT = ['id', 'displayName', 'mail', 'userPrincipalName', 'preferredLanguage'];

export const NO_EXAMINER_TEAMS: ExaminerTeamsSource = { teamsOf: async () => [] };

export function createRoleResolver(options: RoleResolverOptions): RoleResolver & {
  /** Replaces the examiner teams source (the visits feature starts after the roles exist). */
  useExaminerTeams(source: ExaminerTeamsSource): void;
} {
  const now = options.now ?? Date.now;
  const personTtl = options.personTtlMs ?? 60_000;
  const groupTtl = options.groupTtlMs ?? 5 * 60_000;
  const coordinatorsGroup = options.groups?.coordinators ?? COORDINATORS_GROUP;
  const examinersGroup = options.groups?.examiners ?? EXAMINERS_GROUP;
  let teams = options.examinerTeams ?? NO_EXAMINER_TEAMS;

  const groupCache = new Map<string, { at: number; ids: Promise<Set<string>> }>();
  const membersOf = (group: string): Promise<Set<string>> => {
    const hit = groupCache.get(group);
    if (hit && now() - hit.at < groupTtl) return hit.ids;
    const ids = listGroupMembersByMailNickname(options.graph, group, ['id'])
      .then((users) => new Set(users.map((u) => u.id!).filter(Boolean)))
      .catch((e: unknown) => {
        // A tenant without the group has nobody in that role; other failures are not cached.
        if (isGraphError(e, 'not-found')) return new Set<string>();
        groupCache.delete(group);
        throw e;
      });
    groupCache.set(group, { at: now(), ids });
    return ids;
  };

  const personCache = new Map<string, { at: number; principal: Promise<Principal | undefined> }>();
  const keyOf = (who: { objectId?: string; upn?: string }) =>
    (who.objectId ?? who.upn ?? '').toLowerCase();

  const lookUp = async (idOrUpn: string): Promise<Principal | undefined> => {
    let user: User;
    try {
      user = await getUser(options.graph, idOrUpn, PERSON_SELECT);
    } catch (e) {
      if (isGraphError(e, 'not-found')) return undefined;
      throw e;
    }
    if (!user.id) return undefined;
    const upn = user.userPrincipalName ?? '';
    const [coordinators, examiners, teamsOf] = await Promise.all([
      membersOf(coordinatorsGroup),
      membersOf(examinersGroup),
      teams.teamsOf(user.id, upn),
    ]);
    const addresses = [...new Set([user.mail, upn].filter((a): a is string => !!a))];
    const unitIds = new Set<string>();
    for (const address of addresses)
      for (const unit of await options.unitsManagedBy(address)) unitIds.add(unit.id);
    const roles: Role[] = [];
    if (coordinators.has(user.id)) roles.push('coordinator');
    if (examiners.has(user.id) || teamsOf.length > 0) roles.push('examiner');
    if (teamsOf.some((t) => t.leader)) roles.push('team-leader');
    if (unitIds.size > 0) roles.push('unit-manager');
    return {
      objectId: user.id,
      userPrincipalName: upn,
      displayName: user.displayName ?? upn,
      locale: localeOf(user.preferredLanguage),
      roles,
      unitIds: [...unitIds].sort(),
      examinerTeams: teamsOf,
    };
  };

  return {
    resolve(who) {
      const key = keyOf(who);
      if (!key) return Promise.resolve(undefined);
      const hit = personCache.get(key);
      if (hit && now() - hit.at < personTtl) return hit.principal;
      const principal = lookUp(who.objectId ?? who.upn!);
      principal.catch(() => personCache.delete(key));
      personCache.set(key, { at: now(), principal });
      return principal;
    },
    invalidate(who) {
      if (!who) {
        personCache.clear();
        groupCache.clear();
        return;
      }
      personCache.delete(keyOf(who));
      // The other key of the same person (upn vs object id) ages out within the person TTL.
    },
    useExaminerTeams(source) {
      teams = source;
      personCache.clear();
    },
  };
}

function localeOf(preferredLanguage: string | null | undefined): Locale {
  return preferredLanguage?.toLowerCase().startsWith('en') ? 'en' : 'sv';
}

/** True when the principal may see this unit: coordinators all, unit managers theirs. */
export function mayActForUnit(principal: Principal, unitId: string): boolean {
  return principal.roles.includes('coordinator') || principal.unitIds.includes(unitId);
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return roles.some((r) => principal.roles.includes(r));
}
