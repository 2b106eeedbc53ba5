import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { needsAttentionSql } from './attention-rules';

type Runner = Pick<EntityManager, 'query'>;

/**
 * Keeps inbox items in step with the ingested comments:
 * - every classified community comment (not from the brand) on an own brand's channel gets an
 *   item (competitors' comments are listening data, not the brand's inbox);
 * - a brand reply ingested from the platform closes the items it answers.
 *
 * A brand reply answers a community comment C when its parent is C, or when C is itself a reply
 * and the brand replied later in the same thread (same parent). Every brand reply counts as a
 * human reply: platforms do not tell automated replies apart, so none are excluded for now.
 */
@Injectable()
export class InboxSyncService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Creates / refreshes the items of these comments (no-op for brand replies and competitors). */
  async upsertItems(commentIds: string[], runner: Runner = this.ds): Promise<number> {
    if (!commentIds.length) return 0;
    const rows = (await runner.query(
      `INSERT INTO inbox_items (workspace_id, brand_id, channel_account_id, comment_id, published_at, type, needs_attention)
       SELECT c.workspace_id, c.brand_id, c.channel_account_id, c.id, c.published_at, c.request_type,
              ${needsAttentionSql('c.request_type', 'c.sentiment', 'c.toxic')}
       FROM comments c JOIN brands b ON b.id = c.brand_id AND b.kind = 'own'
       WHERE c.id = ANY($1::bigint[]) AND NOT c.is_from_brand AND c.request_type IS NOT NULL
       ON CONFLICT (comment_id) DO UPDATE SET
         published_at = EXCLUDED.published_at,
         -- a CM's correction outlives re-classification
         type = coalesce(inbox_items.type_override, EXCLUDED.type),
         needs_attention = CASE WHEN inbox_items.type_override IS NULL THEN EXCLUDED.needs_attention
                                ELSE inbox_items.needs_attention END,
         updated_at = now()
       RETURNING id`,
      [commentIds],
    )) as Array<{ id: string }>;
    return rows.length;
  }

  /**
   * Marks answered the items a brand reply answers, with first_response_minutes = first brand
   * reply − comment time. `commentIds`: comments just written (community comments or brand
   * replies); without it, every item of the workspace is recomputed (on demand).
   */
  async reconcileAnswers(
    scope: { commentIds: string[] } | { workspaceId: string },
    runner: Runner = this.ds,
  ): Promise<number> {
    let touched: string;
    let params: unknown[];
    if ('commentIds' in scope) {
      if (!scope.commentIds.length) return 0;
      params = [scope.commentIds];
      // One simple indexed join per case (an OR across them would defeat the indexes).
      touched = `
        SELECT i.id FROM inbox_items i WHERE i.comment_id = ANY($1::bigint[])
        UNION
        SELECT i.id FROM comments b
          JOIN comments c ON c.channel_account_id = b.channel_account_id AND c.external_id = b.parent_external_id
          JOIN inbox_items i ON i.comment_id = c.id
        WHERE b.id = ANY($1::bigint[]) AND b.is_from_brand
        UNION
        SELECT i.id FROM comments b
          JOIN comments c ON c.channel_account_id = b.channel_account_id AND c.parent_external_id = b.parent_external_id
          JOIN inbox_items i ON i.comment_id = c.id
        WHERE b.id = ANY($1::bigint[]) AND b.is_from_brand`;
    } else {
      params = [scope.workspaceId];
      touched = `SELECT i.id FROM inbox_items i WHERE i.workspace_id = $1`;
    }
    // TypeORM returns [rows, rowCount] for UPDATE statements
    const [, count] = (await runner.query(
      `WITH touched AS (${touched}),
       first_reply AS (
         SELECT i.id, c.published_at AS asked_at, least(
           (SELECT min(b.published_at) FROM comments b
             WHERE b.channel_account_id = c.channel_account_id AND b.parent_external_id = c.external_id
               AND b.is_from_brand),
           (SELECT min(b.published_at) FROM comments b
             WHERE c.parent_external_id IS NOT NULL AND b.channel_account_id = c.channel_account_id
               AND b.parent_external_id = c.parent_external_id AND b.is_from_brand
               AND b.published_at > c.published_at)
         ) AS replied_at
         FROM touched t
         JOIN inbox_items i ON i.id = t.id
         JOIN comments c ON c.id = i.comment_id
       )
       UPDATE inbox_items i SET
         status = 'answered',
         answered_at = f.replied_at,
         first_response_minutes = greatest(0, extract(epoch FROM f.replied_at - f.asked_at) / 60.0),
         answered_by = 'platform_reply',
         ignored_at = NULL,
         updated_at = now()
       FROM first_reply f
       WHERE i.id = f.id AND f.replied_at IS NOT NULL
         AND (i.status <> 'answered' OR i.answered_by IS DISTINCT FROM 'platform_reply'
              OR i.answered_at IS DISTINCT FROM f.replied_at)
       RETURNING i.id`,
      params,
    )) as [unknown[], number];
    return count;
  }
}
