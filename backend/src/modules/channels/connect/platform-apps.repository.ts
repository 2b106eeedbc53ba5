import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Platform } from '@vigie/contracts';

export interface PlatformAppRow {
  platform: Platform;
  clientId: string;
  clientSecretEncrypted: Buffer;
  baseUrl: string | null;
  updatedAt: Date;
}

export interface InstanceAppRow {
  clientId: string;
  clientSecretEncrypted: Buffer;
}

/**
 * `platform_apps` (the apps a workspace registered in the platforms' developer consoles) and
 * `instance_apps` (the apps Vigie registered itself on Mastodon instances, one per instance and
 * redirect URI). Secrets are sealed by the caller.
 */
@Injectable()
export class PlatformAppsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(workspaceId: string): Promise<PlatformAppRow[]> {
    return this.db.query(
      `SELECT platform, client_id AS "clientId", client_secret_encrypted AS "clientSecretEncrypted", base_url AS "baseUrl", updated_at AS "updatedAt"
         FROM platform_apps WHERE workspace_id = $1`,
      [workspaceId],
    ) as Promise<PlatformAppRow[]>;
  }

  async find(workspaceId: string, platform: Platform): Promise<PlatformAppRow | null> {
    const [row] = (await this.db.query(
      `SELECT platform, client_id AS "clientId", client_secret_encrypted AS "clientSecretEncrypted", base_url AS "baseUrl", updated_at AS "updatedAt"
         FROM platform_apps WHERE workspace_id = $1 AND platform = $2`,
      [workspaceId, platform],
    )) as PlatformAppRow[];
    return row ?? null;
  }

  async upsert(workspaceId: string, platform: Platform, clientId: string, clientSecretEncrypted: Buffer, baseUrl: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO platform_apps (workspace_id, platform, client_id, client_secret_encrypted, base_url)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (workspace_id, platform) DO UPDATE
         SET client_id = EXCLUDED.client_id, client_secret_encrypted = EXCLUDED.client_secret_encrypted,
             base_url = EXCLUDED.base_url, updated_at = now()`,
      [workspaceId, platform, clientId, clientSecretEncrypted, baseUrl],
    );
  }

  async delete(workspaceId: string, platform: Platform): Promise<void> {
    await this.db.query(`DELETE FROM platform_apps WHERE workspace_id = $1 AND platform = $2`, [workspaceId, platform]);
  }

  async findInstanceApp(platform: Platform, instanceUrl: string, redirectUri: string): Promise<InstanceAppRow | null> {
    const [row] = (await this.db.query(
      `SELECT client_id AS "clientId", client_secret_encrypted AS "clientSecretEncrypted"
         FROM instance_apps WHERE platform = $1 AND instance_url = $2 AND redirect_uri = $3`,
      [platform, instanceUrl, redirectUri],
    )) as InstanceAppRow[];
    return row ?? null;
  }

  /** First registration wins: two CMs registering on the same instance at once keep one app. */
  async saveInstanceApp(platform: Platform, instanceUrl: string, redirectUri: string, clientId: string, clientSecretEncrypted: Buffer): Promise<InstanceAppRow> {
    await this.db.query(
      `INSERT INTO instance_apps (platform, instance_url, redirect_uri, client_id, client_secret_encrypted)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [platform, instanceUrl, redirectUri, clientId, clientSecretEncrypted],
    );
    return (await this.findInstanceApp(platform, instanceUrl, redirectUri))!;
  }
}
