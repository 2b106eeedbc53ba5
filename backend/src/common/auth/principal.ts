import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from './roles';

/** Who is calling, resolved once per request by AuthGuard (and the workspace part by WorkspaceAccessGuard). */
export interface Principal {
  userId: string;
  email: string;
  isInstanceAdmin: boolean;
  via: 'session' | 'token';
  sessionId?: string;
  /** API tokens are bound to one workspace and a role no higher than the user's. */
  tokenScope?: { workspaceId: string; role: Role };
  /** Set on workspace routes: the caller's effective role in :workspaceId. */
  workspace?: { id: string; role: Role };
}

export interface AuthedRequest extends Request {
  principal?: Principal;
  /**
   * The session caller's membership in the route's :workspaceId, read by AuthGuard in the same
   * query as the session (role null: not a member); WorkspaceAccessGuard uses it when set.
   */
  sessionMembership?: { workspaceId: string; role: Role | null };
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.principal) throw new Error('CurrentPrincipal used on a public route');
  return req.principal;
});
