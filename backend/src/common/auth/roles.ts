import { SetMetadata } from '@nestjs/common';

export type Role = 'admin' | 'cm' | 'viewer';
export const ROLES: readonly Role[] = ['viewer', 'cm', 'admin'];

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function lowerRole(a: Role, b: Role): Role {
  return roleRank(a) <= roleRank(b) ? a : b;
}

export const MIN_ROLE_KEY = 'vigie:min-role';
/**
 * Minimum workspace role for a route. Without it: reads need `viewer`, writes need `cm`.
 * Applied by WorkspaceAccessGuard on every route that has a `:workspaceId` parameter.
 */
export const MinRole = (role: Role) => SetMetadata(MIN_ROLE_KEY, role);

export const PUBLIC_KEY = 'vigie:public';
/** Route reachable without a session (login, health, tracked-link redirects, signed webhooks). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
