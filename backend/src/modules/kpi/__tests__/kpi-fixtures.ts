import type { DataSource } from 'typeorm';

/** Direct inserts for KPI tests (the ingestion writer is tested on its own). */
export async function insertBrand(db: DataSource, workspaceId: string, name: string): Promise<string> {
  const [row] = (await db.query(
    `INSERT INTO brands (workspace_id, name, kind) VALUES ($1, $2, 'own') RETURNING id`,
    [workspaceId, name],
  )) as Array<{ id: string }>;
  return row.id;
}

export async function insertAccount(
  db: DataSource,
  workspaceId: string,
  brandId: string,
  platform: string,
  handle: string,
): Promise<string> {
  const [row] = (await db.query(
    `INSERT INTO channel_accounts (workspace_id, brand_id, platform, handle) VALUES ($1, $2, $3, $4) RETURNING id`,
    [workspaceId, brandId, platform, handle],
  )) as Array<{ id: string }>;
  return row.id;
}

export interface PostFixture {
  externalId: string;
  publishedAt: string;
  contentType?: string;
  text?: string;
  impressions?: number | null;
  reach?: number | null;
  reactions?: number | null;
  comments?: number | null;
  shares?: number | null;
  saves?: number | null;
  clicks?: number | null;
  videoViews?: number | null;
  impressionsDefinition?: 'impressions' | 'views' | null;
}

export async function insertPosts(
  db: DataSource,
  target: { workspaceId: string; brandId: string; channelAccountId: string },
  posts: PostFixture[],
): Promise<string[]> {
  const col = <K extends keyof PostFixture>(k: K) => posts.map((p) => p[k] ?? null);
  const rows = (await db.query(
    `INSERT INTO posts (workspace_id, brand_id, channel_account_id, external_id, published_at, content_type, text,
       permalink, impressions, reach, reactions, comments, shares, saves, clicks, video_views, impressions_definition)
     SELECT $1, $2, $3, x.external_id, x.published_at, coalesce(x.content_type, 'other'), coalesce(x.text, ''),
       'https://example.test/p/' || x.external_id,
       x.impressions, x.reach, x.reactions, x.comments, x.shares, x.saves, x.clicks, x.video_views, x.def
     FROM unnest($4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::bigint[],
       $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[], $16::text[])
       AS x(external_id, published_at, content_type, text, impressions, reach, reactions, comments, shares, saves,
            clicks, video_views, def)
     RETURNING id`,
    [
      target.workspaceId,
      target.brandId,
      target.channelAccountId,
      col('externalId'),
      col('publishedAt'),
      col('contentType'),
      col('text'),
      col('impressions'),
      col('reach'),
      col('reactions'),
      col('comments'),
      col('shares'),
      col('saves'),
      col('clicks'),
      col('videoViews'),
      col('impressionsDefinition'),
    ],
  )) as Array<{ id: string }>;
  return rows.map((r) => String(r.id));
}

export async function insertFollowers(db: DataSource, channelAccountId: string, day: string, followers: number) {
  await db.query(
    `INSERT INTO account_daily_stats (channel_account_id, day, followers) VALUES ($1, $2, $3)
     ON CONFLICT (channel_account_id, day) DO UPDATE SET followers = EXCLUDED.followers`,
    [channelAccountId, day, followers],
  );
}
