import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Veille: watch queries, listening (search cursors, RSS sources), mentions and which queries
 * matched them, alert rules, alerts and their deliveries. A mention is unique per
 * (workspace, platform, external id) so re-polling and re-matching never duplicate it.
 */
export class Veille1763967481523 implements MigrationInterface {
  name = 'Veille1763967481523';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE watch_queries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        brand_id uuid NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('brand', 'competitor', 'topic', 'influencer')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        query text NOT NULL CHECK (length(query) BETWEEN 1 AND 2000),
        active boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX watch_queries_workspace_idx ON watch_queries (workspace_id, brand_id);

      CREATE TABLE listening_sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        url text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        active boolean NOT NULL DEFAULT true,
        etag text,
        last_modified text,
        last_polled_at timestamptz,
        last_status text,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, url)
      );

      -- Incremental search: newest result seen per (query, platform, platform search string).
      CREATE TABLE listening_cursors (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        query_id uuid NOT NULL REFERENCES watch_queries(id) ON DELETE CASCADE,
        platform text NOT NULL,
        search_key text NOT NULL,
        newest_at timestamptz,
        newest_id text,
        last_polled_at timestamptz,
        last_error text,
        PRIMARY KEY (query_id, platform, search_key)
      );

      CREATE TABLE mentions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        platform text NOT NULL,
        source text NOT NULL,
        external_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('post', 'comment', 'article')),
        origin text NOT NULL CHECK (origin IN ('search', 'rss', 'channel')),
        text text NOT NULL DEFAULT '',
        url text,
        author_external_id text,
        author_handle text,
        author_name text,
        author_followers integer,
        reach integer,
        engagement integer,
        language text,
        sentiment text CHECK (sentiment IN ('positive', 'neutral', 'negative')),
        sentiment_score real,
        is_own_content boolean NOT NULL DEFAULT false,
        channel_account_id uuid REFERENCES channel_accounts(id) ON DELETE SET NULL,
        published_at timestamptz NOT NULL,
        matched_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, platform, external_id)
      );
      CREATE INDEX mentions_workspace_published_idx ON mentions (workspace_id, published_at DESC, id DESC);

      CREATE TABLE mention_matches (
        mention_id bigint NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        query_id uuid NOT NULL REFERENCES watch_queries(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        brand_id uuid NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
        -- copied from the mention: alert windows and share of voice count by these indexes only
        published_at timestamptz NOT NULL,
        matched_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (mention_id, query_id)
      );
      CREATE INDEX mention_matches_query_idx ON mention_matches (query_id, published_at);
      CREATE INDEX mention_matches_brand_idx ON mention_matches (brand_id, published_at);

      CREATE TABLE alert_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        brand_id uuid NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
        query_id uuid REFERENCES watch_queries(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        type text NOT NULL CHECK (type IN ('volume_spike', 'negative_surge', 'first_appearance', 'big_account')),
        params jsonb NOT NULL DEFAULT '{}'::jsonb,
        cooldown_minutes integer NOT NULL DEFAULT 60 CHECK (cooldown_minutes BETWEEN 0 AND 10080),
        recipients text[] NOT NULL DEFAULT '{}',
        webhook_url text,
        webhook_format text NOT NULL DEFAULT 'slack' CHECK (webhook_format IN ('slack', 'teams')),
        webhook_secret_encrypted bytea,
        active boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX alert_rules_workspace_idx ON alert_rules (workspace_id) WHERE active;

      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        rule_id uuid NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
        brand_id uuid NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
        query_id uuid REFERENCES watch_queries(id) ON DELETE SET NULL,
        type text NOT NULL,
        key text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
        title text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        count integer NOT NULL DEFAULT 0,
        occurrences integer NOT NULL DEFAULT 1,
        raised_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_by uuid REFERENCES users(id) ON DELETE SET NULL,
        acknowledged_at timestamptz,
        resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        resolved_at timestamptz
      );
      -- One live alert per rule and key: the evaluator updates it instead of raising another.
      CREATE UNIQUE INDEX alerts_live_key ON alerts (rule_id, key) WHERE status <> 'resolved';
      CREATE INDEX alerts_workspace_idx ON alerts (workspace_id, raised_at DESC);

      CREATE TABLE alert_deliveries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        target text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX alert_deliveries_alert_idx ON alert_deliveries (alert_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS alert_deliveries, alerts, alert_rules, mention_matches, mentions,
        listening_cursors, listening_sources, watch_queries CASCADE;
    `);
  }
}
