import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answering from the inbox (issue 13 point 3): the replies sent (or waiting for approval) through
 * the platforms, saved replies (templates), who is drafting an answer right now (collision
 * warning), and the workspace switch that makes viewers' replies wait for a cm/admin.
 */
export class InboxAnswers1764100000000 implements MigrationInterface {
  name = 'InboxAnswers1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workspaces ADD COLUMN replies_need_approval boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE TABLE inbox_replies (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      item_id bigint NOT NULL REFERENCES inbox_items(id) ON DELETE CASCADE,
      author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      text text NOT NULL,
      idempotency_key uuid NOT NULL,
      saved_reply_id uuid,
      status text NOT NULL CHECK (status IN ('pending_approval', 'sending', 'sent', 'failed', 'rejected')),
      platform_external_id text,
      error_code text,
      error_message text,
      approved_by uuid REFERENCES users(id) ON DELETE SET NULL,
      approved_at timestamptz,
      sending_since timestamptz,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (workspace_id, idempotency_key)
    )`);
    await q.query(`CREATE INDEX inbox_replies_item_idx ON inbox_replies (item_id, created_at)`);
    await q.query(`CREATE TABLE saved_replies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      brand_id uuid REFERENCES brands(id) ON DELETE CASCADE,
      language text NOT NULL CHECK (language IN ('fr', 'en')),
      title text NOT NULL,
      body text NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX saved_replies_workspace_idx ON saved_replies (workspace_id, title)`);
    await q.query(`CREATE TABLE inbox_drafting (
      item_id bigint NOT NULL REFERENCES inbox_items(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      since timestamptz NOT NULL DEFAULT now(),
      seen_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (item_id, user_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inbox_drafting`);
    await q.query(`DROP TABLE saved_replies`);
    await q.query(`DROP TABLE inbox_replies`);
    await q.query(`ALTER TABLE workspaces DROP COLUMN replies_need_approval`);
  }
}
