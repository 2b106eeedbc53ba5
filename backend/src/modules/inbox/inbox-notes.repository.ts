import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface InboxNoteRow {
  id: string;
  text: string;
  createdAt: Date;
}

/** A note with its author's name (read-only join of users). */
export interface InboxNoteWithAuthorRow extends InboxNoteRow {
  userId: string | null;
  userName: string | null;
}

/** The `inbox_notes` table: internal notes of the team on an item. */
@Injectable()
export class InboxNotesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(workspaceId: string, itemId: string, authorUserId: string, text: string): Promise<InboxNoteRow> {
    const [note] = (await this.db.query(
      `INSERT INTO inbox_notes (workspace_id, item_id, author_user_id, text) VALUES ($1, $2, $3, $4)
       RETURNING id, text, created_at AS "createdAt"`,
      [workspaceId, itemId, authorUserId, text],
    )) as InboxNoteRow[];
    return note;
  }

  async listForItem(workspaceId: string, itemId: string): Promise<InboxNoteWithAuthorRow[]> {
    return (await this.db.query(
      `SELECT n.id, n.text, n.created_at AS "createdAt", u.id AS "userId", u.name AS "userName"
       FROM inbox_notes n LEFT JOIN users u ON u.id = n.author_user_id
       WHERE n.workspace_id = $1 AND n.item_id = $2 ORDER BY n.created_at, n.id`,
      [workspaceId, itemId],
    )) as InboxNoteWithAuthorRow[];
  }

  /** Erasure (privacy): team notes on these authors' comments are deleted. Rows deleted. */
  async deleteOnCommentsOfAuthors(workspaceId: string, authorIds: string[], tx?: EntityManager): Promise<number> {
    const res = (await (tx ?? this.db).query(
      `DELETE FROM inbox_notes n USING inbox_items i
          WHERE n.item_id = i.id AND n.workspace_id = $1 AND i.comment_id IN (SELECT c.id FROM comments c WHERE c.workspace_id = $1 AND c.author_id = ANY($2::bigint[]))`,
      [workspaceId, authorIds],
    )) as [unknown, number];
    return res[1] ?? 0;
  }

  /** Retention (privacy): team notes on items published before the cutoff are deleted. Rows deleted. */
  async deleteOnItemsPublishedBefore(workspaceId: string, cutoff: Date, tx?: EntityManager): Promise<number> {
    const res = (await (tx ?? this.db).query(
      `DELETE FROM inbox_notes n USING inbox_items i
          WHERE n.item_id = i.id AND n.workspace_id = $1 AND i.workspace_id = $1 AND i.published_at < $2`,
      [workspaceId, cutoff.toISOString()],
    )) as [unknown, number];
    return res[1] ?? 0;
  }
}
