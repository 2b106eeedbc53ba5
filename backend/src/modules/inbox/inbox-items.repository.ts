import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../../common/database/prepared-query';
import { needsAttentionSql } from './attention-rules';
import { DAY_END_SQL, DAY_START_SQL } from './day-range';
import type { InboxQueryDto } from './inbox.dto';
import { ITEM_DETAIL_COLUMNS, ITEM_FROM, ITEM_SELECT, type ItemDetailRow, type ItemRow } from './inbox-item-view';

type Runner = Pick<EntityManager, 'query'>;

/** What the inbox needs of its workspace (read-only join of workspaces and brands). */
export interface WorkspaceContextRow {
  timezone: string;
  language: 'fr' | 'en';
  pseudo: unknown;
  brand_found: boolean;
}

/** One page of the list: the filters of the request and the decoded cursor. */
export interface InboxPageQuery {
  workspaceId: string;
  filters: Omit<InboxQueryDto, 'cursor' | 'limit' | 'sort'>;
  newest: boolean;
  after: readonly [publishedAt: string, id: string] | null;
  /** Rows to read (the page size + 1 to know whether there is a next page). */
  take: number;
}

/** A corrected item as the eval-set export writes it. */
export interface CorrectedItemRow {
  id: string;
  text: string;
  language: string | null;
  /** The CM's type. */
  type: string;
  /** What the classifier had said. */
  predicted: string | null;
  corrected_at: Date | null;
}

/**
 * The `inbox_items` table. The list, the detail and the sync read their comment, post, author,
 * channel and service through read-only joins (ITEM_FROM); every statement is scoped by workspace.
 */
@Injectable()
export class InboxItemsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One transaction across the inbox's tables (a type correction and its history row). */
  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /**
   * Time zone, language and the pseudonymisation setting of one workspace; with `brandId`, also
   * whether that brand belongs to it, in the same round trip.
   */
  async workspaceContext(workspaceId: string, brandId?: string): Promise<WorkspaceContextRow | undefined> {
    const [w] = await preparedQuery<WorkspaceContextRow>(
      this.db,
      `SELECT timezone, language, settings->'pseudonymizeAuthors' AS pseudo,
       $2::uuid IS NULL OR EXISTS (SELECT 1 FROM brands b WHERE b.workspace_id = w.id AND b.id = $2::uuid) AS brand_found
     FROM workspaces w WHERE id = $1`,
      [workspaceId, brandId ?? null],
    );
    return w;
  }

  /** The filtered, keyset-paged list (newest or oldest first). */
  async page(query: InboxPageQuery): Promise<ItemRow[]> {
    const { filters: q, newest } = query;
    const params: unknown[] = [query.workspaceId];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = ['i.workspace_id = $1'];
    if ((q.view ?? 'attention') === 'attention') where.push('i.needs_attention');
    if (q.status?.length) where.push(`i.status = ANY(${p(q.status)}::text[])`);
    if (q.type?.length) where.push(`i.type = ANY(${p(q.type)}::text[])`);
    if (q.brandId) where.push(`i.brand_id = ${p(q.brandId)}`);
    if (q.channelAccountId) where.push(`i.channel_account_id = ${p(q.channelAccountId)}`);
    if (q.serviceId?.length) where.push(`i.service_id = ANY(${p(q.serviceId)}::uuid[])`);
    if (q.sentiment) where.push(`c.sentiment = ${p(q.sentiment)}`);
    if (q.language) where.push(`c.language = ${p(q.language)}`);
    if (q.toxic !== undefined) where.push(`coalesce(c.toxic, false) = ${p(q.toxic)}`);
    if (q.from || q.to) {
      // The workspace's zone read in the statement itself: the page needs no round trip before it.
      const tz = '(SELECT wz.timezone FROM workspaces wz WHERE wz.id = $1)';
      if (q.from) where.push(`i.published_at >= ${DAY_START_SQL(p(q.from), tz)}`);
      if (q.to) where.push(`i.published_at < ${DAY_END_SQL(p(q.to), tz)}`);
    }
    if (q.q) where.push(`c.text ILIKE ${p(`%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)}`);
    if (query.after) {
      const [ts, id] = query.after;
      where.push(`(i.published_at, i.id) ${newest ? '<' : '>'} (${p(ts)}::timestamptz, ${p(id)}::bigint)`);
    }
    const dir = newest ? 'DESC' : 'ASC';
    // The limit is a literal: a generic plan must know it is a short page (index scan, no sort).
    const take = Math.max(1, Math.min(1000, Math.trunc(query.take)));
    return preparedQuery<ItemRow>(
      this.db,
      `SELECT ${ITEM_SELECT} ${ITEM_FROM}
       WHERE ${where.join(' AND ')}
       ORDER BY i.published_at ${dir}, i.id ${dir}
       LIMIT ${take}`,
      params,
    );
  }

  async findInWorkspace(workspaceId: string, itemId: string): Promise<ItemDetailRow | undefined> {
    const [row] = (await this.db.query(
      `SELECT ${ITEM_SELECT}, ${ITEM_DETAIL_COLUMNS} ${ITEM_FROM} WHERE i.workspace_id = $1 AND i.id = $2`,
      [workspaceId, itemId],
    )) as ItemDetailRow[];
    return row;
  }

  /** Routes the item to a service; an open or ignored item becomes 'assigned', an answered one stays answered. */
  async assignService(workspaceId: string, itemId: string, serviceId: string): Promise<void> {
    await this.db.query(
      `UPDATE inbox_items SET service_id = $3, assigned_at = now(), updated_at = now(), ignored_at = NULL,
         status = CASE WHEN status = 'answered' THEN status ELSE 'assigned' END
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, itemId, serviceId],
    );
  }

  /** A CM's correction becomes the item's type (and re-decides whether it needs attention). */
  async overrideType(workspaceId: string, itemId: string, type: string, tx?: EntityManager): Promise<void> {
    await (tx ?? this.db).query(
      `UPDATE inbox_items i SET type = $3, type_override = $3, updated_at = now(),
             needs_attention = ${needsAttentionSql('$3::text', 'c.sentiment', 'c.toxic')}
           FROM comments c WHERE c.id = i.comment_id AND i.workspace_id = $1 AND i.id = $2`,
      [workspaceId, itemId, type],
    );
  }

  /** Marked answered by hand now: first response = now − message time. */
  async markAnswered(workspaceId: string, itemId: string, userId: string): Promise<void> {
    await this.db.query(
      `UPDATE inbox_items SET status = 'answered', answered_at = now(), answered_by = $3, ignored_at = NULL,
           first_response_minutes = greatest(0, extract(epoch FROM now() - published_at) / 60.0), updated_at = now()
         WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, itemId, userId],
    );
  }

  /** Out of the response-rate denominator. */
  async markIgnored(workspaceId: string, itemId: string): Promise<void> {
    await this.db.query(
      `UPDATE inbox_items SET status = 'ignored', ignored_at = now(), answered_at = NULL, answered_by = NULL,
           first_response_minutes = NULL, updated_at = now()
         WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, itemId],
    );
  }

  /** Reopened: 'assigned' again when a service is set. */
  async reopen(workspaceId: string, itemId: string): Promise<void> {
    await this.db.query(
      `UPDATE inbox_items SET status = CASE WHEN service_id IS NULL THEN 'open' ELSE 'assigned' END,
           ignored_at = NULL, answered_at = NULL, answered_by = NULL, first_response_minutes = NULL, updated_at = now()
         WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, itemId],
    );
  }

  /**
   * Creates / refreshes the items of these comments: classified community comments on an own
   * brand's channel (brand replies and competitors' comments get none). Rows written.
   */
  async upsertForComments(commentIds: string[], runner: Runner = this.db): Promise<number> {
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
   * Marks answered the items a brand reply answers (first brand reply − comment time), among the
   * items these comments touch, or every item of the workspace. Rows updated.
   */
  async reconcileAnswers(scope: { commentIds: string[] } | { workspaceId: string }, runner: Runner = this.db): Promise<number> {
    let touched: string;
    let params: unknown[];
    if ('commentIds' in scope) {
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

  /** Corrected items after `afterId`, in id order (the eval-set export pages through them). */
  async correctedPage(workspaceId: string, afterId: string, limit: number): Promise<CorrectedItemRow[]> {
    return (await this.db.query(
      `SELECT i.id, c.text, c.language, i.type_override AS type, c.request_type AS predicted,
         (SELECT max(t.created_at) FROM type_corrections t WHERE t.item_id = i.id) AS corrected_at
         FROM inbox_items i JOIN comments c ON c.id = i.comment_id
         WHERE i.workspace_id = $1 AND i.type_override IS NOT NULL AND i.id > $2
         ORDER BY i.id LIMIT ${limit}`,
      [workspaceId, afterId],
    )) as CorrectedItemRow[];
  }
}
