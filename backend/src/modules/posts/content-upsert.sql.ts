/**
 * SQL of the batched content upserts (authors, posts + metric snapshots, comments, account
 * daily stats), run by the posts repositories for the ingestion writer. Every statement takes
 * whole columns as arrays (`unnest`), so a batch of any size is one round trip with a fixed
 * number of parameters, and `ON CONFLICT … DO UPDATE … WHERE (changed)` leaves identical rows
 * untouched (no dead tuples, no updated_at churn): replaying a page is a no-op.
 */
import { METRIC_COLUMNS } from './post-metrics.sql';

/** How a column's new value merges with the stored one. */
type Merge = 'replace' | 'keep-known' | 'merge-json';

interface Col {
  name: string;
  merge: Merge;
}

/** `keep-known`: a NULL from the platform ("not given") never erases a value read earlier. */
/** `merge-json`: keys of the new object overwrite the stored ones, except keys whose new value is null. */
function setExpr(table: string, c: Col): string {
  const old = `${table}.${c.name}`;
  if (c.merge === 'keep-known') return `COALESCE(EXCLUDED.${c.name}, ${old})`;
  if (c.merge === 'merge-json') {
    return `CASE WHEN EXCLUDED.${c.name} IS NULL THEN ${old} ELSE COALESCE(${old}, '{}'::jsonb) || jsonb_strip_nulls(EXCLUDED.${c.name}) END`;
  }
  return `EXCLUDED.${c.name}`;
}

function updateClause(table: string, cols: Col[], extraSet: string[] = []): string {
  const sets = cols.map((c) => `${c.name} = ${setExpr(table, c)}`).concat(extraSet);
  const next = cols.map((c) => setExpr(table, c)).join(', ');
  const prev = cols.map((c) => `${table}.${c.name}`).join(', ');
  return `DO UPDATE SET ${sets.join(', ')} WHERE ROW(${next}) IS DISTINCT FROM ROW(${prev})`;
}


/**
 * Authors: INSERT … DO NOTHING first ($1 workspace, $2 platform, $3 pseudonym salt, $4.. external_id,
 * handle, display_name, followers), in its own statement so that the post/comment upsert that
 * follows (a new snapshot) sees every author, also one a concurrent batch just inserted. That
 * upsert reads the batch's authors once (`au`: their ids, and whether any stored name/followers
 * would change); only then does the writer run UPDATE_AUTHORS — rarely: the same commenters come
 * back in every batch unchanged. An `ON CONFLICT DO UPDATE … WHERE` would lock (and so dirty)
 * each re-seen author even when nothing changed; this touches none of them.
 * (A `WHERE NOT EXISTS` pre-filter halves this statement when the plan is right, but without
 * statistics on a growing table the planner made it a nested loop — 40× slower, measured.)
 * Pseudonym: 'Utilisateur ' + 4 hex of md5(salt:platform:external_id), computed once at insert
 * (salt = per-workspace secret, see common/crypto/pseudonym.ts), so it is stable and never recomputed.
 */
export const INSERT_AUTHORS = `
  INSERT INTO authors (workspace_id, platform, external_id, handle, display_name, pseudonym, followers)
  SELECT $1::uuid, $2::text, i.external_id, i.handle, i.display_name,
         'Utilisateur ' || upper(left(md5($3::text || ':' || $2::text || ':' || i.external_id), 4)), i.followers
  FROM unnest($4::text[], $5::text[], $6::text[], $7::int[]) AS i(external_id, handle, display_name, followers)
  ON CONFLICT (workspace_id, platform, external_id) DO NOTHING`;

// Platforms show an account under different names in different places (a channel's title on
// its videos, its handle on its replies): the first known name stays (fill-only), or it would
// flip at every batch; followers keep the latest known value.
const authorNext = (a: string, i: string) =>
  ({
    handle: `COALESCE(${a}.handle, ${i}.handle)`,
    display_name: `COALESCE(${a}.display_name, ${i}.display_name)`,
    followers: `COALESCE(${i}.followers, ${a}.followers)`,
  }) as const;
const authorChanged = (a: string, i: string) => {
  const n = authorNext(a, i);
  return `ROW(${n.handle}, ${n.display_name}, ${n.followers}) IS DISTINCT FROM ROW(${a}.handle, ${a}.display_name, ${a}.followers)`;
};
const AUTHOR_NEXT = authorNext('a', 'i');

export const UPDATE_AUTHORS = `
  UPDATE authors AS a SET handle = ${AUTHOR_NEXT.handle}, display_name = ${AUTHOR_NEXT.display_name},
    followers = ${AUTHOR_NEXT.followers}, updated_at = now()
  FROM unnest($3::text[], $4::text[], $5::text[], $6::int[]) AS i(external_id, handle, display_name, followers)
  WHERE a.workspace_id = $1::uuid AND a.platform = $2::text AND a.external_id = i.external_id
    AND ${authorChanged('a', 'i')}`;

/**
 * CTEs of the batch's authors inside a post/comment upsert: `ai` the given values ($n.. $n+3,
 * as for INSERT_AUTHORS), `au` the stored rows (one index probe per distinct author, then a hash
 * join per record instead of a probe per record). `stale_authors` counts those an UPDATE_AUTHORS
 * would change.
 */
function authorCtes(n: number): string {
  return `ai AS (
    SELECT * FROM unnest($${n}::text[], $${n + 1}::text[], $${n + 2}::text[], $${n + 3}::int[]) AS ai(external_id, handle, display_name, followers)
  ),
  au AS MATERIALIZED (
    SELECT a.id, a.external_id, a.handle, a.display_name, a.followers FROM authors a
    WHERE a.workspace_id = $1::uuid AND a.platform = $4::text AND a.external_id = ANY($${n}::text[])
  )`;
}
const STALE_AUTHORS = `(SELECT count(*)::int FROM ai JOIN au ON au.external_id = ai.external_id WHERE ${authorChanged('au', 'ai')}) AS stale_authors`;

const POST_COLS: Col[] = [
  { name: 'published_at', merge: 'replace' },
  { name: 'content_type', merge: 'replace' },
  { name: 'text', merge: 'replace' },
  { name: 'permalink', merge: 'keep-known' },
  { name: 'author_id', merge: 'keep-known' },
  ...METRIC_COLUMNS.map((name): Col => ({ name, merge: 'keep-known' })),
  { name: 'impressions_definition', merge: 'keep-known' },
  { name: 'source_metrics', merge: 'merge-json' },
];

const METRICS_AND_DEF = [...METRIC_COLUMNS, 'impressions_definition'];

/**
 * $1 workspace, $2 brand, $3 channel account, $4 platform, $5 captured_at, $6..$21 the columns,
 * $22..$25 the batch's authors (see authorCtes).
 * `prev` reads the stored metrics before the upsert (all CTEs share one snapshot; `= ANY`, so an
 * index probe per post of the batch, never a scan of the account's posts); a metric
 * snapshot is appended for every inserted or updated post whose metrics differ from the stored
 * ones, so post_metric_snapshots only grows when a value changed. Returns changed post ids.
 */
export const UPSERT_POSTS = `
  WITH i AS (
    SELECT * FROM unnest($6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::text[], $11::text[],
      $12::int8[], $13::int8[], $14::int8[], $15::int8[], $16::int8[], $17::int8[], $18::int8[], $19::int8[],
      $20::text[], $21::jsonb[])
      AS i(external_id, published_at, content_type, text, permalink, author_ext,
           ${METRIC_COLUMNS.join(', ')}, impressions_definition, source_metrics)
  ),
  ${authorCtes(22)},
  prev AS (
    SELECT p.id, ${METRICS_AND_DEF.map((c) => `p.${c}`).join(', ')}
    FROM posts p WHERE p.channel_account_id = $3::uuid AND p.external_id = ANY($6::text[])
  ),
  up AS (
    INSERT INTO posts AS p (workspace_id, brand_id, channel_account_id, external_id, published_at, content_type,
      text, permalink, author_id, ${METRIC_COLUMNS.join(', ')}, impressions_definition, source_metrics)
    SELECT $1::uuid, $2::uuid, $3::uuid, i.external_id, i.published_at, i.content_type, i.text, i.permalink, au.id,
      ${METRIC_COLUMNS.map((c) => `i.${c}`).join(', ')}, i.impressions_definition, i.source_metrics
    FROM i LEFT JOIN au ON au.external_id = i.author_ext
    ON CONFLICT (channel_account_id, external_id)
    ${updateClause('p', POST_COLS, ['updated_at = now()'])}
    RETURNING p.id, ${METRICS_AND_DEF.map((c) => `p.${c}`).join(', ')}
  ),
  snap AS (
    INSERT INTO post_metric_snapshots (post_id, captured_at, ${METRICS_AND_DEF.join(', ')})
    SELECT up.id, $5::timestamptz, ${METRICS_AND_DEF.map((c) => `up.${c}`).join(', ')}
    FROM up LEFT JOIN prev ON prev.id = up.id
    WHERE ROW(${METRIC_COLUMNS.map((c) => `up.${c}`).join(', ')}) IS DISTINCT FROM ROW(${METRIC_COLUMNS.map((c) => `prev.${c}`).join(', ')})
    RETURNING 1
  )
  SELECT (SELECT coalesce(array_agg(id::text), '{}') FROM up) AS ids, (SELECT count(*)::int FROM snap) AS snapshots,
    ${STALE_AUTHORS}`;

const COMMENT_COLS: Col[] = [
  { name: 'post_id', merge: 'replace' },
  { name: 'parent_external_id', merge: 'keep-known' },
  { name: 'author_id', merge: 'keep-known' },
  { name: 'is_from_brand', merge: 'replace' },
  { name: 'text', merge: 'replace' },
  { name: 'likes', merge: 'keep-known' },
  { name: 'published_at', merge: 'replace' },
];

/**
 * $1 workspace, $2 brand, $3 channel account, $4 platform, $5..$12 the columns, $13..$16 the
 * batch's authors (see authorCtes). The post is
 * resolved from its external id in the same statement (index probes for the batch's distinct
 * posts only: a join lets the planner hash the account's every post, per batch); a comment
 * whose post is unknown is not written (counted as orphan). An edited text clears enriched_at so enrichment re-reads it.
 */
export const UPSERT_COMMENTS = `
  WITH i AS (
    SELECT * FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::bool[], $10::text[], $11::int[], $12::timestamptz[])
      AS i(external_id, post_ext, parent_ext, author_ext, is_from_brand, text, likes, published_at)
  ),
  ${authorCtes(13)},
  ps AS MATERIALIZED (
    SELECT p.id, p.external_id FROM posts p
    WHERE p.channel_account_id = $3::uuid AND p.external_id = ANY(ARRAY(SELECT DISTINCT post_ext FROM i))
  ),
  j AS MATERIALIZED (
    SELECT ps.id AS post_id, i.* FROM i JOIN ps ON ps.external_id = i.post_ext
  ),
  up AS (
    INSERT INTO comments AS c (workspace_id, brand_id, channel_account_id, post_id, external_id, parent_external_id,
      author_id, is_from_brand, text, likes, published_at)
    SELECT $1::uuid, $2::uuid, $3::uuid, j.post_id, j.external_id, j.parent_ext, au.id, j.is_from_brand, j.text, j.likes, j.published_at
    FROM j LEFT JOIN au ON au.external_id = j.author_ext
    ON CONFLICT (channel_account_id, external_id)
    ${updateClause('c', COMMENT_COLS, ['enriched_at = CASE WHEN c.text IS DISTINCT FROM EXCLUDED.text THEN NULL ELSE c.enriched_at END'])}
    RETURNING c.id
  )
  SELECT (SELECT coalesce(array_agg(id::text), '{}') FROM up) AS ids,
         (SELECT count(*)::int FROM i) - (SELECT count(*)::int FROM j) AS orphans, ${STALE_AUTHORS}`;

/** $1 channel account, then day, followers, following, posts_count. */
export const UPSERT_ACCOUNT_STATS = `
  INSERT INTO account_daily_stats AS s (channel_account_id, day, followers, following, posts_count)
  SELECT $1::uuid, i.day, i.followers, i.following, i.posts_count
  FROM unnest($2::date[], $3::int[], $4::int[], $5::int[]) AS i(day, followers, following, posts_count)
  ON CONFLICT (channel_account_id, day)
  ${updateClause(
    's',
    [
      { name: 'followers', merge: 'keep-known' },
      { name: 'following', merge: 'keep-known' },
      { name: 'posts_count', merge: 'keep-known' },
    ],
    ['updated_at = now()'],
  )}`;
