import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface AuditEntry {
  workspaceId: string | null;
  userId: string | null;
  userEmail: string | null;
  via: 'session' | 'token' | 'system';
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  statusCode?: number | null;
  metadata?: Record<string, unknown>;
}

/** A row of `audit_log` as the list reads it. */
export interface AuditRow {
  id: string;
  user_id: string | null;
  user_email: string | null;
  via: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  status_code: number | null;
  metadata: Record<string, unknown>;
  at: Date;
}

/** The `audit_log` table (append-only). */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(e: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (workspace_id, user_id, user_email, via, action, target_type, target_id, status_code, metadata)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [e.workspaceId, e.userId, e.userEmail, e.via, e.action, e.targetType ?? null, e.targetId ?? null, e.statusCode ?? null, JSON.stringify(e.metadata ?? {})],
    );
  }

  /** Newest first, keyset-paged on id; `limit` rows (the caller asks one more to know if a page follows). */
  async page(workspaceId: string, before: string | null, action: string | null, limit: number): Promise<AuditRow[]> {
    return (await this.db.query(
      `SELECT id::text, user_id, user_email, via, action, target_type, target_id, status_code, metadata, at
       FROM audit_log
       WHERE workspace_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint) AND ($3::text IS NULL OR action = $3 OR action LIKE $3 || '.%')
       ORDER BY audit_log.id DESC LIMIT $4`,
      [workspaceId, before, action, limit],
    )) as AuditRow[];
  }

  /**
   * The workspace of an audited route's target, for routes without :workspaceId (@Audited's
   * `workspaceFrom: { table, column }`): a read-only lookup by primary key in the declared table.
   * `table` and `column` come from decorators in the code, checked against SAFE_TABLE by the caller.
   */
  async workspaceOfTarget(table: string, column: string, id: string): Promise<string | null> {
    const rows = (await this.db.query(`SELECT ${column}::text AS w FROM ${table} WHERE id = $1`, [id])) as Array<{ w: string }>;
    return rows[0]?.w ?? null;
  }
}
