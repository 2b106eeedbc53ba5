import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BrandsService } from '../../brands/brands.service';
import { ChannelsService } from '../../channels/channels.service';

/** A brand (and optionally one of its channel accounts) checked against the workspace. */
export interface KpiScope {
  workspaceId: string;
  brandId: string;
  channelAccountId: string | null;
  timezone: string;
}

@Injectable()
export class KpiScopeResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly brands: BrandsService,
    private readonly channels: ChannelsService,
  ) {}

  /** 404 for a brand or channel account of another workspace (or of another brand). */
  async resolve(workspaceId: string, brandId: string, channelAccountId?: string | null): Promise<KpiScope> {
    await this.brands.get(workspaceId, brandId);
    if (channelAccountId) {
      const channel = await this.channels.get(workspaceId, channelAccountId);
      if (channel.brandId !== brandId) throw new NotFoundException('Channel account not found');
    }
    const [ws] = (await this.db.query('SELECT timezone FROM workspaces WHERE id = $1', [workspaceId])) as Array<{
      timezone: string;
    }>;
    if (!ws) throw new NotFoundException('Workspace not found');
    return { workspaceId, brandId, channelAccountId: channelAccountId ?? null, timezone: ws.timezone };
  }
}

/** `col` (timestamptz) between the start of local day `from` and the end of local day `to`. */
export function inLocalDays(col: string, fromParam: string, toParam: string, tzParam: string): string {
  return `${col} >= (${fromParam}::date::timestamp AT TIME ZONE ${tzParam})
    AND ${col} < ((${toParam}::date + 1)::timestamp AT TIME ZONE ${tzParam})`;
}
