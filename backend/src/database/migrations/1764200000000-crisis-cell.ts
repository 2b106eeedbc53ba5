import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Crisis cell (issue 15): crises opened from an alert or by hand, their cell (members with crisis
 * roles), the time-stamped events of their timeline (stage changes with reasons, checklist ticks,
 * statements), statements (draft → approved → posted), per-brand playbooks and per-workspace
 * crisis settings (roles, webhook, big-account threshold).
 */
export class CrisisCell1764200000000 implements MigrationInterface {
  name = 'CrisisCell1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE crisis_settings (
      workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
      roles text[] NOT NULL,
      webhook_url text,
      webhook_format text NOT NULL DEFAULT 'slack' CHECK (webhook_format IN ('slack', 'teams')),
      webhook_secret_encrypted bytea,
      big_account_followers int NOT NULL DEFAULT 10000 CHECK (big_account_followers > 0),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE crises (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      title text NOT NULL,
      brand_ids uuid[] NOT NULL,
      query_ids uuid[] NOT NULL,
      alert_id uuid REFERENCES alerts(id) ON DELETE SET NULL,
      stage text NOT NULL DEFAULT 'watch' CHECK (stage IN ('watch', 'active', 'contained', 'closed')),
      opened_by uuid REFERENCES users(id) ON DELETE SET NULL,
      opened_at timestamptz NOT NULL DEFAULT now(),
      stage_changed_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz
    )`);
    await q.query(`CREATE INDEX crises_workspace_idx ON crises (workspace_id, opened_at DESC)`);
    await q.query(`CREATE TABLE crisis_members (
      crisis_id uuid NOT NULL REFERENCES crises(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role text NOT NULL,
      added_by uuid REFERENCES users(id) ON DELETE SET NULL,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (crisis_id, user_id)
    )`);
    await q.query(`CREATE TABLE crisis_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      crisis_id uuid NOT NULL REFERENCES crises(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(),
      kind text NOT NULL,
      user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      payload jsonb NOT NULL DEFAULT '{}'
    )`);
    await q.query(`CREATE INDEX crisis_events_crisis_idx ON crisis_events (crisis_id, at, id)`);
    await q.query(`CREATE TABLE crisis_checklist_ticks (
      crisis_id uuid NOT NULL REFERENCES crises(id) ON DELETE CASCADE,
      item_id text NOT NULL,
      stage text NOT NULL,
      label text NOT NULL,
      ticked_by uuid REFERENCES users(id) ON DELETE SET NULL,
      ticked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (crisis_id, item_id)
    )`);
    await q.query(`CREATE TABLE crisis_statements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      crisis_id uuid NOT NULL REFERENCES crises(id) ON DELETE CASCADE,
      language text NOT NULL CHECK (language IN ('fr', 'en')),
      text text NOT NULL,
      status text NOT NULL DEFAULT 'pending_approval' CHECK (status IN ('pending_approval', 'approved', 'rejected', 'posting', 'posted')),
      submitted_by uuid REFERENCES users(id) ON DELETE SET NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      approved_by uuid REFERENCES users(id) ON DELETE SET NULL,
      approved_at timestamptz,
      posted_by uuid REFERENCES users(id) ON DELETE SET NULL,
      posted_at timestamptz,
      posted_via text CHECK (posted_via IN ('inbox_reply', 'manual')),
      inbox_item_id bigint,
      inbox_reply_id bigint,
      manual_url text
    )`);
    await q.query(`CREATE INDEX crisis_statements_crisis_idx ON crisis_statements (crisis_id, submitted_at)`);
    await q.query(`CREATE TABLE crisis_playbooks (
      brand_id uuid PRIMARY KEY REFERENCES brands(id) ON DELETE CASCADE,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      checklist jsonb NOT NULL DEFAULT '{}',
      statements jsonb NOT NULL DEFAULT '[]',
      updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['crisis_playbooks', 'crisis_statements', 'crisis_checklist_ticks', 'crisis_events', 'crisis_members', 'crises', 'crisis_settings']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
