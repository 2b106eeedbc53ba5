import { createHash, randomBytes } from 'node:crypto';
import {
  ForbiddenException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type Role, roleRank } from '../../common/auth/roles';
import type { Principal } from '../../common/auth/principal';
import { MembershipsRepository } from '../workspaces/memberships.repository';
import { ApiTokensRepository } from './api-tokens.repository';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from '../users/passwords';
import { SessionLookupCache } from './session-lookup-cache';
import { SessionsRepository } from './sessions.repository';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';

const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
export const SESSION_COOKIE = 'vigie_session';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

@Injectable()
export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersService,
    private readonly sessions: SessionsRepository,
    private readonly lookups: SessionLookupCache,
    private readonly tokens: ApiTokensRepository,
    private readonly memberships: MembershipsRepository,
  ) {
    this.throttle = new LoginThrottle(config.loginRateLimit.limit, config.loginRateLimit.windowMs);
  }

  async login(email: string, password: string, ip: string) {
    const wait = this.throttle.retryAfterMs(ip, email);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpException(
        { statusCode: 429, message: `Too many failed login attempts. Try again in ${seconds} s.`, retryAfter: seconds },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const user = await this.users.findByEmailWithHash(email);
    // Verify against a dummy hash when the user is unknown so timing does not reveal accounts.
    const ok = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyPassword(DUMMY_HASH, password).then(() => false);
    if (!user || !ok) {
      this.throttle.recordFailure(ip, email);
      throw new UnauthorizedException('Invalid email or password');
    }
    this.throttle.recordSuccess(ip, email);
    return this.openSession(user);
  }

  async openSession(user: User) {
    const token = newSecret();
    const session = await this.sessions.open({
      tokenHash: sha256(token),
      csrfToken: newSecret(),
      userId: user.id,
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    });
    return { token, session, user };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.delete(sessionId);
    // The trigger's notification reaches every process; this one needs no wait.
    this.lookups.clear();
  }

  /**
   * Runs on every request: one round trip (SessionsRepository.findLive), skipped for a read
   * (`fromCache`) while the session lookup cache holds the answer.
   */
  async resolveSession(
    token: string,
    workspaceId?: string,
    fromCache = false,
  ): Promise<{ principal: Principal; csrfToken: string; workspaceRole: Role | null } | null> {
    const tokenHash = sha256(token);
    const load = () => this.sessions.findLive(tokenHash, workspaceId ?? null);
    const row = fromCache ? await this.lookups.get(tokenHash, workspaceId ?? null, load) : await load();
    if (!row) return null;
    return {
      csrfToken: row.csrf_token,
      workspaceRole: row.workspace_role,
      principal: {
        userId: row.user_id,
        email: row.email,
        isInstanceAdmin: row.is_instance_admin,
        via: 'session',
        sessionId: row.session_id,
      },
    };
  }

  async resolveApiToken(token: string): Promise<Principal | null> {
    const row = await this.tokens.findLive(sha256(token));
    if (!row) return null;
    const user = await this.users.findById(row.userId);
    if (!user) return null;
    void this.tokens.touch(row.id);
    return {
      userId: user.id,
      email: user.email,
      isInstanceAdmin: false, // tokens never carry instance-wide powers
      via: 'token',
      tokenScope: { workspaceId: row.workspaceId, role: row.role },
    };
  }

  async changePassword(principal: Principal, current: string, next: string): Promise<void> {
    const user = await this.users.getWithHash(principal.userId);
    if (!(await verifyPassword(user.passwordHash, current))) {
      throw new ForbiddenException('Current password is wrong');
    }
    await this.users.setPassword(user.id, next);
    // Every other session of this user ends: a changed password must lock out whoever had the old one.
    await this.sessions.deleteOfUser(user.id, principal.sessionId);
    this.lookups.clear();
  }

  async me(userId: string) {
    const user = await this.users.getById(userId);
    const memberships = await this.memberships.findOfUser(userId);
    return {
      user: { id: user.id, email: user.email, name: user.name, isInstanceAdmin: user.isInstanceAdmin },
      memberships: memberships.map((m) => ({ workspaceId: m.workspaceId, role: m.role })),
    };
  }

  async createApiToken(principal: Principal, name: string, workspaceId: string, role: Role) {
    if (principal.via === 'token') throw new ForbiddenException('API tokens cannot create API tokens');
    const membership = await this.memberships.findOne(principal.userId, workspaceId);
    if (!membership) throw new NotFoundException('Workspace not found');
    if (roleRank(role) > roleRank(membership.role)) {
      throw new ForbiddenException(`A token cannot have a higher role than yours (${membership.role})`);
    }
    const token = newSecret('vgt_');
    const row = await this.tokens.insert({ userId: principal.userId, workspaceId, role, name, tokenHash: sha256(token) });
    return { id: row.id, name: row.name, workspaceId, role, createdAt: row.createdAt, token };
  }

  async listApiTokens(userId: string) {
    const rows = await this.tokens.findOfUser(userId);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      workspaceId: r.workspaceId,
      role: r.role,
      createdAt: r.createdAt,
      lastUsedAt: r.lastUsedAt,
      revokedAt: r.revokedAt,
    }));
  }

  async revokeApiToken(userId: string, id: string): Promise<void> {
    if (!(await this.tokens.revoke(userId, id))) throw new NotFoundException('Token not found');
  }
}

// argon2id hash of a random string, used only to equalise timing for unknown emails.
const DUMMY_HASH =
  '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$Hh3D3Xy3rVxS8sVb1mV7m4g0Qm2pB8yGd1yFf9oQ7bU';
