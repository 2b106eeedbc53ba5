import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface SavedReplyRow {
  id: string;
  workspace_id: string;
  brand_id: string | null;
  language: 'fr' | 'en';
  title: string;
  body: string;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface SavedReplyValues {
  brandId: string | null;
  language: 'fr' | 'en';
  title: string;
  body: string;
}

/** The `saved_replies` table (and a user's display name, read-only, for `{{agent}}`). */
@Injectable()
export class SavedRepliesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(workspaceId: string): Promise<SavedReplyRow[]> {
    return (await this.db.query(`SELECT * FROM saved_replies WHERE workspace_id = $1 ORDER BY language, title, id`, [workspaceId])) as SavedReplyRow[];
  }

  async get(workspaceId: string, id: string): Promise<SavedReplyRow | undefined> {
    const [row] = (await this.db.query(`SELECT * FROM saved_replies WHERE workspace_id = $1 AND id = $2`, [workspaceId, id])) as SavedReplyRow[];
    return row;
  }

  async insert(workspaceId: string, userId: string, v: SavedReplyValues): Promise<SavedReplyRow> {
    const [row] = (await this.db.query(
      `INSERT INTO saved_replies (workspace_id, brand_id, language, title, body, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [workspaceId, v.brandId, v.language, v.title, v.body, userId],
    )) as SavedReplyRow[];
    return row!;
  }

  async update(workspaceId: string, id: string, v: Partial<SavedReplyValues>): Promise<SavedReplyRow | undefined> {
    const [rows] = (await this.db.query(
      `UPDATE saved_replies SET brand_id = CASE WHEN $3 THEN $4::uuid ELSE brand_id END, language = coalesce($5, language),
              title = coalesce($6, title), body = coalesce($7, body), updated_at = now()
        WHERE workspace_id = $1 AND id = $2 RETURNING *`,
      [workspaceId, id, v.brandId !== undefined, v.brandId ?? null, v.language ?? null, v.title ?? null, v.body ?? null],
    )) as [SavedReplyRow[], number];
    return rows[0];
  }

  async remove(workspaceId: string, id: string): Promise<boolean> {
    const [, count] = (await this.db.query(`DELETE FROM saved_replies WHERE workspace_id = $1 AND id = $2`, [workspaceId, id])) as [unknown, number];
    return count > 0;
  }

  async userName(userId: string): Promise<string | null> {
    const [row] = (await this.db.query(`SELECT name, email FROM users WHERE id = $1`, [userId])) as Array<{ name: string | null; email: string }>;
    return row ? (row.name || row.email) : null;
  }
}
