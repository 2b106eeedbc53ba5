import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthedRequest } from '../../common/auth/principal';
import { PUBLIC_KEY } from '../../common/auth/roles';
import { AuthService, SESSION_COOKIE } from './auth.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves the caller from the session cookie or a bearer API token. Cookie-authenticated
 * state-changing requests must echo the session's CSRF token in `X-CSRF-Token`; bearer tokens
 * are not sent by browsers on their own, so they need none.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (isPublic) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const principal = await this.auth.resolveApiToken(header.slice(7).trim());
      if (!principal) throw new UnauthorizedException('Invalid or revoked API token');
      req.principal = principal;
      return true;
    }
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!cookie) throw new UnauthorizedException('Not signed in');
    // The membership of a workspace route comes with the session (WorkspaceAccessGuard checks it).
    const workspaceId = (req.params as Record<string, string> | undefined)?.workspaceId;
    const scoped = workspaceId !== undefined && UUID.test(workspaceId) ? workspaceId : undefined;
    // A read may use the lookup kept by this process; a write is always checked against the database.
    const resolved = await this.auth.resolveSession(cookie, scoped, SAFE_METHODS.has(req.method));
    if (!resolved) throw new UnauthorizedException('Session expired: sign in again');
    if (scoped) req.sessionMembership = { workspaceId: scoped, role: resolved.workspaceRole };
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== resolved.csrfToken) {
      throw new ForbiddenException('Missing or invalid CSRF token (X-CSRF-Token header)');
    }
    req.principal = resolved.principal;
    return true;
  }
}
