import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ConnectAttemptStatus, Platform } from '@vigie/contracts';

/** One row of `connect_attempts`. */
export interface ConnectAttemptRow {
  id: string;
  workspaceId: string;
  brandId: string;
  userId: string;
  sessionId: string;
  platform: Platform;
  redirectUri: string;
  instanceUrl: string | null;
  verifierEncrypted: Buffer;
  status: ConnectAttemptStatus;
  error: string | null;
  candidatesEncrypted: Buffer | null;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

export type NewConnectAttempt = Pick<
  ConnectAttemptRow,
  'workspaceId' | 'brandId' | 'userId' | 'sessionId' | 'platform' | 'redirectUri' | 'instanceUrl' | 'verifierEncrypted' | 'expiresAt'
>;

const COLUMNS = `id, workspace_id AS "workspaceId", brand_id AS "brandId", user_id AS "userId", session_id AS "sessionId",
  platform, redirect_uri AS "redirectUri", instance_url AS "instanceUrl", verifier_encrypted AS "verifierEncrypted", status, error,
  candidates_encrypted AS "candidatesEncrypted", expires_at AS "expiresAt", used_at AS "usedAt", created_at AS "createdAt"`;

/** TypeORM returns [rows, count] for UPDATE … RETURNING on Postgres. */
function updated<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

/** The `connect_attempts` table: one OAuth consent round-trip, from "Connect" to the page picker. */
@Injectable()
export class ConnectAttemptsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(a: NewConnectAttempt): Promise<ConnectAttemptRow> {
    const [row] = (await this.db.query(
      `INSERT INTO connect_attempts (workspace_id, brand_id, user_id, session_id, platform, redirect_uri, instance_url, verifier_encrypted, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [a.workspaceId, a.brandId, a.userId, a.sessionId, a.platform, a.redirectUri, a.instanceUrl, a.verifierEncrypted, a.expiresAt],
    )) as ConnectAttemptRow[];
    return row;
  }

  async find(id: string): Promise<ConnectAttemptRow | null> {
    const [row] = (await this.db.query(`SELECT ${COLUMNS} FROM connect_attempts WHERE id = $1`, [id])) as ConnectAttemptRow[];
    return row ?? null;
  }

  async findInWorkspace(workspaceId: string, id: string): Promise<ConnectAttemptRow | null> {
    const [row] = (await this.db.query(`SELECT ${COLUMNS} FROM connect_attempts WHERE id = $1 AND workspace_id = $2`, [id, workspaceId])) as ConnectAttemptRow[];
    return row ?? null;
  }

  /**
   * Spends the attempt's state: true once, for the first callback before expiry. A replayed
   * or late callback gets false (one conditional UPDATE, so two racing callbacks cannot both win).
   */
  async spend(id: string, now: Date): Promise<boolean> {
    const rows = updated<{ id: string }>(
      await this.db.query(`UPDATE connect_attempts SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND expires_at > $2 RETURNING id`, [id, now]),
    );
    return rows.length > 0;
  }

  /** The consent's outcome: the accounts it reaches (sealed, with their tokens) or why it failed. */
  async settle(id: string, status: 'consented' | 'denied' | 'failed', values: { error?: string | null; candidatesEncrypted?: Buffer | null; expiresAt?: Date }): Promise<void> {
    await this.db.query(
      `UPDATE connect_attempts SET status = $2, error = $3, candidates_encrypted = $4, expires_at = COALESCE($5, expires_at) WHERE id = $1`,
      [id, status, values.error ?? null, values.candidatesEncrypted ?? null, values.expiresAt ?? null],
    );
  }

  /** Takes the consented accounts once (the picker's submit): null when already taken or expired. */
  async complete(id: string, now: Date): Promise<Buffer | null> {
    const rows = updated<{ candidates: Buffer }>(
      await this.db.query(
        `UPDATE connect_attempts SET status = 'completed' WHERE id = $1 AND status = 'consented' AND expires_at > $2
        RETURNING candidates_encrypted AS candidates`,
        [id, now],
      ),
    );
    // The tokens have been handed to their channel accounts: the attempt keeps none.
    if (rows.length) await this.db.query(`UPDATE connect_attempts SET candidates_encrypted = NULL WHERE id = $1`, [id]);
    return rows[0]?.candidates ?? null;
  }

  /** Attempts are useless once expired: the token keeper's tick clears those older than a day. */
  async deleteExpired(before: Date): Promise<void> {
    await this.db.query(`DELETE FROM connect_attempts WHERE expires_at < $1`, [before]);
  }
}
