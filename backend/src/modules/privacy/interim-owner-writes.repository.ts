import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type PrivacySubject, subjectParams, withSubject } from './erasure/subject';

/** What erasure reads of an alert to redact quotes of a person. */
export interface AlertDocumentRow {
  id: string;
  details: unknown;
  title: string;
  key: string;
}

/**
 * INTERIM — erasure and retention writes to tables of the inbox (`inbox_notes`) and veille
 * (`mentions`, `alerts`) modules, which had no repository when privacy's SQL left its services.
 * Each method moves, unchanged, to its owner's repository (named in its comment) once that exists;
 * privacy then calls the owner. Statements are the ones ERASURE_STEPS / RETENTION_STEPS ran.
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

  /** → veille mentions repository. Erasure: the person's mentions lose text, link and author identity (rows kept). */
  async redactMentionsOf(s: PrivacySubject, tx?: EntityManager): Promise<number> {
    return affected(
      await (tx ?? this.db).query(
        withSubject(`UPDATE mentions SET text = '', url = NULL, author_external_id = NULL, author_handle = NULL, author_name = NULL,
            redacted_at = coalesce(redacted_at, now())
          WHERE workspace_id = $1 AND platform = $3
            AND (author_external_id = ANY($4::text[]) OR lower(ltrim(author_handle, '@')) = ANY($5::text[]))`),
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

  /** → veille mentions repository. Retention: mention texts, links and author identities removed (row, reach, sentiment kept). */
  async redactMentionsBefore(workspaceId: string, cutoff: Date, tx?: EntityManager): Promise<number> {
    return affected(
      await (tx ?? this.db).query(
        `UPDATE mentions SET text = '', url = NULL, author_external_id = NULL, author_handle = NULL, author_name = NULL,
            redacted_at = now()
          WHERE workspace_id = $1 AND published_at < $2 AND redacted_at IS NULL`,
        [workspaceId, cutoff.toISOString()],
      ),
    );
  }

  /** → veille alerts repository. Erasure: every alert's texts of the workspace. */
  async alertDocuments(workspaceId: string, tx?: EntityManager): Promise<AlertDocumentRow[]> {
    return (await (tx ?? this.db).query('SELECT id::text AS id, details, title, key FROM alerts WHERE workspace_id = $1', [
      workspaceId,
    ])) as AlertDocumentRow[];
  }

  /**
   * → veille alerts repository. Erasure: writes redacted texts back; a de-duplication key naming
   * the person ('author:x:123') becomes unique to the row.
   */
  async setAlertDocument(
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

/** Rows an UPDATE / DELETE touched (the pg driver answers [rows, count]). */
function affected(res: unknown): number {
  return (res as [unknown, number])[1] ?? 0;
}
