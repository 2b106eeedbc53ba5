import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Connecting accounts by consent (issue 13): OAuth attempts (PKCE verifier sealed, single use,
 * 10-minute life, bound to the session and workspace), the platform apps a workspace registers
 * (secret sealed), the apps Vigie registered on Mastodon instances, and on channel accounts the
 * token expiry the token keeper refreshes before and the `reconnect_needed` status.
 */
export class ChannelConnect1764090000000 implements MigrationInterface {
  name = 'ChannelConnect1764090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE channel_accounts DROP CONSTRAINT IF EXISTS channel_accounts_status_check`);
    await q.query(`ALTER TABLE channel_accounts ADD CONSTRAINT channel_accounts_status_check
      CHECK (status IN ('ok', 'degraded', 'failing', 'reconnect_needed'))`);
    await q.query(`ALTER TABLE channel_accounts
      ADD COLUMN token_expires_at timestamptz,
      ADD COLUMN connected_via text CHECK (connected_via IN ('token', 'oauth', 'app-password'))`);
    await q.query(`UPDATE channel_accounts SET connected_via = 'token' WHERE credentials_encrypted IS NOT NULL`);
    // The token keeper's scan: accounts whose token expires soon.
    await q.query(`CREATE INDEX channel_accounts_token_expiry_idx ON channel_accounts (token_expires_at)
      WHERE token_expires_at IS NOT NULL AND status <> 'reconnect_needed'`);

    await q.query(`CREATE TABLE connect_attempts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      brand_id uuid NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      session_id uuid NOT NULL,
      platform text NOT NULL,
      redirect_uri text NOT NULL,
      instance_url text,
      verifier_encrypted bytea NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'consented', 'denied', 'failed', 'completed')),
      error text,
      candidates_encrypted bytea,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX connect_attempts_workspace_idx ON connect_attempts (workspace_id, created_at DESC)`);

    await q.query(`CREATE TABLE platform_apps (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      platform text NOT NULL,
      client_id text NOT NULL,
      client_secret_encrypted bytea NOT NULL,
      base_url text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, platform)
    )`);

    await q.query(`CREATE TABLE instance_apps (
      platform text NOT NULL,
      instance_url text NOT NULL,
      redirect_uri text NOT NULL,
      client_id text NOT NULL,
      client_secret_encrypted bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (platform, instance_url, redirect_uri)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE instance_apps`);
    await q.query(`DROP TABLE platform_apps`);
    await q.query(`DROP TABLE connect_attempts`);
    await q.query(`DROP INDEX channel_accounts_token_expiry_idx`);
    await q.query(`ALTER TABLE channel_accounts DROP COLUMN connected_via, DROP COLUMN token_expires_at`);
    await q.query(`UPDATE channel_accounts SET status = 'failing' WHERE status = 'reconnect_needed'`);
    await q.query(`ALTER TABLE channel_accounts DROP CONSTRAINT channel_accounts_status_check`);
    await q.query(`ALTER TABLE channel_accounts ADD CONSTRAINT channel_accounts_status_check CHECK (status IN ('ok', 'degraded', 'failing'))`);
  }
}
