import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data protection: the audit log of admin/configuration actions, the erasure log (who asked,
 * when, how many rows per table — never whom), redaction markers on comments and mentions,
 * and erased authors kept as identity-less tombstones so a later sync cannot bring an erased
 * person's data back. Triggers enforce that last point whatever code path writes the rows.
 */
export class Privacy1763998847213 implements MigrationInterface {
  name = 'Privacy1763998847213';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        -- kept when the user is deleted: "who" must stay readable
        user_email text,
        via text CHECK (via IN ('session', 'token', 'system')),
        action text NOT NULL,
        target_type text,
        target_id text,
        status_code integer,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_log_workspace_idx ON audit_log (workspace_id, id DESC);

      CREATE TABLE erasure_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        -- rows touched per table; nothing that identifies the person
        counts jsonb NOT NULL
      );
      CREATE INDEX erasure_log_workspace_idx ON erasure_log (workspace_id, requested_at DESC);

      ALTER TABLE authors ADD COLUMN erased_at timestamptz;
      CREATE INDEX authors_erased_idx ON authors (id) WHERE erased_at IS NOT NULL;
      ALTER TABLE comments ADD COLUMN redacted_at timestamptz;
      ALTER TABLE mentions ADD COLUMN redacted_at timestamptz;
      CREATE INDEX comments_workspace_published_idx ON comments (workspace_id, published_at) WHERE redacted_at IS NULL;

      -- An erased author stays identity-less whatever an upsert brings.
      CREATE FUNCTION privacy_keep_author_erased() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.handle := NULL;
        NEW.display_name := NULL;
        NEW.followers := NULL;
        NEW.erased_at := OLD.erased_at;
        RETURN NEW;
      END $$;
      CREATE TRIGGER authors_keep_erased BEFORE UPDATE ON authors
        FOR EACH ROW WHEN (OLD.erased_at IS NOT NULL) EXECUTE FUNCTION privacy_keep_author_erased();

      -- A redacted comment stays redacted (and keeps its enrichment, so counts by sentiment and
      -- type do not move); a new comment by an erased author arrives redacted.
      CREATE FUNCTION privacy_redact_comment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.redacted_at IS NOT NULL THEN
          NEW.text := '';
          NEW.redacted_at := OLD.redacted_at;
          -- keep the enrichment made on the real text; a never-enriched row may still be enriched once
          NEW.enriched_at := coalesce(OLD.enriched_at, NEW.enriched_at);
          RETURN NEW;
        END IF;
        IF NEW.author_id IS NOT NULL AND NEW.redacted_at IS NULL
           AND EXISTS (SELECT 1 FROM authors a WHERE a.id = NEW.author_id AND a.erased_at IS NOT NULL) THEN
          NEW.text := '';
          NEW.redacted_at := now();
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER comments_redaction BEFORE INSERT OR UPDATE ON comments
        FOR EACH ROW EXECUTE FUNCTION privacy_redact_comment();

      CREATE FUNCTION privacy_redact_mention() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_OP = 'UPDATE' AND OLD.redacted_at IS NOT NULL)
           OR (NEW.author_external_id IS NOT NULL AND EXISTS (
                 SELECT 1 FROM authors a
                 WHERE a.workspace_id = NEW.workspace_id AND a.platform = NEW.platform
                   AND a.external_id = NEW.author_external_id AND a.erased_at IS NOT NULL)) THEN
          NEW.text := '';
          NEW.url := NULL;
          NEW.author_external_id := NULL;
          NEW.author_handle := NULL;
          NEW.author_name := NULL;
          NEW.redacted_at := coalesce(CASE WHEN TG_OP = 'UPDATE' THEN OLD.redacted_at END, now());
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER mentions_redaction BEFORE INSERT OR UPDATE ON mentions
        FOR EACH ROW EXECUTE FUNCTION privacy_redact_mention();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS mentions_redaction ON mentions;
      DROP TRIGGER IF EXISTS comments_redaction ON comments;
      DROP TRIGGER IF EXISTS authors_keep_erased ON authors;
      DROP FUNCTION IF EXISTS privacy_redact_mention(), privacy_redact_comment(), privacy_keep_author_erased();
      DROP INDEX IF EXISTS comments_workspace_published_idx;
      ALTER TABLE mentions DROP COLUMN IF EXISTS redacted_at;
      ALTER TABLE comments DROP COLUMN IF EXISTS redacted_at;
      DROP INDEX IF EXISTS authors_erased_idx;
      ALTER TABLE authors DROP COLUMN IF EXISTS erased_at;
      DROP TABLE IF EXISTS erasure_log, audit_log;
    `);
  }
}
