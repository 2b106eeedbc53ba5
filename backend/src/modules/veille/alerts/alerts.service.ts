import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ListAlertsDto } from './alert-rules.dto';

export interface AlertRow {
  id: string;
  ruleId: string;
  brandId: string;
  queryId: string | null;
  type: string;
  key: string;
  status: 'open' | 'acknowledged' | 'resolved';
  title: string;
  details: Record<string, unknown>;
  count: number;
  occurrences: number;
  raisedAt: Date;
  lastSeenAt: Date;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

const COLUMNS = `a.id, a.rule_id AS "ruleId", a.brand_id AS "brandId", a.query_id AS "queryId", a.type, a.key, a.status,
  a.title, a.details, a.count, a.occurrences, a.raised_at AS "raisedAt", a.last_seen_at AS "lastSeenAt",
  a.acknowledged_by AS "acknowledgedBy", a.acknowledged_at AS "acknowledgedAt",
  a.resolved_by AS "resolvedBy", a.resolved_at AS "resolvedAt"`;

export type RaiseOutcome = { action: 'raised'; alertId: string } | { action: 'updated'; alertId: string } | { action: 'suppressed' };

/** Alert lifecycle: open → acknowledged → resolved, each step with who and when. */
@Injectable()
export class AlertsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(workspaceId: string, q: ListAlertsDto) {
    const params: unknown[] = [workspaceId];
    const where = ['a.workspace_id = $1'];
    if (q.status) {
      params.push(q.status);
      where.push(`a.status = $${params.length}`);
    }
    if (q.brandId) {
      params.push(q.brandId);
      where.push(`a.brand_id = $${params.length}`);
    }
    const rows = (await this.db.query(
      `SELECT ${COLUMNS}, ua.email AS "acknowledgedByEmail", ur.email AS "resolvedByEmail"
         FROM alerts a LEFT JOIN users ua ON ua.id = a.acknowledged_by LEFT JOIN users ur ON ur.id = a.resolved_by
        WHERE ${where.join(' AND ')} ORDER BY a.raised_at DESC, a.id LIMIT 500`,
      params,
    )) as Array<AlertRow & { acknowledgedByEmail: string | null; resolvedByEmail: string | null }>;
    return rows.map(toAlertDto);
  }

  async get(workspaceId: string, id: string) {
    const [row] = (await this.db.query(
      `SELECT ${COLUMNS}, ua.email AS "acknowledgedByEmail", ur.email AS "resolvedByEmail"
         FROM alerts a LEFT JOIN users ua ON ua.id = a.acknowledged_by LEFT JOIN users ur ON ur.id = a.resolved_by
        WHERE a.workspace_id = $1 AND a.id = $2`,
      [workspaceId, id],
    )) as Array<AlertRow & { acknowledgedByEmail: string | null; resolvedByEmail: string | null }>;
    if (!row) throw new NotFoundException('Alert not found');
    return toAlertDto(row);
  }

  async acknowledge(workspaceId: string, id: string, userId: string) {
    const current = await this.get(workspaceId, id);
    if (current.status === 'resolved') throw new ConflictException('This alert is already resolved');
    if (current.status === 'open') {
      await this.db.query(
        `UPDATE alerts SET status = 'acknowledged', acknowledged_by = $3, acknowledged_at = now()
          WHERE workspace_id = $1 AND id = $2 AND status = 'open'`,
        [workspaceId, id, userId],
      );
    }
    return this.get(workspaceId, id);
  }

  async resolve(workspaceId: string, id: string, userId: string) {
    const current = await this.get(workspaceId, id);
    if (current.status !== 'resolved') {
      await this.db.query(
        `UPDATE alerts SET status = 'resolved', resolved_by = $3, resolved_at = now(),
                acknowledged_by = coalesce(acknowledged_by, $3), acknowledged_at = coalesce(acknowledged_at, now())
          WHERE workspace_id = $1 AND id = $2 AND status <> 'resolved'`,
        [workspaceId, id, userId],
      );
    }
    return this.get(workspaceId, id);
  }

  /**
   * Deduplication with a cool-down. A live (open/acknowledged) alert for the same rule and key
   * gets its count and details updated; a resolved one seen less than `cooldownMinutes` ago
   * suppresses the raise; otherwise a new alert is created. `once` keys (first appearance)
   * are raised at most once ever.
   */
  async raise(
    rule: { id: string; workspaceId: string; brandId: string; queryId: string | null; type: string; cooldownMinutes: number },
    a: { key: string; title: string; count: number; details: Record<string, unknown>; queryId?: string | null; once?: boolean },
    now: Date,
  ): Promise<RaiseOutcome> {
    return this.db.transaction(async (tx) => {
      // Serialises evaluators of the same rule+key (two workers, overlapping ticks).
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`alert:${rule.id}:${a.key}`]);
      const updated = (await tx.query(
        `UPDATE alerts SET count = $3, details = $4, last_seen_at = $5, occurrences = occurrences + 1
          WHERE rule_id = $1 AND key = $2 AND status <> 'resolved' RETURNING id`,
        [rule.id, a.key, a.count, JSON.stringify(a.details), now],
      )) as [Array<{ id: string }>, number];
      const live = updated[0];
      if (live.length) return { action: 'updated', alertId: live[0].id };
      const [recent] = (await tx.query(
        a.once
          ? 'SELECT 1 FROM alerts WHERE rule_id = $1 AND key = $2 LIMIT 1'
          : `SELECT 1 FROM alerts WHERE rule_id = $1 AND key = $2 AND last_seen_at > $3::timestamptz - make_interval(mins => $4::int) LIMIT 1`,
        a.once ? [rule.id, a.key] : [rule.id, a.key, now, rule.cooldownMinutes],
      )) as unknown[];
      if (recent) return { action: 'suppressed' };
      const [row] = (await tx.query(
        `INSERT INTO alerts (workspace_id, rule_id, brand_id, query_id, type, key, title, details, count, raised_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
        [rule.workspaceId, rule.id, rule.brandId, a.queryId ?? rule.queryId, rule.type, a.key, a.title.slice(0, 300), JSON.stringify(a.details), a.count, now],
      )) as Array<{ id: string }>;
      return { action: 'raised', alertId: row.id };
    });
  }
}

function toAlertDto(r: AlertRow & { acknowledgedByEmail: string | null; resolvedByEmail: string | null }) {
  return {
    id: r.id,
    ruleId: r.ruleId,
    brandId: r.brandId,
    queryId: r.queryId,
    type: r.type,
    key: r.key,
    status: r.status,
    title: r.title,
    details: r.details,
    count: r.count,
    occurrences: r.occurrences,
    raisedAt: r.raisedAt,
    lastSeenAt: r.lastSeenAt,
    acknowledged: r.acknowledgedAt ? { by: r.acknowledgedBy, email: r.acknowledgedByEmail, at: r.acknowledgedAt } : null,
    resolved: r.resolvedAt ? { by: r.resolvedBy, email: r.resolvedByEmail, at: r.resolvedAt } : null,
  };
}
