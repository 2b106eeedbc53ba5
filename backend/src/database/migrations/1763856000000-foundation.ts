import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation schema: tenancy (workspaces, users, memberships, sessions, API tokens), brands,
 * channel accounts and the ingested content (authors, posts, comments, metric snapshots,
 * account daily stats). Natural keys (channel account + external id) make ingestion upserts idempotent.
 */
export class Foundation1763856000000 implements MigrationInterface {
  name = 'Foundation1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        timezone text NOT NULL DEFAULT 'Europe/Paris',
        language text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL DEFAULT '',
        password_hash text NOT NULL,
        is_instance_admin boolean NOT NULL DEFAULT false,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (lower(email));

      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('admin', 'cm', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, user_id)
      );
      CREATE INDEX memberships_user_idx ON memberships (user_id);

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        csrf_token text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_user_idx ON sessions (user_id);

      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('admin', 'cm', 'viewer')),
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

      CREATE TABLE brands (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        kind text NOT NULL CHECK (kind IN ('own', 'competitor')),
        logo_url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, name)
      );

      CREATE TABLE channel_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        brand_id uuid NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
        platform text NOT NULL,
        handle text NOT NULL,
        external_id text,
        display_name text,
        base_url text,
        credentials_encrypted bytea,
        sync_cursor jsonb,
        status text NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'degraded', 'failing')),
        last_error text,
        last_error_at timestamptz,
        last_success_at timestamptz,
        last_sync_at timestamptz,
        consecutive_failures integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (brand_id, platform, handle)
      );
      CREATE INDEX channel_accounts_workspace_idx ON channel_accounts (workspace_id);

      CREATE TABLE authors (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        platform text NOT NULL,
        external_id text NOT NULL,
        handle text,
        display_name text,
        pseudonym text NOT NULL,
        followers integer,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, platform, external_id)
      );

      CREATE TABLE posts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        brand_id uuid NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
        channel_account_id uuid NOT NULL REFERENCES channel_accounts(id) ON DELETE CASCADE,
        external_id text NOT NULL,
        published_at timestamptz NOT NULL,
        content_type text NOT NULL DEFAULT 'other',
        text text NOT NULL DEFAULT '',
        permalink text,
        author_id bigint REFERENCES authors(id) ON DELETE SET NULL,
        impressions bigint, reach bigint, reactions bigint, comments bigint, shares bigint,
        saves bigint, clicks bigint, video_views bigint,
        impressions_definition text CHECK (impressions_definition IN ('impressions', 'views')),
        source_metrics jsonb,
        language text, sentiment text, sentiment_score real,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (channel_account_id, external_id)
      );
      CREATE INDEX posts_brand_published_idx ON posts (brand_id, published_at);
      CREATE INDEX posts_workspace_published_idx ON posts (workspace_id, published_at);

      CREATE TABLE comments (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        brand_id uuid NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
        channel_account_id uuid NOT NULL REFERENCES channel_accounts(id) ON DELETE CASCADE,
        post_id bigint NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        external_id text NOT NULL,
        parent_external_id text,
        author_id bigint REFERENCES authors(id) ON DELETE SET NULL,
        is_from_brand boolean NOT NULL DEFAULT false,
        text text NOT NULL DEFAULT '',
        likes integer,
        published_at timestamptz NOT NULL,
        language text, sentiment text, sentiment_score real,
        request_type text, request_reason text, toxic boolean,
        enriched_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (channel_account_id, external_id)
      );
      CREATE INDEX comments_brand_published_idx ON comments (brand_id, published_at);
      CREATE INDEX comments_post_idx ON comments (post_id);
      CREATE INDEX comments_unenriched_idx ON comments (id) WHERE enriched_at IS NULL;

      CREATE TABLE post_metric_snapshots (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        post_id bigint NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        captured_at timestamptz NOT NULL,
        impressions bigint, reach bigint, reactions bigint, comments bigint, shares bigint,
        saves bigint, clicks bigint, video_views bigint,
        impressions_definition text
      );
      CREATE INDEX post_metric_snapshots_post_idx ON post_metric_snapshots (post_id, captured_at);

      CREATE TABLE account_daily_stats (
        channel_account_id uuid NOT NULL REFERENCES channel_accounts(id) ON DELETE CASCADE,
        day date NOT NULL,
        followers integer,
        following integer,
        posts_count integer,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel_account_id, day)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS account_daily_stats, post_metric_snapshots, comments, posts, authors,
        channel_accounts, brands, api_tokens, sessions, memberships, users, workspaces CASCADE;
    `);
  }
}
