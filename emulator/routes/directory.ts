// Directory endpoints: /users, /users/{id|upn}, /groups and /groups/{id}/members, with $select, $filter,
// $top and $skiptoken paging as Entra's directory answers them.
import type * as MG from '@microsoft/microsoft-graph-types';
import { PERMS, requirePermission } from '../auth/guard.js';
import { GraphError } from '../errors.js';
import { applySelect, collection, metadataContext } from '../odata.js';
import type { GraphRequest, Router } from '../router.js';
import { findUserOr404, type Services } from './common.js';

const DEFAULT_USER_PROPS = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

function fullUser(u: MG.User): Record<string, unknown> {
  return {
    businessPhones: [],
    displayName: null,
    givenName: null,
    jobTitle: null,
    mail: null,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: null,
    userPrincipalName: null,
    ...u,
  };
}

/** Without $select Graph returns the default property set only. */
function project(req: GraphRequest) {
  return (full: Record<string, unknown>) =>
    req.query.get('$select')
      ? full
      : Object.fromEntries(DEFAULT_USER_PROPS.map((k) => [k, full[k] ?? null]));
}

function userJson(u: MG.User, req: GraphRequest): Record<string, unknown> {
  return project(req)(fullUser(u));
}

function groupJson(g: MG.Group): Record<string, unknown> {
  return {
    id: g.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: g.createdDateTime ?? '2020-01-01T00:00:00Z',
    description: g.description ?? null,
    displayName: g.displayName ?? null,
    groupTypes: g.groupTypes ?? [],
    mail: g.mail ?? null,
    mailEnabled: g.mailEnabled ?? true,
    mailNickname: g.mailNickname ?? null,
    securityEnabled: g.securityEnabled ?? false,
    visibility: g.visibility ?? 'Private',
    ...g,
  };
}

export function registerDirectory(r: Router, s: Services): void {
  r.get('/users', 'users.list', (req) => {
    requirePermission(req.auth, PERMS.usersRead);
    return {
      status: 200,
      body: collection(
        req,
        metadataContext(req, 'users'),
        s.store.data.users,
        { defaultPageSize: 100, maxPageSize: 999, skipToken: true },
        fullUser,
        project(req),
      ),
    };
  });
  r.get('/users/:u', 'users.get', (req, p) => {
    if (req.auth.kind === 'delegated') {
      const self = s.store.findUser(p.u!);
      if (self?.id !== req.auth.userId)
        requirePermission(req.auth, {
          ...PERMS.usersRead,
          delegated: ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'],
        });
    } else requirePermission(req.auth, PERMS.usersRead);
    const u = findUserOr404(s, p.u!);
    return {
      status: 200,
      body: {
        '@odata.context': metadataContext(req, 'users/$entity'),
        ...applySelect(userJson(u, req), req.query.get('$select')),
      },
    };
  });
  r.get('/groups', 'groups.list', (req) => {
    requirePermission(req.auth, PERMS.groupsRead);
    return {
      status: 200,
      body: collection(
        req,
        metadataContext(req, 'groups'),
        s.store.data.groups.map((g) => g.group),
        { defaultPageSize: 100, maxPageSize: 999, skipToken: true },
        groupJson,
      ),
    };
  });
  const groupOr404 = (id: string) => {
    const g = s.store.data.groups.find((x) => x.group.id === id);
    if (!g)
      throw new GraphError(
        404,
        'Request_ResourceNotFound',
        `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
      );
    return g;
  };
  r.get('/groups/:g', 'groups.get', (req, p) => {
    requirePermission(req.auth, PERMS.groupsRead);
    const g = groupOr404(p.g!);
    return {
      status: 200,
      body: {
        '@odata.context': metadataContext(req, 'groups/$entity'),
        ...applySelect(groupJson(g.group), req.query.get('$select')),
      },
    };
  });
  const members = (req: GraphRequest, id: string) => {
    requirePermission(req.auth, PERMS.groupsRead);
    const g = groupOr404(id);
    const users = g.memberIds
      .map((m) => s.store.data.users.find((u) => u.id === m))
      .filter((u): u is MG.User => !!u);
    return {
      status: 200,
      body: collection(
        req,
        metadataContext(req, 'directoryObjects'),
        users,
        { defaultPageSize: 100, maxPageSize: 999, skipToken: true },
        (u) => ({ '@odata.type': '#microsoft.graph.user', ...fullUser(u) }),
        (row) => ({ '@odata.type': '#microsoft.graph.user', ...project(req)(row) }),
      ),
    };
  };
  r.get('/groups/:g/members', 'groups.members', (req, p) => members(req, p.g!));
  r.get('/groups/:g/transitiveMembers', 'groups.members', (req, p) => members(req, p.g!));
  r.get('/groups/:g/members/microsoft.graph.user', 'groups.members', (req, p) =>
    members(req, p.g!),
  );
  r.get('/groups/:g/members/user', 'groups.members', (req, p) => members(req, p.g!));
}
