import { Injectable } from '@nestjs/common';
import { checkedScope } from '../../channels/channels.service';
import { KpiReadsRepository, type KpiChannelRow, type KpiScope, type KpiScopeRow } from '../kpi-reads.repository';

export type { KpiScope } from '../kpi-reads.repository';

@Injectable()
export class KpiScopeResolver {
  constructor(private readonly reads: KpiReadsRepository) {}

  /**
   * 404 for a brand or channel account of another workspace (or of another brand). One
   * round trip: every dashboard request starts here.
   */
  async resolve(workspaceId: string, brandId: string, channelAccountId?: string | null): Promise<KpiScope> {
    return (await this.resolveWith(workspaceId, brandId, channelAccountId, false)).scope;
  }

  /**
   * resolve() plus, in the same round trip, the brand's rollup version (kpi_rollup_versions, 0
   * before its first rollup), its activity version and kind (what the comment-derived
   * contributions depend on), its sources version (followers, links, share of voice) and its
   * channel accounts (all, or the filtered one), in order.
   */
  resolveWithRollupState(workspaceId: string, brandId: string, channelAccountId?: string | null) {
    return this.resolveWith(workspaceId, brandId, channelAccountId, true);
  }

  private async resolveWith(
    workspaceId: string,
    brandId: string,
    channelAccountId: string | null | undefined,
    state: boolean,
  ): Promise<{
    scope: KpiScope;
    version: string;
    activity: { version: string; brandKind: string | null };
    /** Version of the other inputs kept between requests (followers, tracked links, share of voice). */
    sources: string;
    channels: KpiChannelRow[];
  }> {
    const found = await this.reads.scope(workspaceId, brandId, channelAccountId ?? null, state);
    const scope: KpiScope = checkedScope(found, workspaceId, brandId, channelAccountId);
    const row = found as KpiScopeRow; // checkedScope threw unless the workspace was found
    return {
      scope,
      version: row.version ?? '0',
      activity: { version: row.activity_version ?? '0', brandKind: row.brand_kind ?? null },
      sources: row.sources_version ?? '0',
      channels: row.channels ?? [],
    };
  }
}
