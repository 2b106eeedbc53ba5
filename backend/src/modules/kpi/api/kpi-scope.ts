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
    const [row] = (await this.db.query(
      `SELECT w.timezone, b.id IS NOT NULL AS brand, ca.id IS NOT NULL AS channel, ca.brand_id AS channel_brand
       FROM workspaces w
       LEFT JOIN brands b ON b.workspace_id = w.id AND b.id = $2
       LEFT JOIN channel_accounts ca ON ca.workspace_id = w.id AND ca.id = $3
       WHERE w.id = $1`,
      [workspaceId, brandId, channelAccountId ?? null],
    )) as Array<{ timezone: string; brand: boolean; channel: boolean; channel_brand: string | null }>;
    if (!row) throw new NotFoundException('Workspace not found');
    if (!row.brand) throw new NotFoundException('Brand not found');
    if (channelAccountId && (!row.channel || row.channel_brand !== brandId)) {
      throw new NotFoundException('Channel account not found');
    }
    return { workspaceId, brandId, channelAccountId: channelAccountId ?? null, timezone: row.timezone };
  }
}

/** `col` (timestamptz) between the start of local day `from` and the end of local day `to`. */
export function inLocalDays(col: string, fromParam: string, toParam: string, tzParam: string): string {
  return `${col} >= (${fromParam}::date::timestamp AT TIME ZONE ${tzParam})
    AND ${col} < ((${toParam}::date + 1)::timestamp AT TIME ZONE ${tzParam})`;
}
