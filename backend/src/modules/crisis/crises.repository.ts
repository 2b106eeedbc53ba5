import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CrisisStage } from '@vigie/crisis';

/** A `crises` row with the opener's email (users read-only). */
export interface CrisisRow {
  id: string;
  workspaceId: string;
  title: string;
  brandIds: string[];
  queryIds: string[];
  alertId: string | null;
  stage: CrisisStage;
  openedBy: string | null;
  openedByEmail: string | null;
  openedByName: string | null;
  openedAt: Date;
  stageChangedAt: Date;
  closedAt: Date | null;
}

export interface CrisisMemberRow {
  userId: string;
  email: string;
  name: string | null;
  role: string;
  addedAt: Date;
}

export interface CrisisEventRow {
  id: string;
  at: Date;
  kind: string;
  userId: string | null;
  email: string | null;
  name: string | null;
  payload: Record<string, unknown>;
}

export interface CrisisTickRow {
  itemId: string;
  stage: string;
  label: string;
  tickedBy: string | null;
  email: string | null;
  name: string | null;
  tickedAt: Date;
}

const CRISIS_SELECT = `c.id, c.workspace_id AS "workspaceId", c.title, c.brand_ids::text[] AS "brandIds", c.query_ids::text[] AS "queryIds",
  c.alert_id AS "alertId", c.stage, c.opened_by AS "openedBy", u.email AS "openedByEmail", u.name AS "openedByName",
  c.opened_at AS "openedAt", c.stage_changed_at AS "stageChangedAt", c.closed_at AS "closedAt"
  FROM crises c LEFT JOIN users u ON u.id = c.opened_by`;

/** The crisis cell's tables: `crises`, `crisis_members`, `crisis_events`, `crisis_checklist_ticks` (users read-only for names). */
@Injectable()
export class CrisesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async insert(
    v: { workspaceId: string; title: string; brandIds: string[]; queryIds: string[]; alertId: string | null; openedBy: string },
    tx: EntityManager,
  ): Promise<string> {
    const [row] = (await tx.query(
      `INSERT INTO crises (workspace_id, title, brand_ids, query_ids, alert_id, opened_by) VALUES ($1, $2, $3::uuid[], $4::uuid[], $5, $6) RETURNING id`,
      [v.workspaceId, v.title, v.brandIds, v.queryIds, v.alertId, v.openedBy],
    )) as Array<{ id: string }>;
    return row!.id;
  }

  async list(workspaceId: string): Promise<CrisisRow[]> {
    return (await this.db.query(`SELECT ${CRISIS_SELECT} WHERE c.workspace_id = $1 ORDER BY c.opened_at DESC, c.id`, [workspaceId])) as CrisisRow[];
  }

  async findInWorkspace(workspaceId: string, id: string, tx?: EntityManager): Promise<CrisisRow | undefined> {
    const [row] = (await (tx ?? this.db).query(`SELECT ${CRISIS_SELECT} WHERE c.workspace_id = $1 AND c.id = $2`, [workspaceId, id])) as CrisisRow[];
    return row;
  }

  /** Locks the crisis row for a stage change (serialises two members moving it at once). */
  async lockStage(workspaceId: string, id: string, tx: EntityManager): Promise<CrisisStage | undefined> {
    const [row] = (await tx.query(`SELECT stage FROM crises WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [workspaceId, id])) as Array<{ stage: CrisisStage }>;
    return row?.stage;
  }

  async setStage(id: string, stage: CrisisStage, tx: EntityManager): Promise<void> {
    await tx.query(
      `UPDATE crises SET stage = $2, stage_changed_at = now(), closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE NULL END WHERE id = $1`,
      [id, stage],
    );
  }

  /** Closed crises of a brand whose closing falls in [from, to) (monthly report highlights). */
  async closedBetween(workspaceId: string, brandId: string, from: Date, to: Date): Promise<CrisisRow[]> {
    return (await this.db.query(
      `SELECT ${CRISIS_SELECT} WHERE c.workspace_id = $1 AND $2::uuid = ANY(c.brand_ids) AND c.closed_at >= $3 AND c.closed_at < $4 ORDER BY c.closed_at`,
      [workspaceId, brandId, from, to],
    )) as CrisisRow[];
  }

  /** Appends a time-stamped event to the crisis's timeline; returns its id. */
  async addEvent(crisisId: string, kind: string, userId: string | null, payload: Record<string, unknown>, tx?: EntityManager): Promise<string> {
    const [row] = (await (tx ?? this.db).query(`INSERT INTO crisis_events (crisis_id, kind, user_id, payload) VALUES ($1, $2, $3, $4::jsonb) RETURNING id::text`, [
      crisisId,
      kind,
      userId,
      JSON.stringify(payload),
    ])) as Array<{ id: string }>;
    return row!.id;
  }

  /** One event with its crisis's workspace (notification jobs carry the event id only). */
  async eventById(id: string): Promise<(CrisisEventRow & { crisisId: string; workspaceId: string }) | undefined> {
    const [row] = (await this.db.query(
      `SELECT e.id::text, e.at, e.kind, e.user_id AS "userId", u.email, u.name, e.payload, e.crisis_id AS "crisisId", c.workspace_id AS "workspaceId"
         FROM crisis_events e JOIN crises c ON c.id = e.crisis_id LEFT JOIN users u ON u.id = e.user_id WHERE e.id = $1`,
      [id],
    )) as Array<CrisisEventRow & { crisisId: string; workspaceId: string }>;
    return row;
  }

  async events(crisisId: string): Promise<CrisisEventRow[]> {
    return (await this.db.query(
      `SELECT e.id::text, e.at, e.kind, e.user_id AS "userId", u.email, u.name, e.payload
         FROM crisis_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.crisis_id = $1 ORDER BY e.at, e.id`,
      [crisisId],
    )) as CrisisEventRow[];
  }

  /** Adds or re-roles a member; false when the user is not a member of the workspace. */
  async upsertMember(workspaceId: string, crisisId: string, userId: string, role: string, addedBy: string, tx?: EntityManager): Promise<boolean> {
    const rows = (await (tx ?? this.db).query(
      `INSERT INTO crisis_members (crisis_id, user_id, role, added_by)
         SELECT $2, m.user_id, $4, $5 FROM memberships m WHERE m.workspace_id = $1 AND m.user_id = $3
       ON CONFLICT (crisis_id, user_id) DO UPDATE SET role = EXCLUDED.role RETURNING 1`,
      [workspaceId, crisisId, userId, role, addedBy],
    )) as unknown[];
    return rows.length > 0;
  }

  async removeMember(crisisId: string, userId: string): Promise<boolean> {
    const res = (await this.db.query(`DELETE FROM crisis_members WHERE crisis_id = $1 AND user_id = $2`, [crisisId, userId])) as [unknown, number];
    return (res[1] ?? 0) > 0;
  }

  async members(crisisId: string): Promise<CrisisMemberRow[]> {
    return (await this.db.query(
      `SELECT cm.user_id AS "userId", u.email, u.name, cm.role, cm.added_at AS "addedAt"
         FROM crisis_members cm JOIN users u ON u.id = cm.user_id WHERE cm.crisis_id = $1 ORDER BY cm.added_at, u.email`,
      [crisisId],
    )) as CrisisMemberRow[];
  }

  /** Ticks a checklist item once (the first tick wins); false when it was already ticked. */
  async tick(crisisId: string, item: { id: string; stage: string; label: string }, userId: string, tx: EntityManager): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO crisis_checklist_ticks (crisis_id, item_id, stage, label, ticked_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [crisisId, item.id, item.stage, item.label, userId],
    )) as unknown[];
    return rows.length > 0;
  }

  async ticks(crisisId: string): Promise<CrisisTickRow[]> {
    return (await this.db.query(
      `SELECT t.item_id AS "itemId", t.stage, t.label, t.ticked_by AS "tickedBy", u.email, u.name, t.ticked_at AS "tickedAt"
         FROM crisis_checklist_ticks t LEFT JOIN users u ON u.id = t.ticked_by WHERE t.crisis_id = $1 ORDER BY t.ticked_at`,
      [crisisId],
    )) as CrisisTickRow[];
  }
}
