import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface PlaybookItem {
  id: string;
  label: string;
}
export interface PlaybookStatement {
  id: string;
  language: 'fr' | 'en';
  title: string;
  text: string;
}
export type PlaybookChecklist = { watch: PlaybookItem[]; active: PlaybookItem[]; contained: PlaybookItem[]; closed: PlaybookItem[] };

export interface CrisisPlaybookRow {
  brandId: string;
  checklist: Partial<PlaybookChecklist>;
  statements: PlaybookStatement[];
  updatedAt: Date;
}

export interface CrisisSettingsRow {
  roles: string[];
  webhookUrl: string | null;
  webhookFormat: 'slack' | 'teams';
  bigAccountFollowers: number;
  hasWebhookSecret: boolean;
}

/** `crisis_playbooks` (per brand) and `crisis_settings` (per workspace). */
@Injectable()
export class CrisisPlaybooksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async ofBrands(workspaceId: string, brandIds: readonly string[]): Promise<CrisisPlaybookRow[]> {
    return (await this.db.query(
      `SELECT brand_id AS "brandId", checklist, statements, updated_at AS "updatedAt" FROM crisis_playbooks
        WHERE workspace_id = $1 AND brand_id = ANY($2::uuid[]) ORDER BY array_position($2::uuid[], brand_id)`,
      [workspaceId, brandIds],
    )) as CrisisPlaybookRow[];
  }

  async upsert(workspaceId: string, brandId: string, checklist: PlaybookChecklist, statements: PlaybookStatement[], userId: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO crisis_playbooks (brand_id, workspace_id, checklist, statements, updated_by) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5)
       ON CONFLICT (brand_id) DO UPDATE SET checklist = EXCLUDED.checklist, statements = EXCLUDED.statements, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [brandId, workspaceId, JSON.stringify(checklist), JSON.stringify(statements), userId],
    );
  }

  async settings(workspaceId: string): Promise<CrisisSettingsRow | undefined> {
    const [row] = (await this.db.query(
      `SELECT roles, webhook_url AS "webhookUrl", webhook_format AS "webhookFormat", big_account_followers AS "bigAccountFollowers",
              webhook_secret_encrypted IS NOT NULL AS "hasWebhookSecret"
         FROM crisis_settings WHERE workspace_id = $1`,
      [workspaceId],
    )) as CrisisSettingsRow[];
    return row;
  }

  /** `secret`: undefined keeps the sealed webhook secret, null removes it, a Buffer replaces it (sealed by the caller). */
  async saveSettings(workspaceId: string, s: Omit<CrisisSettingsRow, 'hasWebhookSecret'>, secret: Buffer | null | undefined): Promise<void> {
    await this.db.query(
      `INSERT INTO crisis_settings (workspace_id, roles, webhook_url, webhook_format, big_account_followers, webhook_secret_encrypted) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (workspace_id) DO UPDATE SET roles = EXCLUDED.roles, webhook_url = EXCLUDED.webhook_url,
         webhook_format = EXCLUDED.webhook_format, big_account_followers = EXCLUDED.big_account_followers,
         webhook_secret_encrypted = CASE WHEN $7 THEN crisis_settings.webhook_secret_encrypted ELSE EXCLUDED.webhook_secret_encrypted END, updated_at = now()`,
      [workspaceId, s.roles, s.webhookUrl, s.webhookFormat, s.bigAccountFollowers, secret ?? null, secret === undefined],
    );
  }

  async webhookSecret(workspaceId: string): Promise<Buffer | null> {
    const [row] = (await this.db.query(`SELECT webhook_secret_encrypted AS s FROM crisis_settings WHERE workspace_id = $1`, [workspaceId])) as Array<{ s: Buffer | null }>;
    return row?.s ?? null;
  }
}
