import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { preparedQuery } from '../../common/database/prepared-query';

/** Mentions of one brand per time bucket ('' = whole period). */
export interface SovBucketRow {
  brandId: string;
  bucket: string;
  n: number;
}

/** Mentions of one brand in the i-th period (1-based). */
export interface SovPeriodRow {
  i: number;
  brandId: string;
  n: number;
}

/** A brand (the measured one or a competitor) and whether it has brand / competitor queries. */
export interface SovMeasuredRow {
  id: string;
  name: string;
  kind: string;
  hasBrandQuery: boolean | null;
  hasCompetitorQuery: boolean | null;
}

/** One author's earned mentions of a brand. */
export interface InfluencerRow {
  platform: string;
  externalId: string;
  handle: string | null;
  name: string | null;
  followers: number | null;
  reach: number | null;
  mentions: number;
  engagement: number | null;
  positive: number;
  negative: number;
  lastMentionAt: Date;
}

/** A channel account compared by the competitors view (followers at the period's end). */
export interface CompetitorAccountRow {
  id: string;
  brandId: string;
  brandName: string;
  brandKind: string;
  platform: string;
  handle: string;
  followersEnd: number | null;
}

/** A post's counters (competitors view). */
export type CompetitorPostRow = { accountId: string } & Record<string, number | null>;

/**
 * Read models of the insights (share of voice, influencers, trends, competitors): `mentions` /
 * `mention_matches` / `watch_queries` joined read-only to `brands`; the competitors view reads
 * `channel_accounts`, `brands`, `account_daily_stats` and `posts` (read-only). Periods are
 * inclusive local days in the time zone given ($5).
 */
@Injectable()
export class InsightsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Share of voice: earned mentions per brand (the brand's 'brand' queries, competitors' 'competitor' queries) per bucket. */
  async sovBuckets(workspaceId: string, brandId: string, from: string, to: string, tz: string, granularity: 'day' | 'month' | null): Promise<SovBucketRow[]> {
    const bucket = granularity ? `to_char(date_trunc('${granularity}', m.published_at AT TIME ZONE $5), '${granularity === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'}')` : `''`;
    return (await this.db.query(
      `SELECT mm.brand_id AS "brandId", ${bucket} AS bucket, count(DISTINCT m.id)::int AS n
         FROM mention_matches mm JOIN mentions m ON m.id = mm.mention_id
         JOIN watch_queries q ON q.id = mm.query_id JOIN brands b ON b.id = mm.brand_id
        WHERE mm.workspace_id = $1 AND NOT m.is_own_content
          AND mm.published_at >= ($3::date::timestamp AT TIME ZONE $5) AND mm.published_at < (($4::date + 1)::timestamp AT TIME ZONE $5)
          AND ((mm.brand_id = $2 AND q.kind = 'brand') OR (b.kind = 'competitor' AND q.kind = 'competitor'))
        GROUP BY 1, 2`,
      [workspaceId, brandId, from, to, tz],
    )) as SovBucketRow[];
  }

  /** Share of voice: the brand and the workspace's competitors, with which query kinds they have. */
  async sovMeasured(workspaceId: string, brandId: string): Promise<SovMeasuredRow[]> {
    return (await preparedQuery(this.db,
      `SELECT b.id, b.name, b.kind, bool_or(q.kind = 'brand') AS "hasBrandQuery", bool_or(q.kind = 'competitor') AS "hasCompetitorQuery"
         FROM brands b LEFT JOIN watch_queries q ON q.brand_id = b.id
        WHERE b.workspace_id = $1 AND (b.id = $2 OR b.kind = 'competitor')
        GROUP BY b.id, b.name, b.kind ORDER BY b.name`,
      [workspaceId, brandId],
    )) as SovMeasuredRow[];
  }

  /** Share of voice: earned mentions per brand for several periods in one statement. */
  async sovPeriods(workspaceId: string, brandId: string, periods: ReadonlyArray<{ from: string; to: string }>, tz: string): Promise<SovPeriodRow[]> {
    return (await preparedQuery(this.db,
      `SELECT k.i::int AS i, mm.brand_id AS "brandId", count(DISTINCT m.id)::int AS n
           FROM unnest($3::date[], $4::date[]) WITH ORDINALITY AS k(from_day, to_day, i)
           JOIN mention_matches mm ON mm.workspace_id = $1
             AND mm.published_at >= (k.from_day::timestamp AT TIME ZONE $5) AND mm.published_at < ((k.to_day + 1)::timestamp AT TIME ZONE $5)
           JOIN mentions m ON m.id = mm.mention_id
           JOIN watch_queries q ON q.id = mm.query_id JOIN brands b ON b.id = mm.brand_id
          WHERE NOT m.is_own_content
            AND ((mm.brand_id = $2 AND q.kind = 'brand') OR (b.kind = 'competitor' AND q.kind = 'competitor'))
          GROUP BY 1, 2`,
      [workspaceId, brandId, periods.map((p) => p.from), periods.map((p) => p.to), tz],
    )) as SovPeriodRow[];
  }

  /** Influencers: per author, the brand's earned mentions of the period (each once). */
  async influencers(workspaceId: string, brandId: string, from: string, to: string, tz: string): Promise<InfluencerRow[]> {
    return (await this.db.query(
      `WITH m AS (
         SELECT DISTINCT m.* FROM mention_matches mm JOIN mentions m ON m.id = mm.mention_id
          WHERE mm.brand_id = $1 AND mm.workspace_id = $2 AND NOT m.is_own_content AND m.author_external_id IS NOT NULL
            AND mm.published_at >= ($3::date::timestamp AT TIME ZONE $5) AND mm.published_at < (($4::date + 1)::timestamp AT TIME ZONE $5))
       SELECT platform, author_external_id AS "externalId", max(author_handle) AS handle, max(author_name) AS name,
              max(author_followers)::int AS followers, max(reach)::int AS reach, count(*)::int AS mentions,
              sum(engagement)::int AS engagement,
              count(*) FILTER (WHERE sentiment = 'positive')::int AS positive,
              count(*) FILTER (WHERE sentiment = 'negative')::int AS negative,
              max(published_at) AS "lastMentionAt"
         FROM m GROUP BY platform, author_external_id`,
      [brandId, workspaceId, from, to, tz],
    )) as InfluencerRow[];
  }

  /** Trends: texts of the brand's newest earned mentions of the period (at most `limit`). */
  async trendTexts(workspaceId: string, brandId: string, from: string, to: string, tz: string, limit: number): Promise<Array<{ text: string }>> {
    return (await this.db.query(
      `SELECT DISTINCT ON (m.published_at, m.id) m.text FROM mention_matches mm JOIN mentions m ON m.id = mm.mention_id
        WHERE mm.brand_id = $1 AND mm.workspace_id = $2 AND NOT m.is_own_content
          AND mm.published_at >= ($3::date::timestamp AT TIME ZONE $5) AND mm.published_at < (($4::date + 1)::timestamp AT TIME ZONE $5)
        ORDER BY m.published_at DESC, m.id DESC LIMIT ${limit}`,
      [brandId, workspaceId, from, to, tz],
    )) as Array<{ text: string }>;
  }

  /** Trends: the brand's earned mentions of the period per platform and source. */
  async trendSourceCounts(workspaceId: string, brandId: string, from: string, to: string, tz: string): Promise<Array<{ platform: string; source: string; n: number }>> {
    return (await this.db.query(
      `SELECT m.platform, m.source, count(DISTINCT m.id)::int AS n FROM mention_matches mm JOIN mentions m ON m.id = mm.mention_id
        WHERE mm.brand_id = $1 AND mm.workspace_id = $2 AND NOT m.is_own_content
          AND mm.published_at >= ($3::date::timestamp AT TIME ZONE $5) AND mm.published_at < (($4::date + 1)::timestamp AT TIME ZONE $5)
        GROUP BY m.platform, m.source`,
      [brandId, workspaceId, from, to, tz],
    )) as Array<{ platform: string; source: string; n: number }>;
  }

  /** Competitors: the brand's accounts first, then every competitor brand's, with followers at `to`. */
  async competitorAccounts(workspaceId: string, brandId: string, to: string): Promise<CompetitorAccountRow[]> {
    return (await this.db.query(
      `SELECT ca.id, ca.brand_id AS "brandId", b.name AS "brandName", b.kind AS "brandKind", ca.platform, ca.handle,
              (SELECT s.followers FROM account_daily_stats s WHERE s.channel_account_id = ca.id AND s.day <= $3::date
                 AND s.followers IS NOT NULL ORDER BY s.day DESC LIMIT 1) AS "followersEnd"
         FROM channel_accounts ca JOIN brands b ON b.id = ca.brand_id
        WHERE ca.workspace_id = $1 AND (ca.brand_id = $2 OR b.kind = 'competitor')
        ORDER BY (ca.brand_id = $2) DESC, b.name, ca.platform, ca.handle`,
      [workspaceId, brandId, to],
    )) as CompetitorAccountRow[];
  }

  /** Competitors: counters of these accounts' posts published in the period. */
  async competitorPosts(workspaceId: string, accountIds: string[], from: string, to: string, tz: string): Promise<CompetitorPostRow[]> {
    return (await this.db.query(
      `SELECT channel_account_id AS "accountId", reach::float8, impressions::float8, reactions::float8, comments::float8,
              shares::float8, saves::float8, clicks::float8, video_views::float8 AS "videoViews"
         FROM posts WHERE workspace_id = $1 AND channel_account_id = ANY($2::uuid[])
          AND published_at >= ($3::date::timestamp AT TIME ZONE $5) AND published_at < (($4::date + 1)::timestamp AT TIME ZONE $5)`,
      [workspaceId, accountIds, from, to, tz],
    )) as CompetitorPostRow[];
  }
}
