import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthedRequest } from '../../common/auth/principal';
import { lowerRole, MIN_ROLE_KEY, PUBLIC_KEY, type Role, roleRank } from '../../common/auth/roles';
import { MembershipsRepository } from './memberships.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every route with a `:workspaceId` parameter is scoped here: the caller must be a member, and
 * its role (capped by an API token's role) must reach the route's minimum. Non-members get 404
 * so workspace ids cannot be probed. Services still filter every query by workspace id.
 */
@Injectable()
export class WorkspaceAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly memberships: MembershipsRepository,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const workspaceId = (req.params as Record<string, string> | undefined)?.workspaceId;
    if (workspaceId === undefined) return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [ctx.getHandler(), ctx.getClass()])) return true;
    const principal = req.principal;
    if (!principal) throw new ForbiddenException();
    if (!UUID.test(workspaceId)) throw new NotFoundException('Workspace not found');
    if (principal.tokenScope && principal.tokenScope.workspaceId !== workspaceId) {
      throw new NotFoundException('Workspace not found');
    }
    // A session's membership was read with the session (AuthGuard); tokens look it up here.
    let memberRole: Role | null;
    if (req.sessionMembership?.workspaceId === workspaceId) {
      memberRole = req.sessionMembership.role;
    } else {
      memberRole = await this.memberships.roleOf(principal.userId, workspaceId);
    }
    if (!memberRole) throw new NotFoundException('Workspace not found');
    const role: Role = principal.tokenScope ? lowerRole(memberRole, principal.tokenScope.role) : memberRole;
    const explicit = this.reflector.getAllAndOverride<Role | undefined>(MIN_ROLE_KEY, [ctx.getHandler(), ctx.getClass()]);
    const needed: Role = explicit ?? (['GET', 'HEAD'].includes(req.method) ? 'viewer' : 'cm');
    if (roleRank(role) < roleRank(needed)) {
      throw new ForbiddenException(`This action needs the ${needed} role; yours is ${role}`);
    }
    principal.workspace = { id: workspaceId, role };
    return true;
  }
}
