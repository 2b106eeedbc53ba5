import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** A row of conversions: unique per (workspace_id, event_id). */
export interface ConversionRow {
  id: string;
  workspace_id: string;
  link_id: string;
  click_id: string | null;
  event_id: string;
  value: number | null;
  currency: string | null;
  occurred_at: Date;
  source: 'webhook' | 'csv';
}

/** A row of conversion_webhook_secrets (the secret sealed with the app's SecretBox). */
export interface ConversionWebhookSecretRow {
  workspace_id: string;
  secret_encrypted: Buffer;
  rotated_at: Date;
}

/** conversions and conversion_webhook_secrets. */
@Injectable()
export class ConversionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The new conversion's id, or null when (workspace, eventId) is already recorded. */
  async insert(c: Omit<ConversionRow, 'id'>): Promise<string | null> {
    const rows = (await this.db.query(
      `INSERT INTO conversions (workspace_id, link_id, click_id, event_id, value, currency, occurred_at, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (workspace_id, event_id) DO NOTHING RETURNING id`,
      [c.workspace_id, c.link_id, c.click_id, c.event_id, c.value, c.currency, c.occurred_at, c.source],
    )) as Array<{ id: string }>;
    return rows[0]?.id ?? null;
  }

  async findIdByEvent(workspaceId: string, eventId: string): Promise<string | null> {
    const [existing] = (await this.db.query('SELECT id FROM conversions WHERE workspace_id = $1 AND event_id = $2', [
      workspaceId,
      eventId,
    ])) as Array<Pick<ConversionRow, 'id'>>;
    return existing?.id ?? null;
  }

  async webhookSecret(workspaceId: string): Promise<Buffer | null> {
    const [row] = (await this.db.query('SELECT secret_encrypted FROM conversion_webhook_secrets WHERE workspace_id = $1', [
      workspaceId,
    ])) as Array<Pick<ConversionWebhookSecretRow, 'secret_encrypted'>>;
    return row?.secret_encrypted ?? null;
  }

  /** First secret of the workspace; keeps one another request stored meanwhile. */
  async insertWebhookSecret(workspaceId: string, sealed: Buffer): Promise<void> {
    await this.db.query(
      `INSERT INTO conversion_webhook_secrets (workspace_id, secret_encrypted) VALUES ($1, $2)
       ON CONFLICT (workspace_id) DO NOTHING`,
      [workspaceId, sealed],
    );
  }

  async rotateWebhookSecret(workspaceId: string, sealed: Buffer): Promise<void> {
    await this.db.query(
      `INSERT INTO conversion_webhook_secrets (workspace_id, secret_encrypted) VALUES ($1, $2)
       ON CONFLICT (workspace_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, rotated_at = now()`,
      [workspaceId, sealed],
    );
  }

  async webhookSecretRotatedAt(workspaceId: string): Promise<Date> {
    const [row] = (await this.db.query('SELECT rotated_at FROM conversion_webhook_secrets WHERE workspace_id = $1', [
      workspaceId,
    ])) as Array<Pick<ConversionWebhookSecretRow, 'rotated_at'>>;
    return row.rotated_at;
  }
}
