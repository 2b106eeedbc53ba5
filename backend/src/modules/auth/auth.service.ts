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
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, type Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type Role, roleRank } from '../../common/auth/roles';
import type { Principal } from '../../common/auth/principal';
import { Membership } from '../workspaces/membership.entity';
import { ApiToken } from './api-token.entity';
import { LoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from '../users/passwords';
import { Session } from './session.entity';
import { User } from '../users/user.entity';

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
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
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
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
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
    const session = await this.sessions.save(
      this.sessions.create({
        tokenHash: sha256(token),
        csrfToken: newSecret(),
        userId: user.id,
        expiresAt: new Date(Date.now() + SESSION_TTL_MS),
      }),
    );
    return { token, session, user };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.delete({ id: sessionId });
  }

  /**
   * Runs on every request: one indexed join (session by token hash, its user) and, for a
   * workspace route, the user's role there — no ORM layer, one round trip.
   */
  async resolveSession(
    token: string,
    workspaceId?: string,
  ): Promise<{ principal: Principal; csrfToken: string; workspaceRole: Role | null } | null> {
    const [row] = (await this.sessions.query(
      `SELECT s.id AS session_id, s.csrf_token, u.id AS user_id, u.email, u.is_instance_admin,
         (SELECT m.role FROM memberships m WHERE m.user_id = u.id AND m.workspace_id = $2::uuid) AS workspace_role
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [sha256(token), workspaceId ?? null],
    )) as Array<{
      session_id: string;
      csrf_token: string;
      user_id: string;
      email: string;
      is_instance_admin: boolean;
      workspace_role: Role | null;
    }>;
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
    const row = await this.tokens.findOne({ where: { tokenHash: sha256(token), revokedAt: IsNull() } });
    if (!row) return null;
    const user = await this.users.findOne({ where: { id: row.userId } });
    if (!user) return null;
    void this.tokens.update({ id: row.id }, { lastUsedAt: new Date() });
    return {
      userId: user.id,
      email: user.email,
      isInstanceAdmin: false, // tokens never carry instance-wide powers
      via: 'token',
      tokenScope: { workspaceId: row.workspaceId, role: row.role },
    };
  }

  async changePassword(principal: Principal, current: string, next: string): Promise<void> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: principal.userId })
      .getOneOrFail();
    if (!(await verifyPassword(user.passwordHash, current))) {
      throw new ForbiddenException('Current password is wrong');
    }
    await this.users.update({ id: user.id }, { passwordHash: await hashPassword(next), passwordChangedAt: new Date() });
    // Every other session of this user ends: a changed password must lock out whoever had the old one.
    await this.sessions.delete(
      principal.sessionId ? { userId: user.id, id: Not(principal.sessionId) } : { userId: user.id },
    );
  }

  async me(userId: string) {
    const user = await this.users.findOneOrFail({ where: { id: userId } });
    const memberships = await this.memberships.find({ where: { userId }, order: { createdAt: 'ASC' } });
    return {
      user: { id: user.id, email: user.email, name: user.name, isInstanceAdmin: user.isInstanceAdmin },
      memberships: memberships.map((m) => ({ workspaceId: m.workspaceId, role: m.role })),
    };
  }

  async createApiToken(principal: Principal, name: string, workspaceId: string, role: Role) {
    if (principal.via === 'token') throw new ForbiddenException('API tokens cannot create API tokens');
    const membership = await this.memberships.findOne({ where: { userId: principal.userId, workspaceId } });
    if (!membership) throw new NotFoundException('Workspace not found');
    if (roleRank(role) > roleRank(membership.role)) {
      throw new ForbiddenException(`A token cannot have a higher role than yours (${membership.role})`);
    }
    const token = newSecret('vgt_');
    const row = await this.tokens.save(
      this.tokens.create({ userId: principal.userId, workspaceId, role, name, tokenHash: sha256(token), revokedAt: null }),
    );
    return { id: row.id, name: row.name, workspaceId, role, createdAt: row.createdAt, token };
  }

  async listApiTokens(userId: string) {
    const rows = await this.tokens.find({ where: { userId }, order: { createdAt: 'DESC' } });
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
    const res = await this.tokens.update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!res.affected) throw new NotFoundException('Token not found');
  }
}

// argon2id hash of a random string, used only to equalise timing for unknown emails.
const DUMMY_HASH =
  '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$Hh3D3Xy3rVxS8sVb1mV7m4g0Qm2pB8yGd1yFf9oQ7bU';
