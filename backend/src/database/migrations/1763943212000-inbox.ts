import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Community inbox: one triage item per community comment of an own brand's channel, the
 * workspace's services (SAV, commercial, RH, communication…), notes, and the type corrections
 * CMs make (exported to grow the request-type eval set). Also the indexes enrichment needs:
 * unenriched posts, and brand replies looked up by their parent's external id.
 */
export class Inbox1763943212000 implements MigrationInterface {
  name = 'Inbox1763943212000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        email text,
        kind text NOT NULL CHECK (kind IN ('sav', 'commercial', 'rh', 'communication', 'other')),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- soft delete: items assigned earlier keep their service for history and per-service KPIs
        archived_at timestamptz
      );
      CREATE INDEX services_workspace_idx ON services (workspace_id);
      CREATE UNIQUE INDEX services_workspace_name_key ON services (workspace_id, lower(name)) WHERE archived_at IS NULL;

      CREATE TABLE inbox_items (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        -- copies of the comment's brand and channel, without foreign keys of their own: deleting a
        -- brand or channel deletes its comments, which cascades here (and saves two checks a row)
        brand_id uuid NOT NULL,
        channel_account_id uuid NOT NULL,
        comment_id bigint NOT NULL UNIQUE REFERENCES comments(id) ON DELETE CASCADE,
        -- copy of comments.published_at: the list is paged on it without a join
        published_at timestamptz NOT NULL,
        -- effective type: the CM's correction when there is one, else the classifier's
        type text NOT NULL,
        type_override text,
        needs_attention boolean NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'assigned', 'answered', 'ignored')),
        service_id uuid REFERENCES services(id) ON DELETE SET NULL,
        assigned_at timestamptz,
        answered_at timestamptz,
        first_response_minutes double precision,
        -- 'platform_reply' (a brand reply was ingested) or the id of the user who marked it answered
        answered_by text,
        ignored_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX inbox_items_list_idx ON inbox_items (workspace_id, published_at DESC, id DESC);
      CREATE INDEX inbox_items_brand_idx ON inbox_items (brand_id, published_at);

      CREATE TABLE inbox_notes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        item_id bigint NOT NULL REFERENCES inbox_items(id) ON DELETE CASCADE,
        author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX inbox_notes_item_idx ON inbox_notes (item_id, created_at);

      CREATE TABLE type_corrections (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        item_id bigint NOT NULL REFERENCES inbox_items(id) ON DELETE CASCADE,
        from_type text NOT NULL,
        to_type text NOT NULL,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX type_corrections_workspace_idx ON type_corrections (workspace_id, id);

      CREATE INDEX posts_unenriched_idx ON posts (id) WHERE language IS NULL;
      CREATE INDEX comments_parent_idx ON comments (channel_account_id, parent_external_id)
        WHERE parent_external_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS comments_parent_idx;
      DROP INDEX IF EXISTS posts_unenriched_idx;
      DROP TABLE IF EXISTS type_corrections, inbox_notes, inbox_items, services CASCADE;
    `);
  }
}
