import type { DataSource } from 'typeorm';

/**
 * Every ingested table, whole rows (ids and timestamps included): proves "nothing changed".
 * Columns other modules fill later (enrichment of posts and comments) are left out: they move
 * in the background and are not the writer's.
 */
const NOT_OURS = ['language', 'sentiment', 'sentiment_score', 'request_type', 'request_reason', 'toxic', 'enriched_at'];
export const INGESTED_TABLES = ['authors', 'posts', 'comments', 'post_metric_snapshots', 'account_daily_stats'] as const;

export async function rawChecksums(db: DataSource): Promise<Record<string, { count: number; md5: string | null }>> {
  const out: Record<string, { count: number; md5: string | null }> = {};
  for (const t of INGESTED_TABLES) {
    const order = t === 'account_daily_stats' ? 'channel_account_id, day' : 'id';
    const [r] = (await db.query(`SELECT count(*)::int AS count, md5(string_agg((to_jsonb(t) - '{${NOT_OURS.join(',')}}'::text[])::text, '|' ORDER BY ${order})) AS md5 FROM ${t} t`)) as Array<{
      count: number;
      md5: string | null;
    }>;
    out[t] = r;
  }
  return out;
}

/**
 * Content of the ingested tables without surrogate ids and wall-clock stamps (which differ
 * between two databases or two runs): what a clean run and a killed-then-resumed run must share.
 */
export async function contentChecksums(db: DataSource): Promise<Record<string, { count: number; md5: string | null }>> {
  const queries: Record<string, string> = {
    // (pseudonyms are salted per workspace: not comparable across databases)
    authors: `SELECT concat_ws('|', platform, external_id, handle, display_name, followers) AS line FROM authors`,
    posts: `SELECT concat_ws('|', p.external_id, p.published_at, p.content_type, p.text, p.permalink, a.external_id,
                p.impressions, p.reach, p.reactions, p.comments, p.shares, p.saves, p.clicks, p.video_views,
                p.impressions_definition, p.source_metrics::text) AS line
            FROM posts p LEFT JOIN authors a ON a.id = p.author_id`,
    comments: `SELECT concat_ws('|', c.external_id, p.external_id, c.parent_external_id, a.external_id, c.is_from_brand, c.text,
                c.likes, c.published_at) AS line
               FROM comments c JOIN posts p ON p.id = c.post_id LEFT JOIN authors a ON a.id = c.author_id`,
    post_metric_snapshots: `SELECT concat_ws('|', p.external_id, s.impressions, s.reach, s.reactions, s.comments, s.shares, s.saves,
                s.clicks, s.video_views, s.impressions_definition) AS line
               FROM post_metric_snapshots s JOIN posts p ON p.id = s.post_id`,
    account_daily_stats: `SELECT concat_ws('|', day, followers, following, posts_count) AS line FROM account_daily_stats`,
  };
  const out: Record<string, { count: number; md5: string | null }> = {};
  for (const [t, q] of Object.entries(queries)) {
    const [r] = (await db.query(`SELECT count(*)::int AS count, md5(string_agg(line, E'\\n' ORDER BY line)) AS md5 FROM (${q}) x`)) as Array<{
      count: number;
      md5: string | null;
    }>;
    out[t] = r;
  }
  return out;
}

/** A workspace, a brand and a channel account inserted directly (writer-level tests). */
export async function seedAccount(
  db: DataSource,
  opts: { platform?: string; brandKind?: 'own' | 'competitor'; handle?: string; baseUrl?: string | null; workspaceId?: string } = {},
): Promise<{ workspaceId: string; brandId: string; channelAccountId: string }> {
  const workspaceId =
    opts.workspaceId ?? ((await db.query(`INSERT INTO workspaces (name) VALUES ('ingestion test') RETURNING id`)) as Array<{ id: string }>)[0].id;
  const [brand] = (await db.query(`INSERT INTO brands (workspace_id, name, kind) VALUES ($1, $2, $3) RETURNING id`, [
    workspaceId,
    `brand ${Math.random().toString(36).slice(2, 8)}`,
    opts.brandKind ?? 'own',
  ])) as Array<{ id: string }>;
  const [ca] = (await db.query(
    `INSERT INTO channel_accounts (workspace_id, brand_id, platform, handle, base_url) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [workspaceId, brand.id, opts.platform ?? 'facebook', opts.handle ?? 'page', opts.baseUrl ?? null],
  )) as Array<{ id: string }>;
  return { workspaceId, brandId: brand.id, channelAccountId: ca.id };
}
