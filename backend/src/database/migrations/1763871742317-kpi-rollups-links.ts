import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KPI engine: daily rollups of post metrics (per channel account × local day × content type,
 * and per local day × hour for the heatmap), the post → rollup-day map used to fix the old day
 * when a post moves, tracked links, their clicks, conversions and the per-workspace webhook
 * secret. `<metric>_known` columns count the posts where the platform gave the metric, so a
 * period total can be told apart from "not provided" (NULL) and "partly provided".
 */
export class KpiRollupsLinks1763871742317 implements MigrationInterface {
  name = 'KpiRollupsLinks1763871742317';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kpi_daily_rollups (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        brand_id uuid NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
        channel_account_id uuid NOT NULL REFERENCES channel_accounts(id) ON DELETE CASCADE,
        day date NOT NULL,
        content_type text NOT NULL,
        posts integer NOT NULL,
        impressions bigint NOT NULL DEFAULT 0, impressions_known integer NOT NULL DEFAULT 0,
        reach bigint NOT NULL DEFAULT 0, reach_known integer NOT NULL DEFAULT 0,
        reactions bigint NOT NULL DEFAULT 0, reactions_known integer NOT NULL DEFAULT 0,
        comments bigint NOT NULL DEFAULT 0, comments_known integer NOT NULL DEFAULT 0,
        shares bigint NOT NULL DEFAULT 0, shares_known integer NOT NULL DEFAULT 0,
        saves bigint NOT NULL DEFAULT 0, saves_known integer NOT NULL DEFAULT 0,
        clicks bigint NOT NULL DEFAULT 0, clicks_known integer NOT NULL DEFAULT 0,
        video_views bigint NOT NULL DEFAULT 0, video_views_known integer NOT NULL DEFAULT 0,
        -- posts whose impressions were measured with Meta's pre-2025 / post-2025 definition
        impressions_era_impressions integer NOT NULL DEFAULT 0,
        impressions_era_views integer NOT NULL DEFAULT 0,
        PRIMARY KEY (channel_account_id, day, content_type)
      );
      CREATE INDEX kpi_daily_rollups_brand_day_idx ON kpi_daily_rollups (brand_id, day);

      -- Heatmap input: one row per account and local day, with parallel arrays over the hours
      -- that had posts (24× fewer rows than one per hour: the heatmap reads days, not hours).
      CREATE TABLE kpi_hourly_rollups (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        brand_id uuid NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
        channel_account_id uuid NOT NULL REFERENCES channel_accounts(id) ON DELETE CASCADE,
        day date NOT NULL,
        hours smallint[] NOT NULL,
        posts integer[] NOT NULL,
        interactions bigint[] NOT NULL,
        reach bigint[] NOT NULL,
        PRIMARY KEY (channel_account_id, day)
      );
      CREATE INDEX kpi_hourly_rollups_brand_day_idx ON kpi_hourly_rollups (brand_id, day);

      -- Where each post was last counted; no FK so a deleted post's old day can still be fixed.
      CREATE TABLE kpi_rollup_post_days (
        post_id bigint PRIMARY KEY,
        channel_account_id uuid NOT NULL,
        day date NOT NULL
      );

      CREATE TABLE tracked_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        brand_id uuid NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
        channel_account_id uuid REFERENCES channel_accounts(id) ON DELETE SET NULL,
        post_id bigint REFERENCES posts(id) ON DELETE SET NULL,
        code text NOT NULL UNIQUE,
        target_url text NOT NULL,
        campaign text,
        channel text,
        created_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz
      );
      CREATE INDEX tracked_links_workspace_idx ON tracked_links (workspace_id, brand_id);

      CREATE TABLE link_clicks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        link_id uuid NOT NULL REFERENCES tracked_links(id) ON DELETE CASCADE,
        clicked_at timestamptz NOT NULL DEFAULT now(),
        referrer_class text NOT NULL CHECK (referrer_class IN ('social', 'search', 'direct', 'email', 'other')),
        -- sha256(daily salt || ip || user agent): counts unique visitors per day, never the IP
        visitor_hash text NOT NULL
      );
      CREATE INDEX link_clicks_link_time_idx ON link_clicks (link_id, clicked_at);

      -- Random salt per UTC day, deleted after 2 days: old hashes can no longer be linked to an IP.
      CREATE TABLE link_click_salts (
        day date PRIMARY KEY,
        salt bytea NOT NULL
      );

      CREATE TABLE conversions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        link_id uuid NOT NULL REFERENCES tracked_links(id) ON DELETE CASCADE,
        click_id uuid REFERENCES link_clicks(id) ON DELETE SET NULL,
        event_id text NOT NULL,
        value numeric(14, 2),
        currency text,
        occurred_at timestamptz NOT NULL,
        source text NOT NULL CHECK (source IN ('webhook', 'csv')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, event_id)
      );
      CREATE INDEX conversions_link_time_idx ON conversions (link_id, occurred_at);

      CREATE TABLE conversion_webhook_secrets (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
        secret_encrypted bytea NOT NULL,
        rotated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS conversion_webhook_secrets, conversions, link_click_salts, link_clicks,
        tracked_links, kpi_rollup_post_days, kpi_hourly_rollups, kpi_daily_rollups CASCADE;
    `);
  }
}
