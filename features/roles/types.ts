// Who someone is to the award, resolved once per person and cached briefly: the one answer the tab,
// the add-in and the bot all authorise against. Coordinators are the coordinators group's members,
// examiners the examiners group's (team leader of their teams, from the visits feature), unit managers
// the people whose address is a unit's manager address. Board contacts come later (ROADMAP).
import type { Locale } from '../../core/model.js';

export type Role = 'coordinator' | 'examiner' | 'team-leader' | 'unit-manager';

export interface Principal {
  /** Entra object id (the `oid` claim, Teams' from.aadObjectId). */
  objectId: string;
  userPrincipalName: string;
  displayName: string;
  /** From the user's preferredLanguage (Graph), else Swedish. */
  locale: Locale;
  roles: Role[];
  /** Units whose manager address is this person's (unit-manager). */
  unitIds: string[];
  /** Examiner teams this person is in, per cycle year (examiner / team-leader). */
  examinerTeams: { year: number; teamId: string; leader: boolean }[];
}

/** Where examiner team membership comes from (the visits feature's store); none until it exists. */
export interface ExaminerTeamsSource {
  teamsOf(objectId: string, upn: string): Promise<Principal['examinerTeams']>;
}

export interface RoleResolver {
  /** By Entra object id or user principal name; undefined for someone the tenant does not know. */
  resolve(who: { objectId?: string; upn?: string }): Promise<Principal | undefined>;
  /** Forget cached answers (after a group change, or in tests). */
  invalidate(who?: { objectId?: string; upn?: string }): void;
}
