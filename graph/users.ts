// Users and groups: look people up by id, UPN or mail, and list a group's members by mailNickname
// (the coordinator and examiner groups).
import type { Group, User } from '@microsoft/microsoft-graph-types';
import { collect, userPath, type Graph } from './client.js';
import { isGraphError, localError } from './errors.js';

export const USER_SELECT = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'department',
  'officeLocation',
  'mobilePhone',
  'businessPhones',
  'preferredLanguage',
] as const;

/** OData string literal: single quotes doubled. */
export const odataString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function getUser(
  graph: Graph,
  idOrUpn: string,
  select: readonly string[] = USER_SELECT,
): Promise<User> {
  return graph.json<User>({ path: userPath(idOrUpn), query: { $select: [...select] } });
}

/** The user whose primary SMTP address is `mail` (falls back to UPN), or undefined. */
export async function findUserByMail(
  graph: Graph,
  mail: string,
  select: readonly string[] = USER_SELECT,
): Promise<User | undefined> {
  const found = await collect<User>(
    graph,
    {
      path: '/users',
      query: { $filter: `mail eq ${odataString(mail)}`, $select: [...select], $top: 2 },
    },
    1,
  );
  if (found[0]) return found[0];
  try {
    return await getUser(graph, mail, select);
  } catch (e) {
    if (isGraphError(e, 'not-found')) return undefined;
    throw e;
  }
}

export async function findGroupByMailNickname(
  graph: Graph,
  mailNickname: string,
): Promise<Group | undefined> {
  const groups = await collect<Group>(
    graph,
    {
      path: '/groups',
      query: {
        $filter: `mailNickname eq ${odataString(mailNickname)}`,
        $select: ['id', 'displayName', 'mail', 'mailNickname'],
      },
    },
    1,
  );
  return groups[0];
}

/** The users in a group (direct members; other member types are skipped). */
export async function listGroupMembers(
  graph: Graph,
  groupId: string,
  select: readonly string[] = USER_SELECT,
): Promise<User[]> {
  const members = await collect<User & { '@odata.type'?: string }>(graph, {
    path: `/groups/${encodeURIComponent(groupId)}/members`,
    query: { $select: [...select], $top: 100 },
  });
  return members.filter((m) => !m['@odata.type'] || m['@odata.type'] === '#microsoft.graph.user');
}

/** Members of the group with this mailNickname; GraphError 'not-found' when there is no such group. */
export async function listGroupMembersByMailNickname(
  graph: Graph,
  mailNickname: string,
  select: readonly string[] = USER_SELECT,
): Promise<User[]> {
  const group = await findGroupByMailNickname(graph, mailNickname);
  if (!group?.id) {
    throw localError('not-found', `No group with mailNickname ${mailNickname}`);
  }
  return listGroupMembers(graph, group.id, select);
}
