import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type PrivacySubject, subjectParams, withSubject } from './erasure/subject';

/**
 * INTERIM — erasure and retention writes to the inbox module's `inbox_notes`, whose repository
 * (inbox-notes.repository.ts) was still being written when privacy's SQL left its services.
 * Each method moves, unchanged, to InboxNotesRepository; privacy then calls the owner.
 * Statements are the ones ERASURE_STEPS / RETENTION_STEPS ran.
 */
@Injectable()
export class InterimOwnerWritesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** → inbox notes repository. Erasure: team notes on the person's comments are deleted. Rows deleted. */
  async deleteInboxNotesOnCommentsOf(s: PrivacySubject, tx?: EntityManager): Promise<number> {
    return affected(
      await (tx ?? this.db).query(
        withSubject(`DELETE FROM inbox_notes n USING inbox_items i
          WHERE n.item_id = i.id AND n.workspace_id = $1 AND i.comment_id IN (SELECT c.id FROM comments c WHERE c.workspace_id = $1 AND c.author_id = ANY($2::bigint[]))`),
        subjectParams(s),
      ),
    );
  }

  /** → inbox notes repository. Retention: team notes on items published before the cutoff are deleted. */
  async deleteInboxNotesOnItemsBefore(workspaceId: string, cutoff: Date, tx?: EntityManager): Promise<number> {
    return affected(
      await (tx ?? this.db).query(
        `DELETE FROM inbox_notes n USING inbox_items i
          WHERE n.item_id = i.id AND n.workspace_id = $1 AND i.workspace_id = $1 AND i.published_at < $2`,
        [workspaceId, cutoff.toISOString()],
      ),
    );
  }
}

/** Rows an UPDATE / DELETE touched (the pg driver answers [rows, count]). */
function affected(res: unknown): number {
  return (res as [unknown, number])[1] ?? 0;
}
