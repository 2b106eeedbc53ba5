import { Injectable } from '@nestjs/common';
import { type AuditEntry, AuditLogRepository } from './audit-log.repository';

export type { AuditEntry } from './audit-log.repository';

@Injectable()
export class AuditLogService {
  constructor(private readonly rows: AuditLogRepository) {}

  async record(e: AuditEntry): Promise<void> {
    await this.rows.insert(e);
  }

  /** Newest first, keyset-paged on id. */
  async list(workspaceId: string, opts: { limit: number; before?: string; action?: string }) {
    const rows = await this.rows.page(workspaceId, opts.before ?? null, opts.action ?? null, opts.limit + 1);
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
