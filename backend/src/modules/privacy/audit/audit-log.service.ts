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

interface AuditRow {
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

@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(e: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (workspace_id, user_id, user_email, via, action, target_type, target_id, status_code, metadata)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [e.workspaceId, e.userId, e.userEmail, e.via, e.action, e.targetType ?? null, e.targetId ?? null, e.statusCode ?? null, JSON.stringify(e.metadata ?? {})],
    );
  }

  /** Newest first, keyset-paged on id. */
  async list(workspaceId: string, opts: { limit: number; before?: string; action?: string }) {
    const rows = (await this.db.query(
      `SELECT id::text, user_id, user_email, via, action, target_type, target_id, status_code, metadata, at
       FROM audit_log
       WHERE workspace_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint) AND ($3::text IS NULL OR action = $3 OR action LIKE $3 || '.%')
       ORDER BY audit_log.id DESC LIMIT $4`,
      [workspaceId, opts.before ?? null, opts.action ?? null, opts.limit + 1],
    )) as AuditRow[];
    const page = rows.slice(0, opts.limit);
    return {
      items: page.map((r) => ({
        id: r.id,
        at: r.at,
        user: r.user_id || r.user_email ? { id: r.user_id, email: r.user_email } : null,
        via: r.via,
        action: r.action,
        target: r.target_type ? { type: r.target_type, id: r.target_id } : null,
        statusCode: r.status_code,
        metadata: r.metadata,
      })),
      nextCursor: rows.length > opts.limit ? page[page.length - 1].id : null,
    };
  }
}
