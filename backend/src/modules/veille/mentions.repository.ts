import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryPreviewStoredDto } from '@vigie/contracts';
import { preparedQuery } from '../../common/database/prepared-query';

/** A `mentions` row as upserted (snake_case: the jsonb_to_recordset columns). */
export interface MentionUpsertRow {
  platform: string;
  source: string;
  external_id: string;
  kind: string;
  origin: string;
  text: string;
  url: string | null;
  author_external_id: string | null;
  author_handle: string | null;
  author_name: string | null;
  author_followers: number | null;
  reach: number | null;
  engagement: number | null;
  language: string | null;
  sentiment: string | null;
  sentiment_score: number | null;
  is_own_content: boolean;
  channel_account_id: string | null;
  published_at: string;
}

/** What the upsert returns per mention. */
export interface MentionWrittenRow {
  id: string;
  platform: string;
  external_id: string;
  published_at: Date;
  inserted: boolean;
}

/** A `mention_matches` row as inserted. */
export interface MentionMatchRow {
  mention_id: string;
  query_id: string;
  brand_id: string;
  published_at: string;
}

/** A mention as the list API reads it (with its queries and brands). */
export interface MentionRow {
  id: string;
  platform: string;
  source: string;
  externalId: string;
  kind: string;
  origin: string;
  text: string;
  url: string | null;
  authorExternalId: string | null;
  authorHandle: string | null;
  authorName: string | null;
  authorFollowers: number | null;
  reach: number | null;
  engagement: number | null;
  language: string | null;
  sentiment: string | null;
  sentimentScore: number | null;
  isOwnContent: boolean;
  publishedAt: Date;
  matchedAt: Date;
  queryIds: string[];
  brandIds: string[];
}

/** Filters of the mentions list (ids only ever compared inside the workspace's rows). */
export interface MentionFilters {
  brandId?: string;
  queryId?: string;
  platform?: string;
  source?: string;
  sentiment?: string;
  /** Lower-cased. */
  lang?: string;
  minReach?: number;
  /** Inclusive local days of the workspace. */
  from?: string;
  to?: string;
  /** Keyset position: rows strictly before (published_at, id). */
  before?: { publishedAt: string; id: string };
}

/** A stored item a draft query is previewed over (mention, post or comment): the preview's match before its spans. */
export type StoredItem = Omit<QueryPreviewStoredDto['matches'][number], 'spans' | 'publishedAt'> & {
  lang: string | null;
  author: string | null;
  publishedAt: Date;
};

/** An alert rule's target in `mention_matches`: one query, or every query of a brand. */
export type MentionTarget = { queryId: string } | { brandId: string };

/** Volume-spike counts: last 60 / 15 min and the same hour 1..4 weeks ago. */
export interface SpikeCountsRow {
  c60: number;
  c15: number;
  w1: number;
  w2: number;
  w3: number;
  w4: number;
}

/** Negative-surge counts: last hour vs the 4 weeks before. */
export interface NegativeCountsRow {
  count: number;
  negative: number;
  baselineCount: number;
  baselineNegative: number;
}

/** A query's first match (earned mentions only). */
export interface FirstMatchRow {
  id: string;
  name: string;
  first: Date;
  count: number;
}

/** An author with many followers found recently. */
export interface BigAccountRow {
  platform: string;
  authorId: string;
  handle: string | null;
  followers: number;
  count: number;
  url: string | null;
}

/** The five positional parameters of a privacy subject (workspace, author ids, platform, external ids, handles). */
export interface MentionSubject {
  workspaceId: string;
  authorIds: string[];
  platform: string;
  externalIds: string[];
  handles: string[];
}


/** A set of watch queries of one workspace over a time range (crisis reads: distinct earned mentions). */
export interface QuerySetRange {
  workspaceId: string;
  queryIds: readonly string[];
  from: Date;
  to: Date;
}

/** One time bucket of a query set's mentions. */
export interface MentionBucketRow {
  start: Date;
  count: number;
  negative: number;
  reach: number;
}

/** Totals of a query set's mentions over a range. */
export interface MentionTotalsRow {
  count: number;
  negative: number;
  positive: number;
  reach: number;
}

/** An author spreading a query set's mentions (erased authors and redacted rows left out). */
export interface SpreaderRow {
  platform: string;
  externalId: string;
  handle: string | null;
  name: string | null;
  /** authors.pseudonym when the author is also known from channel content (else null: computed by the caller). */
  pseudonym: string | null;
  followers: number | null;
  mentions: number;
  reach: number;
  engagement: number;
  positive: number;
  negative: number;
  firstAt: Date;
  /** Mentions of the given brands by this author before `priorBefore`. */
  priorMentions: number;
}

/** Earned (not own content), each mention once, matching any query of the set, in [from, to). */
const QUERY_SET_MENTIONS = `SELECT DISTINCT m.* FROM mention_matches mm JOIN mentions m ON m.id = mm.mention_id
   WHERE mm.workspace_id = $1 AND mm.query_id = ANY($2::uuid[]) AND NOT m.is_own_content
     AND mm.published_at >= $3 AND mm.published_at < $4`;
/** An author whose identity was erased (privacy tombstone), by (workspace, platform, external id). */
const ERASED_AUTHOR = `EXISTS (SELECT 1 FROM authors a WHERE a.workspace_id = $1 AND a.platform = s.platform
   AND a.external_id = s.author_external_id AND a.erased_at IS NOT NULL)`;

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

function targetSql(t: MentionTarget): { sql: string; param: string } {
  return 'queryId' in t ? { sql: 'mm.query_id = $1', param: t.queryId } : { sql: 'mm.brand_id = $1', param: t.brandId };
}

/** Rows an UPDATE / DELETE touched (the pg driver answers [rows, count]). */
function affected(res: unknown): number {
  return (res as [unknown, number])[1] ?? 0;
}

/**
 * The `mentions` and `mention_matches` tables: the idempotent writer's upserts, the list API,
 * the alert evaluator's counts, privacy's erasure / retention. The preview's read model also
 * reads `posts`, `comments`, `channel_accounts` and `authors` (read-only).
 */
@Injectable()
export class MentionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** Upserts on (workspace, platform, external id): counts refreshed in place, `inserted` = new row. */
  async upsertMany(workspaceId: string, rows: readonly MentionUpsertRow[], tx?: EntityManager): Promise<MentionWrittenRow[]> {
    return (await (tx ?? this.db).query(
      `INSERT INTO mentions (workspace_id, platform, source, external_id, kind, origin, text, url,
           author_external_id, author_handle, author_name, author_followers, reach, engagement,
           language, sentiment, sentiment_score, is_own_content, channel_account_id, published_at)
         SELECT $1, x.platform, x.source, x.external_id, x.kind, x.origin, x.text, x.url,
           x.author_external_id, x.author_handle, x.author_name, x.author_followers, x.reach, x.engagement,
           x.language, x.sentiment, x.sentiment_score, x.is_own_content, x.channel_account_id, x.published_at
         FROM jsonb_to_recordset($2::jsonb) AS x(platform text, source text, external_id text, kind text, origin text,
           text text, url text, author_external_id text, author_handle text, author_name text, author_followers int,
           reach int, engagement int, language text, sentiment text, sentiment_score real, is_own_content boolean,
           channel_account_id uuid, published_at timestamptz)
         ON CONFLICT (workspace_id, platform, external_id) DO UPDATE SET
           text = EXCLUDED.text,
           author_followers = COALESCE(EXCLUDED.author_followers, mentions.author_followers),
           reach = COALESCE(EXCLUDED.reach, mentions.reach),
           engagement = COALESCE(EXCLUDED.engagement, mentions.engagement)
         RETURNING id::text, platform, external_id, published_at, (xmax = 0) AS inserted`,
      [workspaceId, JSON.stringify(rows)],
    )) as MentionWrittenRow[];
  }

  /** New (mention, query) pairs; a query deleted meanwhile is skipped. Number of pairs created. */
  async insertMatches(workspaceId: string, pairs: readonly MentionMatchRow[], tx?: EntityManager): Promise<number> {
    const created = (await (tx ?? this.db).query(
      `INSERT INTO mention_matches (mention_id, query_id, workspace_id, brand_id, published_at)
         SELECT x.mention_id, x.query_id, $1, x.brand_id, x.published_at
           FROM jsonb_to_recordset($2::jsonb) AS x(mention_id bigint, query_id uuid, brand_id uuid, published_at timestamptz)
          -- a query deleted meanwhile is skipped rather than failing the batch
          WHERE EXISTS (SELECT 1 FROM watch_queries w WHERE w.id = x.query_id AND w.workspace_id = $1)
         ON CONFLICT DO NOTHING RETURNING mention_id`,
      [workspaceId, JSON.stringify(pairs)],
    )) as unknown[];
    return created.length;
  }

  /** Newest first (published_at, id), `limit` rows; the day bounds use the workspace's time zone. */
  async list(workspaceId: string, f: MentionFilters, limit: number): Promise<MentionRow[]> {
    const where: string[] = ['m.workspace_id = $1'];
    const params: unknown[] = [workspaceId];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.brandId) where.push(`EXISTS (SELECT 1 FROM mention_matches mm WHERE mm.mention_id = m.id AND mm.brand_id = ${p(f.brandId)})`);
    if (f.queryId) where.push(`EXISTS (SELECT 1 FROM mention_matches mm WHERE mm.mention_id = m.id AND mm.query_id = ${p(f.queryId)})`);
    if (f.platform) where.push(`m.platform = ${p(f.platform)}`);
    if (f.source) where.push(`m.source = ${p(f.source)}`);
    if (f.sentiment) where.push(`m.sentiment = ${p(f.sentiment)}`);
    if (f.lang) where.push(`m.language = ${p(f.lang)}`);
    if (f.minReach !== undefined) where.push(`m.reach >= ${p(f.minReach)}`);
    if (f.from || f.to) {
      // Looked up inside the list query: one round trip less (the guard proved the workspace exists).
      const tz = '(SELECT w.timezone FROM workspaces w WHERE w.id = $1)';
      if (f.from) where.push(`m.published_at >= (${p(f.from)}::date::timestamp AT TIME ZONE ${tz})`);
      if (f.to) where.push(`m.published_at < ((${p(f.to)}::date + 1)::timestamp AT TIME ZONE ${tz})`);
    }
    if (f.before) where.push(`(m.published_at, m.id) < (${p(f.before.publishedAt)}::timestamptz, ${p(f.before.id)}::bigint)`);
    return (await preparedQuery(this.db,
      `SELECT m.id::text, m.platform, m.source, m.external_id AS "externalId", m.kind, m.origin, m.text, m.url,
              m.author_external_id AS "authorExternalId", m.author_handle AS "authorHandle", m.author_name AS "authorName",
              m.author_followers AS "authorFollowers", m.reach, m.engagement, m.language, m.sentiment,
              m.sentiment_score AS "sentimentScore", m.is_own_content AS "isOwnContent",
              m.published_at AS "publishedAt", m.matched_at AS "matchedAt",
              coalesce((SELECT array_agg(mm.query_id::text ORDER BY mm.query_id) FROM mention_matches mm WHERE mm.mention_id = m.id), '{}') AS "queryIds",
              coalesce((SELECT array_agg(DISTINCT mm.brand_id::text) FROM mention_matches mm WHERE mm.mention_id = m.id), '{}') AS "brandIds"
         FROM mentions m
        WHERE ${where.join(' AND ')}
        ORDER BY m.published_at DESC, m.id DESC
        LIMIT ${limit}`,
      params,
    )) as MentionRow[];
  }

  /**
   * Read model of the query preview: the newest `limit` mentions (not of channel origin: those
   * are the posts/comments), posts and comments since `since`, newest first.
   */
  async recentStoredItems(workspaceId: string, since: Date, brandId: string | null, limit: number): Promise<StoredItem[]> {
    const lim = limit;
    return (await this.db.query(
      `SELECT * FROM (
         (SELECT 'mention' AS type, m.id::text AS id, m.platform, m.source, m.text, m.url, m.language AS lang,
                 m.author_handle AS author, m.published_at AS "publishedAt"
            FROM mentions m
           WHERE m.workspace_id = $1 AND m.published_at >= $2 AND m.origin <> 'channel'
           ORDER BY m.published_at DESC LIMIT ${lim})
         UNION ALL
         (SELECT 'post', p.id::text, ca.platform, ca.handle, p.text, p.permalink, p.language, a.handle, p.published_at
            FROM posts p JOIN channel_accounts ca ON ca.id = p.channel_account_id
            LEFT JOIN authors a ON a.id = p.author_id
           WHERE p.workspace_id = $1 AND p.published_at >= $2 AND ($3::uuid IS NULL OR p.brand_id = $3)
           ORDER BY p.published_at DESC LIMIT ${lim})
         UNION ALL
         (SELECT 'comment', c.id::text, ca.platform, ca.handle, c.text, NULL, c.language, a.handle, c.published_at
            FROM comments c JOIN channel_accounts ca ON ca.id = c.channel_account_id
            LEFT JOIN authors a ON a.id = c.author_id
           WHERE c.workspace_id = $1 AND c.published_at >= $2 AND ($3::uuid IS NULL OR c.brand_id = $3)
           ORDER BY c.published_at DESC LIMIT ${lim})
       ) x ORDER BY "publishedAt" DESC LIMIT ${lim}`,
      [workspaceId, since, brandId],
    )) as StoredItem[];
  }

  /** Earned mentions of the target (each once) in the spike windows ending at `now`. */
  async spikeCounts(target: MentionTarget, now: Date): Promise<SpikeCountsRow> {
    const t = targetSql(target);
    const n = now.getTime();
    const windows = [1, 2, 3, 4].map((w) => [new Date(n - w * WEEK - HOUR), new Date(n - w * WEEK)]);
    const [c] = (await this.db.query(
      `SELECT count(DISTINCT mm.mention_id) FILTER (WHERE mm.published_at > $3 AND mm.published_at <= $2)::int AS c60,
              count(DISTINCT mm.mention_id) FILTER (WHERE mm.published_at > $4 AND mm.published_at <= $2)::int AS c15,
              ${windows.map((_, i) => `count(DISTINCT mm.mention_id) FILTER (WHERE mm.published_at > $${5 + 2 * i} AND mm.published_at <= $${6 + 2 * i})::int AS w${i + 1}`).join(', ')}
         FROM mention_matches mm JOIN mentions m ON m.id = mm.mention_id
        WHERE ${t.sql} AND NOT m.is_own_content AND mm.published_at > $13 AND mm.published_at <= $2`,
      [t.param, now, new Date(n - HOUR), new Date(n - 15 * 60_000), ...windows.flat(), new Date(n - 4 * WEEK - HOUR)],
    )) as SpikeCountsRow[];
    return c;
  }

  /** Earned mentions of the target (each once) and the negative ones: last hour vs the 4 weeks before. */
  async negativeCounts(target: MentionTarget, now: Date): Promise<NegativeCountsRow> {
    const t = targetSql(target);
    const n = now.getTime();
    const [c] = (await this.db.query(
      `SELECT count(DISTINCT m.id) FILTER (WHERE m.published_at > $3)::int AS count,
              count(DISTINCT m.id) FILTER (WHERE m.published_at > $3 AND m.sentiment = 'negative')::int AS negative,
              count(DISTINCT m.id) FILTER (WHERE m.published_at <= $3)::int AS "baselineCount",
              count(DISTINCT m.id) FILTER (WHERE m.published_at <= $3 AND m.sentiment = 'negative')::int AS "baselineNegative"
         FROM mention_matches mm JOIN mentions m ON m.id = mm.mention_id
        WHERE ${t.sql} AND NOT m.is_own_content AND mm.published_at > $4 AND mm.published_at <= $2`,
      [t.param, now, new Date(n - HOUR), new Date(n - 4 * WEEK)],
    )) as NegativeCountsRow[];
    return c;
  }

  /** Per query of the target (in the workspace): its first earned match and its match count. */
  async firstMatchesByQuery(workspaceId: string, target: MentionTarget): Promise<FirstMatchRow[]> {
    return (await this.db.query(
      `SELECT q.id, q.name, min(mm.matched_at) AS first, count(*)::int AS count
         FROM watch_queries q JOIN mention_matches mm ON mm.query_id = q.id JOIN mentions m ON m.id = mm.mention_id
        WHERE q.workspace_id = $1 AND ${'queryId' in target ? 'q.id = $2' : 'q.brand_id = $2'} AND NOT m.is_own_content
        GROUP BY q.id, q.name`,
      [workspaceId, 'queryId' in target ? target.queryId : target.brandId],
    )) as FirstMatchRow[];
  }

  /** Authors with ≥ minFollowers whose earned mentions of the target were found after `since`. */
  async bigAccountsSince(target: MentionTarget, since: Date, minFollowers: number): Promise<BigAccountRow[]> {
    const t = targetSql(target);
    return (await this.db.query(
      `SELECT m.platform, m.author_external_id AS "authorId", max(m.author_handle) AS handle, max(m.author_followers)::int AS followers,
              count(DISTINCT m.id)::int AS count, (array_agg(m.url ORDER BY m.published_at DESC))[1] AS url
         FROM mention_matches mm JOIN mentions m ON m.id = mm.mention_id
        WHERE ${t.sql} AND NOT m.is_own_content AND m.matched_at > $2 AND m.author_followers >= $3 AND m.author_external_id IS NOT NULL
        GROUP BY m.platform, m.author_external_id`,
      [t.param, since, minFollowers],
    )) as BigAccountRow[];
  }

  /** Buckets of `bucketMinutes` (aligned on UTC multiples) of a query set's mentions; empty buckets absent. */
  async querySetBuckets(r: QuerySetRange, bucketMinutes: number): Promise<MentionBucketRow[]> {
    return (await this.db.query(
      `SELECT to_timestamp(floor(extract(epoch FROM s.published_at) / $5) * $5) AS start, count(*)::int AS count,
              count(*) FILTER (WHERE s.sentiment = 'negative')::int AS negative,
              coalesce(sum(coalesce(s.reach, s.author_followers, 0)), 0)::bigint::float8 AS reach
         FROM (${QUERY_SET_MENTIONS}) s GROUP BY 1 ORDER BY 1`,
      [r.workspaceId, r.queryIds, r.from, r.to, bucketMinutes * 60],
    )) as MentionBucketRow[];
  }

  async querySetTotals(r: QuerySetRange): Promise<MentionTotalsRow> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS count, count(*) FILTER (WHERE s.sentiment = 'negative')::int AS negative,
              count(*) FILTER (WHERE s.sentiment = 'positive')::int AS positive,
              coalesce(sum(coalesce(s.reach, s.author_followers, 0)), 0)::bigint::float8 AS reach
         FROM (${QUERY_SET_MENTIONS}) s`,
      [r.workspaceId, r.queryIds, r.from, r.to],
    )) as MentionTotalsRow[];
    return row!;
  }

  /** The first mention of a query set in the range (its time only: no author). */
  async querySetFirst(r: QuerySetRange): Promise<{ publishedAt: Date; platform: string } | null> {
    const [row] = (await this.db.query(
      `SELECT s.published_at AS "publishedAt", s.platform FROM (${QUERY_SET_MENTIONS}) s ORDER BY s.published_at, s.id LIMIT 1`,
      [r.workspaceId, r.queryIds, r.from, r.to],
    )) as Array<{ publishedAt: Date; platform: string }>;
    return row ?? null;
  }

  /**
   * Authors of a query set's mentions, identity kept (never redacted, never erased), with their
   * reach, engagement, sentiment counts and how often they mentioned `brandIds` before `priorBefore`.
   */
  async querySetSpreaders(r: QuerySetRange, brandIds: readonly string[], priorBefore: Date, minFollowers = 0): Promise<SpreaderRow[]> {
    return (await this.db.query(
      `SELECT s.platform, s.author_external_id AS "externalId", max(s.author_handle) AS handle, max(s.author_name) AS name,
              (SELECT a.pseudonym FROM authors a WHERE a.workspace_id = $1 AND a.platform = s.platform AND a.external_id = s.author_external_id) AS pseudonym,
              max(s.author_followers)::int AS followers, count(*)::int AS mentions,
              coalesce(sum(coalesce(s.reach, s.author_followers, 0)), 0)::bigint::float8 AS reach,
              coalesce(sum(s.engagement), 0)::bigint::float8 AS engagement,
              count(*) FILTER (WHERE s.sentiment = 'positive')::int AS positive,
              count(*) FILTER (WHERE s.sentiment = 'negative')::int AS negative,
              min(s.published_at) AS "firstAt",
              (SELECT count(DISTINCT p.id)::int FROM mentions p
                WHERE p.workspace_id = $1 AND p.platform = s.platform AND p.author_external_id = s.author_external_id
                  AND p.published_at < $6
                  AND EXISTS (SELECT 1 FROM mention_matches pm WHERE pm.mention_id = p.id AND pm.brand_id = ANY($5::uuid[]))) AS "priorMentions"
         FROM (${QUERY_SET_MENTIONS}) s
        WHERE s.author_external_id IS NOT NULL AND s.redacted_at IS NULL AND NOT ${ERASED_AUTHOR}
        GROUP BY s.platform, s.author_external_id
       HAVING coalesce(max(s.author_followers), 0) >= $7
        ORDER BY reach DESC, mentions DESC, s.platform, s.author_external_id
        LIMIT 200`,
      [r.workspaceId, r.queryIds, r.from, r.to, brandIds, priorBefore, minFollowers],
    )) as SpreaderRow[];
  }

  /** Texts of a query set's mentions (newest first, for term counts). */
  async querySetTexts(r: QuerySetRange, limit: number): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT s.text FROM (${QUERY_SET_MENTIONS}) s WHERE s.text <> '' ORDER BY s.published_at DESC LIMIT ${Math.floor(limit)}`,
      [r.workspaceId, r.queryIds, r.from, r.to],
    )) as Array<{ text: string }>;
    return rows.map((x) => x.text);
  }

  /** Erasure (privacy): the person's mentions lose text, link and author identity (rows kept). Rows touched. */
  async redactOfSubject(s: MentionSubject, tx?: EntityManager): Promise<number> {
    return affected(
      await (tx ?? this.db).query(
        `WITH subject AS (SELECT $1::uuid AS workspace_id, $2::bigint[] AS author_ids, $3::text AS platform,
            $4::text[] AS external_ids, $5::text[] AS handles) UPDATE mentions SET text = '', url = NULL, author_external_id = NULL, author_handle = NULL, author_name = NULL,
            redacted_at = coalesce(redacted_at, now())
          WHERE workspace_id = $1 AND platform = $3
            AND (author_external_id = ANY($4::text[]) OR lower(ltrim(author_handle, '@')) = ANY($5::text[]))`,
        [s.workspaceId, s.authorIds, s.platform, s.externalIds, s.handles],
      ),
    );
  }

  /** Retention (privacy): texts, links and author identities of mentions published before the cutoff removed (row, reach, sentiment kept). */
  async redactPublishedBefore(workspaceId: string, cutoff: Date, tx?: EntityManager): Promise<number> {
    return affected(
      await (tx ?? this.db).query(
        `UPDATE mentions SET text = '', url = NULL, author_external_id = NULL, author_handle = NULL, author_name = NULL,
            redacted_at = now()
          WHERE workspace_id = $1 AND published_at < $2 AND redacted_at IS NULL`,
        [workspaceId, cutoff.toISOString()],
      ),
    );
  }
}
