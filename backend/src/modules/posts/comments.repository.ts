import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { NormalizedComment } from '../channels/connectors/channel-connector';
import type { AuthorColumns } from './authors.repository';
import type { TextAnalysis } from '@vigie/text';
import { preparedQuery } from '../../common/database/prepared-query';
import { inLocalDays } from '../../database/local-days';
import { UPSERT_COMMENTS } from './content-upsert.sql';
import { type CommentToEnrich, commentWriteBack } from './labels-write-back.sql';
import { type ContentTarget, noNul } from './posts.repository';

/** What UPSERT_COMMENTS returns for a batch. */
export interface CommentsUpsertRow {
  ids: string[];
  /** Comments whose post is not (yet) stored: not written. */
  orphans: number;
  stale_authors: number;
}

/** An unenriched comment claimed for analysis, with its workspace's language (the tie-break hint). */
export interface CommentToLabelRow extends CommentToEnrich {
  hint: string;
}

/** The `comments` table. */
export interface ThemeCountRow {
  /** 1-based index of the period. */
  i: number;
  /** The theme; null: every analysed comment of the period; '*': those about at least one theme. */
  aspect: string | null;
  polarity: 'negative' | 'neutral' | 'positive' | null;
  n: number;
}

@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Community comments (not the brand's) per theme and tone for each period [froms[k], tos[k]]
   * (local days of `timezone`), one round trip. A comment counts once per theme, with the worst
   * tone it takes about it (negative, else positive, else neutral). Rows with aspect `null` give
   * the analysed comments of the period, `*` those about at least one theme.
   */
  async themeCounts(
    scope: { workspaceId: string; brandId: string; channelAccountId: string | null; timezone: string },
    froms: readonly string[],
    tos: readonly string[],
  ): Promise<ThemeCountRow[]> {
    return preparedQuery<ThemeCountRow>(
      this.db,
      `WITH scoped AS (
         SELECT k.i::int AS i, c.id, c.aspects
         FROM unnest($3::date[], $4::date[]) WITH ORDINALITY AS k(from_day, to_day, i)
         JOIN comments c ON c.workspace_id = $1 AND c.brand_id = $2
           AND ($5::uuid IS NULL OR c.channel_account_id = $5)
           AND ${inLocalDays('c.published_at', 'k.from_day', 'k.to_day', '$6')}
         WHERE NOT c.is_from_brand AND c.enriched_at IS NOT NULL
       ), per AS (
         SELECT s.i, s.id, x->>'aspect' AS aspect,
           CASE WHEN bool_or(x->>'polarity' = 'negative') THEN 'negative'
                WHEN bool_or(x->>'polarity' = 'positive') THEN 'positive' ELSE 'neutral' END AS polarity
         FROM scoped s CROSS JOIN LATERAL jsonb_array_elements(s.aspects) x
         WHERE s.aspects IS NOT NULL
         GROUP BY s.i, s.id, x->>'aspect'
       )
       SELECT i, aspect, polarity, count(*)::int AS n FROM per GROUP BY i, aspect, polarity
       UNION ALL SELECT i, NULL, NULL, count(*)::int FROM scoped GROUP BY i
       UNION ALL SELECT i, '*', NULL, count(*)::int FROM scoped WHERE aspects IS NOT NULL GROUP BY i`,
      [scope.workspaceId, scope.brandId, froms, tos, scope.channelAccountId, scope.timezone],
    );
  }

  /**
   * Upserts a batch (one row per external id, sorted: the caller dedupes) whose authors were
   * inserted first (`authors`, see AuthorsRepository); each comment's post is resolved by its
   * external id in the same statement.
   */
  async upsertBatch(
    target: ContentTarget,
    batch: readonly NormalizedComment[],
    authors: AuthorColumns,
    tx?: EntityManager,
  ): Promise<CommentsUpsertRow> {
    const [row] = (await (tx ?? this.db).query(UPSERT_COMMENTS, [...commentParams(target, batch), ...authors])) as CommentsUpsertRow[];
    return row;
  }

  /** Erasure (privacy): the texts of these authors' comments are emptied (rows, counts, labels kept). Rows touched. */
  async redactOfAuthors(workspaceId: string, authorIds: string[], tx?: EntityManager): Promise<number> {
    const res = (await (tx ?? this.db).query(
      `UPDATE comments SET text = '', redacted_at = coalesce(redacted_at, now())
          WHERE workspace_id = $1 AND author_id = ANY($2::bigint[]) AND (text <> '' OR redacted_at IS NULL)`,
      [workspaceId, authorIds],
    )) as [unknown, number];
    return res[1] ?? 0;
  }

  /** Retention (privacy): texts of comments published before the cutoff are emptied (row, sentiment, type, likes kept). */
  async redactPublishedBefore(workspaceId: string, cutoff: Date, tx?: EntityManager): Promise<number> {
    const res = (await (tx ?? this.db).query(
      `UPDATE comments SET text = '', redacted_at = now()
          WHERE workspace_id = $1 AND published_at < $2 AND redacted_at IS NULL`,
      [workspaceId, cutoff.toISOString()],
    )) as [unknown, number];
    return res[1] ?? 0;
  }

  /**
   * Claims up to `limit` unenriched comments (partial index comments_unenriched_idx) with
   * FOR UPDATE SKIP LOCKED: concurrent workers never analyse a row twice. Inside `tx`.
   */
  async claimUnenriched(limit: number, tx: EntityManager): Promise<CommentToLabelRow[]> {
    return (await tx.query(
      `SELECT c.id, c.text, c.is_from_brand AS "isFromBrand", w.language AS hint
         FROM comments c JOIN workspaces w ON w.id = c.workspace_id
         WHERE c.enriched_at IS NULL
         ORDER BY c.id LIMIT $1
         FOR UPDATE OF c SKIP LOCKED`,
      [limit],
    )) as CommentToLabelRow[];
  }

  /** Writes the analyses of claimed comments back in one statement (labels, enriched_at). */
  async writeLabels(rows: CommentToEnrich[], analyses: TextAnalysis[], tx: EntityManager): Promise<void> {
    const { sql, params } = commentWriteBack(rows, analyses);
    await tx.query(sql, params);
  }
}

function commentParams(t: ContentTarget, batch: readonly NormalizedComment[]): unknown[] {
  const col = <T>(f: (c: NormalizedComment) => T) => batch.map(f);
  return [
    t.workspaceId,
    t.brandId,
    t.channelAccountId,
    t.platform,
    col((c) => c.externalId),
    col((c) => c.postExternalId),
    col((c) => c.parentExternalId),
    col((c) => c.author?.externalId ?? null),
    col((c) => c.isFromBrand),
    col((c) => noNul(c.text)),
    col((c) => c.likes),
    col((c) => c.publishedAt),
  ];
}
