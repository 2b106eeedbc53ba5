import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TextAnalysis } from '@vigie/text';
import type { DataSource, EntityManager } from 'typeorm';
import { inLocalDays } from '../../database/local-days';
import type { ChannelScope } from '../channels/channels.service';
import type { NormalizedPost, Platform } from '../channels/connectors/channel-connector';
import type { AuthorColumns } from './authors.repository';
import { UPSERT_POSTS } from './content-upsert.sql';
import { postWriteBack } from './labels-write-back.sql';
import { POST_INTERACTIONS_SQL } from './post-metrics.sql';
import type { PostMetric, PostSort } from './posts.dto';
import { preparedQuery } from '../../common/database/prepared-query';

/** Where a batch of content goes: every row of a batch belongs to one channel account. */
export interface ContentTarget {
  workspaceId: string;
  brandId: string;
  channelAccountId: string;
  platform: Platform;
}

// Sort expressions only (values shown come from @vigie/kpi); a post lacking the metric sorts last.
const rate = (num: string, den: string) => `CASE WHEN ${den} > 0 THEN (${num})::float8 / ${den} END`;
const METRIC_SQL: Record<PostMetric, string> = {
  interactions: `CASE WHEN num_nonnulls(p.reactions, p.comments, p.shares, p.saves) > 0 THEN ${POST_INTERACTIONS_SQL} END`,
  impressions: 'p.impressions',
  reach: 'p.reach',
  reactions: 'p.reactions',
  comments: 'p.comments',
  shares: 'p.shares',
  saves: 'p.saves',
  clicks: 'p.clicks',
  videoViews: 'p.video_views',
  engagementRateByReach: rate(POST_INTERACTIONS_SQL, 'p.reach'),
  engagementRateByImpressions: rate(POST_INTERACTIONS_SQL, 'p.impressions'),
  ctr: rate('p.clicks', 'p.impressions'),
};

/** A post of the posts API, with its channel account's platform and handle and its sort value. */
export interface PostListRow {
  id: string;
  channel_account_id: string;
  platform: string;
  handle: string;
  external_id: string;
  published_at: Date;
  content_type: string;
  text: string;
  permalink: string | null;
  impressions: string | null;
  reach: string | null;
  reactions: string | null;
  comments: string | null;
  shares: string | null;
  saves: string | null;
  clicks: string | null;
  video_views: string | null;
  impressions_definition: string | null;
  sort_value: string | number | Date | null;
}

export interface PostPageQuery {
  period: { from: string; to: string } | null;
  sort: PostSort;
  desc: boolean;
  limit: number;
  /** Keyset: the last row's sort value and id. */
  after: { value: string | number | null; id: string } | null;
  /** Leave out the posts without the sort metric. */
  onlyKnown: boolean;
}

/** What UPSERT_POSTS returns for a batch. */
export interface PostsUpsertRow {
  ids: string[];
  snapshots: number;
  stale_authors: number;
}

/** The `posts` table (and the `post_metric_snapshots` its upsert appends). */
@Injectable()
export class PostsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One transaction per written batch. Batch commits do not wait for the WAL flush. Safe for our
   * guarantees: WAL is flushed in order, so when the run's final (synchronous) cursor/status
   * update is durable, every batch before it is too; a Postgres crash can only lose the tail of
   * a run whose cursor was not saved yet, and that run is redone. Saves one disk flush per batch.
   */
  batchTransaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.query('SET LOCAL synchronous_commit = off');
      return fn(tx);
    });
  }

  /** Claims up to `limit` posts without a language yet (posts_unenriched_idx), SKIP LOCKED. Inside `tx`. */
  async claimUnlabelled(limit: number, tx: EntityManager): Promise<Array<{ id: string; text: string; hint: string }>> {
    return (await tx.query(
      `SELECT p.id, p.text, w.language AS hint
         FROM posts p JOIN workspaces w ON w.id = p.workspace_id
         WHERE p.language IS NULL
         ORDER BY p.id LIMIT $1
         FOR UPDATE OF p SKIP LOCKED`,
      [limit],
    )) as Array<{ id: string; text: string; hint: string }>;
  }

  /** Writes language and sentiment of claimed posts back in one statement. */
  async writeLabels(ids: string[], analyses: TextAnalysis[], tx: EntityManager): Promise<void> {
    const { sql, params } = postWriteBack(ids, analyses);
    await tx.query(sql, params);
  }

  /**
   * Upserts a batch (one row per external id, sorted: the caller dedupes) whose authors were
   * inserted first (`authors`, see AuthorsRepository); appends a metric snapshot per changed post.
   */
  async upsertBatch(
    target: ContentTarget,
    capturedAt: Date,
    batch: readonly NormalizedPost[],
    authors: AuthorColumns,
    tx?: EntityManager,
  ): Promise<PostsUpsertRow> {
    const [row] = (await (tx ?? this.db).query(UPSERT_POSTS, [...postParams(target, capturedAt, batch), ...authors])) as PostsUpsertRow[];
    return row;
  }

  /** A keyset page of a scope's posts, sorted by publication time or one metric. */
  page(scope: ChannelScope, o: PostPageQuery): Promise<PostListRow[]> {
    const dir = o.desc ? 'DESC' : 'ASC';
    const cmp = o.desc ? '<' : '>';
    const params: unknown[] = [scope.workspaceId, scope.brandId, scope.channelAccountId];
    const where = ['p.workspace_id = $1', 'p.brand_id = $2', '($3::uuid IS NULL OR p.channel_account_id = $3)'];
    if (o.period) {
      params.push(scope.timezone, o.period.from, o.period.to);
      where.push(inLocalDays('p.published_at', '$5', '$6', '$4'));
    }
    let sortExpr: string;
    if (o.sort === 'publishedAt') {
      sortExpr = 'p.published_at';
      if (o.after) {
        params.push(o.after.value, o.after.id);
        where.push(`(p.published_at, p.id) ${cmp} ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
      }
    } else {
      // Unknown values sort as -1, after every real value (desc) or before them (asc).
      sortExpr = `coalesce((${METRIC_SQL[o.sort]})::float8, -1)`;
      if (o.onlyKnown) where.push(`(${METRIC_SQL[o.sort]}) IS NOT NULL`);
      if (o.after) {
        params.push(o.after.value ?? -1, o.after.id);
        where.push(`(${sortExpr}, p.id) ${cmp} ($${params.length - 1}::float8, $${params.length}::bigint)`);
      }
    }
    params.push(o.limit);
    return preparedQuery(this.db,
      `SELECT p.id::text AS id, p.channel_account_id, ca.platform, ca.handle, p.external_id, p.published_at, p.content_type,
         p.text, p.permalink, p.impressions, p.reach, p.reactions, p.comments, p.shares, p.saves, p.clicks,
         p.video_views, p.impressions_definition, ${sortExpr} AS sort_value
       FROM posts p JOIN channel_accounts ca ON ca.id = p.channel_account_id
       WHERE ${where.join(' AND ')}
       ORDER BY ${sortExpr} ${dir}, p.id ${dir}
       LIMIT $${params.length}`,
      params,
    ) as Promise<PostListRow[]>;
  }
}

function postParams(t: ContentTarget, capturedAt: Date, batch: readonly NormalizedPost[]): unknown[] {
  const col = <T>(f: (p: NormalizedPost) => T) => batch.map(f);
  return [
    t.workspaceId,
    t.brandId,
    t.channelAccountId,
    t.platform,
    capturedAt.toISOString(),
    col((p) => p.externalId),
    col((p) => p.publishedAt),
    col((p) => p.contentType),
    col((p) => noNul(p.text)),
    col((p) => p.permalink),
    col((p) => p.author?.externalId ?? null),
    col((p) => p.metrics.impressions),
    col((p) => p.metrics.reach),
    col((p) => p.metrics.reactions),
    col((p) => p.metrics.comments),
    col((p) => p.metrics.shares),
    col((p) => p.metrics.saves),
    col((p) => p.metrics.clicks),
    col((p) => p.metrics.videoViews),
    col((p) => p.impressionsDefinition),
    col((p) => (p.sourceMetrics ? JSON.stringify(p.sourceMetrics) : null)),
  ];
}

/** Postgres text cannot hold U+0000 (seen in scraped bodies): drop it rather than fail the batch. */
export function noNul(s: string): string {
  return s.includes('\u0000') ? s.replace(/\u0000/g, '') : s;
}
