import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ingestion: a sync lease per channel account (one run at a time, freed on expiry when a worker
 * dies), the account kind ('import' accounts are filled by CSV imports and never synced), and
 * CSV imports with their uploaded file kept in 1 MB chunks so any worker process can read it.
 */
export class Ingestion1763857311000 implements MigrationInterface {
  name = 'Ingestion1763857311000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE channel_accounts
        ADD COLUMN sync_lease_until timestamptz,
        ADD COLUMN kind text NOT NULL DEFAULT 'api' CHECK (kind IN ('api', 'import'));

      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        brand_id uuid NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
        channel_account_id uuid REFERENCES channel_accounts(id) ON DELETE SET NULL,
        format text NOT NULL,
        filename text NOT NULL DEFAULT '',
        size_bytes bigint NOT NULL DEFAULT 0,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        progress real NOT NULL DEFAULT 0,
        rows_total integer NOT NULL DEFAULT 0,
        rows_imported integer NOT NULL DEFAULT 0,
        rows_skipped integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]'::jsonb,
        notes jsonb NOT NULL DEFAULT '[]'::jsonb,
        failure text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      CREATE INDEX imports_workspace_idx ON imports (workspace_id, created_at);

      CREATE TABLE import_chunks (
        import_id uuid NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (import_id, seq)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS import_chunks, imports;
      ALTER TABLE channel_accounts DROP COLUMN IF EXISTS sync_lease_until, DROP COLUMN IF EXISTS kind;
    `);
  }
}
