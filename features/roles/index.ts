// Roles: who someone is to the award (types.ts), resolved from the directory and the store
// (resolver.ts), and how tab API handlers read and check the caller (access.ts).
export * from './types.js';
export * from './access.js';
export {
  createRoleResolver,
  hasRole,
  mayActForUnit,
  COORDINATORS_GROUP,
  EXAMINERS_GROUP,
  NO_EXAMINER_TEAMS,
  type RoleResolverOptions,
} from './resolver.js';
