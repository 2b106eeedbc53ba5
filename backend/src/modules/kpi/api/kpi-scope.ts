import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** A brand (and optionally one of its channel accounts) checked against the workspace. */
export interface KpiScope {
  workspaceId: string;
  brandId: string;
  channelAccountId: string | null;
  timezone: string;
}

@Injectable()
export class KpiScopeResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * 404 for a brand or channel account of another workspace (or of another brand). One
   * round trip: every dashboard request starts here.
   */
  async resolve(workspaceId: string, brandId: string, channelAccountId?: string | null): Promise<KpiScope> {
    return (await this.resolveWith(workspaceId, brandId, channelAccountId, false)).scope;
  }

  /**
   * resolve() plus, in the same round trip, the brand's rollup version (kpi_rollup_versions, 0
   * before its first rollup) and its channel accounts (all, or the filtered one), in order.
   */
  resolveWithRollupState(workspaceId: string, brandId: string, channelAccountId?: string | null) {
    return this.resolveWith(workspaceId, brandId, channelAccountId, true);
  }

  private async resolveWith(workspaceId: string, brandId: string, channelAccountId: string | null | undefined, state: boolean) {
    const rollupState = `, coalesce((SELECT v.version FROM kpi_rollup_versions v WHERE v.brand_id = b.id), 0)::text AS version,
      coalesce((SELECT json_agg(json_build_object('id', x.id, 'platform', x.platform, 'handle', x.handle) ORDER BY x.created_at, x.id)
        FROM channel_accounts x WHERE x.workspace_id = w.id AND x.brand_id = b.id AND ($3::uuid IS NULL OR x.id = $3)), '[]') AS channels`;
    const [row] = (await this.db.query(
      `SELECT w.timezone, b.id IS NOT NULL AS brand, ca.id IS NOT NULL AS channel, ca.brand_id AS channel_brand
         ${state ? rollupState : ''}
       FROM workspaces w
       LEFT JOIN brands b ON b.workspace_id = w.id AND b.id = $2
       LEFT JOIN channel_accounts ca ON ca.workspace_id = w.id AND ca.id = $3
       WHERE w.id = $1`,
      [workspaceId, brandId, channelAccountId ?? null],
    )) as Array<{
      timezone: string;
      brand: boolean;
      channel: boolean;
      channel_brand: string | null;
      version?: string;
      channels?: Array<{ id: string; platform: string; handle: string }>;
    }>;
    if (!row) throw new NotFoundException('Workspace not found');
    if (!row.brand) throw new NotFoundException('Brand not found');
    if (channelAccountId && (!row.channel || row.channel_brand !== brandId)) {
      throw new NotFoundException('Channel account not found');
    }
    const scope: KpiScope = { workspaceId, brandId, channelAccountId: channelAccountId ?? null, timezone: row.timezone };
    return { scope, version: row.version ?? '0', channels: row.channels ?? [] };
  }
}

/** `col` (timestamptz) between the start of local day `from` and the end of local day `to` (moved to database/). */
export { inLocalDays } from '../../../database/local-days';
