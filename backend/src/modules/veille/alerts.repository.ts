import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AlertDto } from '@vigie/contracts';
import type { WebhookFormat } from './alerts/webhook-payload';

/** An `alerts` row as the API and the evaluator read it: the API's fields that pass through as they are, then times and who acted. */
export type AlertRow = Pick<AlertDto, 'id' | 'ruleId' | 'brandId' | 'queryId' | 'type' | 'key' | 'status' | 'title' | 'details' | 'count' | 'occurrences'> & {
  raisedAt: Date;
  lastSeenAt: Date;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
};

/** An alert with the e-mails of who acknowledged / resolved it (read-only join on `users`). */
export type AlertWithEmailsRow = AlertRow & { acknowledgedByEmail: string | null; resolvedByEmail: string | null };

/** A new alert's columns. */
export interface NewAlert {
  workspaceId: string;
  ruleId: string;
  brandId: string;
  queryId: string | null;
  type: string;
  key: string;
  title: string;
  details: Record<string, unknown>;
  count: number;
  raisedAt: Date;
}

/** What a delivery message is built from: the alert, its rule's targets, brand and query names. */
export interface AlertMessageRow {
  id: string;
  type: string;
  title: string;
  details: Record<string, unknown>;
  count: number;
  raisedAt: Date;
  brandId: string;
  queryId: string | null;
  workspaceId: string;
  ruleId: string;
  format: WebhookFormat;
  recipients: string[];
  webhookUrl: string | null;
  brandName: string;
  queryName: string | null;
}

/** An `alert_deliveries` row as the delivery worker reads it. */
export interface AlertDeliveryRow {
  id: string;
  alertId: string;
  channel: 'email' | 'webhook';
  status: string;
}

/** What erasure (privacy) reads of an alert to redact quotes of a person. */
export interface AlertDocumentRow {
  id: string;
  details: unknown;
  title: string;
  key: string;
}

const COLUMNS = `a.id, a.rule_id AS "ruleId", a.brand_id AS "brandId", a.query_id AS "queryId", a.type, a.key, a.status,
  a.title, a.details, a.count, a.occurrences, a.raised_at AS "raisedAt", a.last_seen_at AS "lastSeenAt",
  a.acknowledged_by AS "acknowledgedBy", a.acknowledged_at AS "acknowledgedAt",
  a.resolved_by AS "resolvedBy", a.resolved_at AS "resolvedAt"`;

/** TypeORM returns [rows, count] for UPDATE … RETURNING on Postgres. */
type UpdateResult<T> = [T[], number];

/** The `alerts` and `alert_deliveries` tables. */
@Injectable()
export class AlertsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** Newest first, at most 500; optional status / brand filters. */
  async list(workspaceId: string, filters: { status?: string; brandId?: string }): Promise<AlertWithEmailsRow[]> {
    const params: unknown[] = [workspaceId];
    const where = ['a.workspace_id = $1'];
    if (filters.status) {
      params.push(filters.status);
      where.push(`a.status = $${params.length}`);
    }
    if (filters.brandId) {
      params.push(filters.brandId);
      where.push(`a.brand_id = $${params.length}`);
    }
    return (await this.db.query(
      `SELECT ${COLUMNS}, ua.email AS "acknowledgedByEmail", ur.email AS "resolvedByEmail"
         FROM alerts a LEFT JOIN users ua ON ua.id = a.acknowledged_by LEFT JOIN users ur ON ur.id = a.resolved_by
        WHERE ${where.join(' AND ')} ORDER BY a.raised_at DESC, a.id LIMIT 500`,
      params,
    )) as AlertWithEmailsRow[];
  }

  async findInWorkspace(workspaceId: string, id: string): Promise<AlertWithEmailsRow | undefined> {
    const [row] = (await this.db.query(
      `SELECT ${COLUMNS}, ua.email AS "acknowledgedByEmail", ur.email AS "resolvedByEmail"
         FROM alerts a LEFT JOIN users ua ON ua.id = a.acknowledged_by LEFT JOIN users ur ON ur.id = a.resolved_by
        WHERE a.workspace_id = $1 AND a.id = $2`,
      [workspaceId, id],
    )) as AlertWithEmailsRow[];
    return row;
  }

  /** open → acknowledged (no-op otherwise). */
  async acknowledge(workspaceId: string, id: string, userId: string): Promise<void> {
    await this.db.query(
      `UPDATE alerts SET status = 'acknowledged', acknowledged_by = $3, acknowledged_at = now()
          WHERE workspace_id = $1 AND id = $2 AND status = 'open'`,
      [workspaceId, id, userId],
    );
  }

  /** → resolved (acknowledged too when it was not). */
  async resolve(workspaceId: string, id: string, userId: string): Promise<void> {
    await this.db.query(
      `UPDATE alerts SET status = 'resolved', resolved_by = $3, resolved_at = now(),
                acknowledged_by = coalesce(acknowledged_by, $3), acknowledged_at = coalesce(acknowledged_at, now())
          WHERE workspace_id = $1 AND id = $2 AND status <> 'resolved'`,
      [workspaceId, id, userId],
    );
  }

  /** Serialises evaluators of the same rule+key until the transaction ends. */
  async lockRuleKey(ruleId: string, key: string, tx?: EntityManager): Promise<void> {
    await (tx ?? this.db).query('SELECT pg_advisory_xact_lock(hashtext($1))', [`alert:${ruleId}:${key}`]);
  }

  /** Updates the live (open/acknowledged) alert of this rule+key; its id, or null when there is none. */
  async refreshLive(ruleId: string, key: string, count: number, details: Record<string, unknown>, seenAt: Date, tx?: EntityManager): Promise<string | null> {
    const updated = (await (tx ?? this.db).query(
      `UPDATE alerts SET count = $3, details = $4, last_seen_at = $5, occurrences = occurrences + 1
          WHERE rule_id = $1 AND key = $2 AND status <> 'resolved' RETURNING id`,
      [ruleId, key, count, JSON.stringify(details), seenAt],
    )) as UpdateResult<{ id: string }>;
    const live = updated[0];
    return live.length ? live[0].id : null;
  }

  /** Whether this rule+key ever raised an alert. */
  async existsEver(ruleId: string, key: string, tx?: EntityManager): Promise<boolean> {
    const [recent] = (await (tx ?? this.db).query('SELECT 1 FROM alerts WHERE rule_id = $1 AND key = $2 LIMIT 1', [ruleId, key])) as unknown[];
    return Boolean(recent);
  }

  /** Whether this rule+key was seen less than `cooldownMinutes` before `now`. */
  async seenWithin(ruleId: string, key: string, now: Date, cooldownMinutes: number, tx?: EntityManager): Promise<boolean> {
    const [recent] = (await (tx ?? this.db).query(
      `SELECT 1 FROM alerts WHERE rule_id = $1 AND key = $2 AND last_seen_at > $3::timestamptz - make_interval(mins => $4::int) LIMIT 1`,
      [ruleId, key, now, cooldownMinutes],
    )) as unknown[];
    return Boolean(recent);
  }

  /** A new open alert; its id. The title is cut to 300 characters. */
  async insert(a: NewAlert, tx?: EntityManager): Promise<string> {
    const [row] = (await (tx ?? this.db).query(
      `INSERT INTO alerts (workspace_id, rule_id, brand_id, query_id, type, key, title, details, count, raised_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
      [a.workspaceId, a.ruleId, a.brandId, a.queryId, a.type, a.key, a.title.slice(0, 300), JSON.stringify(a.details), a.count, a.raisedAt],
    )) as Array<{ id: string }>;
    return row.id;
  }

  /** The rule's delivery targets of an alert (undefined: alert gone). */
  async deliveryTargets(alertId: string): Promise<{ recipients: string[]; webhookUrl: string | null } | undefined> {
    const [a] = (await this.db.query(
      `SELECT r.recipients, r.webhook_url AS "webhookUrl" FROM alerts a JOIN alert_rules r ON r.id = a.rule_id WHERE a.id = $1`,
      [alertId],
    )) as Array<{ recipients: string[]; webhookUrl: string | null }>;
    return a;
  }

  /** The alert with its rule's delivery settings and its brand / query names (read-only join on `brands`). */
  async messageOf(alertId: string): Promise<AlertMessageRow | undefined> {
    const [a] = (await this.db.query(
      `SELECT a.id, a.type, a.title, a.details, a.count, a.raised_at AS "raisedAt", a.brand_id AS "brandId", a.query_id AS "queryId",
              a.workspace_id AS "workspaceId", r.id AS "ruleId", r.webhook_format AS format, r.recipients, r.webhook_url AS "webhookUrl",
              b.name AS "brandName", q.name AS "queryName"
         FROM alerts a JOIN alert_rules r ON r.id = a.rule_id JOIN brands b ON b.id = a.brand_id
         LEFT JOIN watch_queries q ON q.id = a.query_id
        WHERE a.id = $1`,
      [alertId],
    )) as AlertMessageRow[];
    return a;
  }

  /** A pending delivery of an alert on one channel; its id (text). */
  async insertDelivery(alertId: string, channel: string, target: string): Promise<string> {
    const [d] = (await this.db.query(
      'INSERT INTO alert_deliveries (alert_id, channel, target) VALUES ($1, $2, $3) RETURNING id::text',
      [alertId, channel, target],
    )) as Array<{ id: string }>;
    return d.id;
  }

  async findDelivery(deliveryId: string): Promise<AlertDeliveryRow | undefined> {
    const [d] = (await this.db.query(
      'SELECT id, alert_id AS "alertId", channel, status FROM alert_deliveries WHERE id = $1',
      [deliveryId],
    )) as AlertDeliveryRow[];
    return d;
  }

  async markDeliverySent(deliveryId: string, attempts: number): Promise<void> {
    await this.db.query(`UPDATE alert_deliveries SET status = 'sent', attempts = $2, sent_at = now(), last_error = NULL WHERE id = $1`, [deliveryId, attempts]);
  }

  /** A failed attempt: 'pending' (retried) or 'failed' (last attempt). */
  async markDeliveryAttempt(deliveryId: string, attempts: number, error: string, status: 'pending' | 'failed'): Promise<void> {
    await this.db.query('UPDATE alert_deliveries SET attempts = $2, last_error = $3, status = $4 WHERE id = $1', [
      deliveryId, attempts, error.slice(0, 500), status,
    ]);
  }

  /** Erasure (privacy): every alert's texts of the workspace. */
  async documentsOf(workspaceId: string, tx?: EntityManager): Promise<AlertDocumentRow[]> {
    return (await (tx ?? this.db).query('SELECT id::text AS id, details, title, key FROM alerts WHERE workspace_id = $1', [
      workspaceId,
    ])) as AlertDocumentRow[];
  }

  /**
   * Erasure (privacy): writes redacted texts back; a de-duplication key naming the person
   * ('author:x:123') becomes unique to the row.
   */
  async setDocument(
    id: string,
    set: Partial<Pick<AlertDocumentRow, 'details' | 'title'>>,
    eraseKey: boolean,
    tx?: EntityManager,
  ): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    if ('details' in set) {
      values.push(JSON.stringify(set.details));
      sets.push(`details = $${values.length}`);
    }
    if ('title' in set) {
      values.push(set.title);
      sets.push(`title = $${values.length}`);
    }
    if (eraseKey) sets.push(`key = 'erased:' || id::text`);
    if (!sets.length) return;
    await (tx ?? this.db).query(`UPDATE alerts SET ${sets.join(', ')} WHERE id::text = $1`, values);
  }
}
