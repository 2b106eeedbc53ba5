import { type ExecutionContext, ForbiddenException, NotFoundException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthedRequest, Principal } from '../../common/auth/principal';
import { MinRole, type Role } from '../../common/auth/roles';
import type { MembershipsRepository } from './memberships.repository';
import { WorkspaceAccessGuard } from './workspace-access.guard';

const WS_A = '11111111-1111-4111-8111-111111111111';
const WS_B = '22222222-2222-4222-8222-222222222222';

/** memberships in memory: `${userId}/${workspaceId}` → role. */
class FakeMemberships implements Pick<MembershipsRepository, 'roleOf'> {
  lookups = 0;
  constructor(private readonly rows: Record<string, Role>) {}
  async roleOf(userId: string, workspaceId: string): Promise<Role | null> {
    this.lookups++;
    return this.rows[`${userId}/${workspaceId}`] ?? null;
  }
}

/** Route handlers carrying the metadata the guard reads. */
class Routes {
  read() {}
  write() {}
  @MinRole('admin') adminOnly() {}
}

function context(req: Partial<AuthedRequest>, handler: keyof Routes): ExecutionContext {
  return {
    switchToHttp: () => ({ getRequest: () => req }),
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
  } as unknown as ExecutionContext;
}

const session = (userId: string): Principal => ({ userId, email: `${userId}@x.test`, isInstanceAdmin: false, via: 'session' });
const token = (userId: string, workspaceId: string, role: Role): Principal => ({
  ...session(userId),
  via: 'token',
  tokenScope: { workspaceId, role },
});

describe('WorkspaceAccessGuard', () => {
  const build = (rows: Record<string, Role>) => {
    const memberships = new FakeMemberships(rows);
    return { memberships, guard: new WorkspaceAccessGuard(new Reflector(), memberships as unknown as MembershipsRepository) };
  };

  it('lets a member through with their role and records it on the principal', async () => {
    const { guard, memberships } = build({ [`cm1/${WS_A}`]: 'cm' });
    const principal = session('cm1');
    const req = { method: 'POST', params: { workspaceId: WS_A }, principal };
    await expect(guard.canActivate(context(req, 'write'))).resolves.toBe(true);
    expect(principal.workspace).toEqual({ id: WS_A, role: 'cm' });
    expect(memberships.lookups).toBe(1);
  });

  it('uses the membership AuthGuard read with the session, without a second lookup', async () => {
    const { guard, memberships } = build({});
    const principal = session('v1');
    const req = { method: 'GET', params: { workspaceId: WS_A }, principal, sessionMembership: { workspaceId: WS_A, role: 'viewer' as Role } };
    await expect(guard.canActivate(context(req, 'read'))).resolves.toBe(true);
    expect(principal.workspace).toEqual({ id: WS_A, role: 'viewer' });
    expect(memberships.lookups).toBe(0);
  });

  it('answers 404 in a workspace the caller is not a member of (ids cannot be probed), and for a malformed id', async () => {
    const { guard } = build({ [`cm1/${WS_A}`]: 'cm' });
    const other = { method: 'GET', params: { workspaceId: WS_B }, principal: session('cm1') };
    await expect(guard.canActivate(context(other, 'read'))).rejects.toBeInstanceOf(NotFoundException);
    const session404 = { ...other, principal: session('cm1'), sessionMembership: { workspaceId: WS_B, role: null } };
    await expect(guard.canActivate(context(session404, 'read'))).rejects.toBeInstanceOf(NotFoundException);
    const malformed = { method: 'GET', params: { workspaceId: 'not-a-uuid' }, principal: session('cm1') };
    await expect(guard.canActivate(context(malformed, 'read'))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('refuses a viewer on a write route (403) but lets them read; @MinRole raises the bar', async () => {
    const { guard } = build({ [`v1/${WS_A}`]: 'viewer', [`cm1/${WS_A}`]: 'cm' });
    const write = { method: 'PATCH', params: { workspaceId: WS_A }, principal: session('v1') };
    await expect(guard.canActivate(context(write, 'write'))).rejects.toBeInstanceOf(ForbiddenException);
    const read = { method: 'GET', params: { workspaceId: WS_A }, principal: session('v1') };
    await expect(guard.canActivate(context(read, 'read'))).resolves.toBe(true);
    const admin = { method: 'GET', params: { workspaceId: WS_A }, principal: session('cm1') };
    await expect(guard.canActivate(context(admin, 'adminOnly'))).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('keeps an API token to its own workspace (404 elsewhere, even where the user is a member), capped at its role', async () => {
    const { guard } = build({ [`a1/${WS_A}`]: 'admin', [`a1/${WS_B}`]: 'admin' });
    const elsewhere = { method: 'GET', params: { workspaceId: WS_B }, principal: token('a1', WS_A, 'viewer') };
    await expect(guard.canActivate(context(elsewhere, 'read'))).rejects.toBeInstanceOf(NotFoundException);
    const principal = token('a1', WS_A, 'viewer');
    const own = { method: 'GET', params: { workspaceId: WS_A }, principal };
    await expect(guard.canActivate(context(own, 'read'))).resolves.toBe(true);
    expect(principal.workspace).toEqual({ id: WS_A, role: 'viewer' });
    const write = { method: 'POST', params: { workspaceId: WS_A }, principal: token('a1', WS_A, 'viewer') };
    await expect(guard.canActivate(context(write, 'write'))).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('does not scope routes without :workspaceId, and needs a principal on those that have one', async () => {
    const { guard } = build({});
    await expect(guard.canActivate(context({ method: 'GET', params: {} }, 'read'))).resolves.toBe(true);
    await expect(guard.canActivate(context({ method: 'GET', params: { workspaceId: WS_A } }, 'read'))).rejects.toBeInstanceOf(
      ForbiddenException,
    );
  });
});
