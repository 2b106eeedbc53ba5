import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, type Repository } from 'typeorm';
import type { Role } from '../../common/auth/roles';
import { preparedQuery } from '../../common/database/prepared-query';
import { Session } from './session.entity';

/** What a live session resolves to on each request (session, its user, the role in the route's workspace). */
export interface SessionLookupRow {
  session_id: string;
  csrf_token: string;
  user_id: string;
  email: string;
  is_instance_admin: boolean;
  workspace_role: Role | null;
  expires_at: Date;
}

/** The `sessions` table. Reads `users` and `memberships` (read-only) in the per-request lookup. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(Session) private readonly sessions: Repository<Session>) {}

  open(values: Pick<Session, 'tokenHash' | 'csrfToken' | 'userId' | 'expiresAt'>): Promise<Session> {
    return this.sessions.save(this.sessions.create(values));
  }

  async delete(id: string): Promise<void> {
    await this.sessions.delete({ id });
  }

  /** Ends every session of the user except `keepId` (when given). */
  async deleteOfUser(userId: string, keepId?: string): Promise<void> {
    await this.sessions.delete(keepId ? { userId, id: Not(keepId) } : { userId });
  }

  /**
   * Runs on every request: one indexed join (session by token hash, its user) and, for a
   * workspace route, the user's role there — no ORM layer, one round trip.
   */
  async findLive(tokenHash: string, workspaceId: string | null): Promise<SessionLookupRow | undefined> {
    const [row] = await preparedQuery<SessionLookupRow>(
      this.sessions.manager.connection,
      `SELECT s.id AS session_id, s.csrf_token, s.expires_at, u.id AS user_id, u.email, u.is_instance_admin,
         (SELECT m.role FROM memberships m WHERE m.user_id = u.id AND m.workspace_id = $2::uuid) AS workspace_role
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [tokenHash, workspaceId],
    );
    return row;
  }
}
