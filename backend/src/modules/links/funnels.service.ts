import { Injectable } from '@nestjs/common';
import { checkPeriod } from '../../common/http/day-period';
import { KpiScopeResolver } from '../kpi/api/kpi-scope';
import { funnelRates, type FunnelCounts } from './funnel-steps';
import type { FunnelQueryDto } from './funnels.dto';
import { FunnelsRepository, type FunnelFilter, type FunnelGroupRow } from './funnels.repository';

const keyOf = (r: Pick<FunnelGroupRow, 'channel_account_id' | 'channel' | 'campaign'>) =>
  JSON.stringify([r.channel_account_id, r.channel, r.campaign]);

/**
 * Funnel per channel and campaign over local days [from, to]: impressions of the linked posts
 * published in the period (the KPI attribution rule) → tracked clicks in the period → unique
 * clicks (distinct visitor per UTC day) → conversions (+ value) in the period.
 */
@Injectable()
export class FunnelsService {
  constructor(
    private readonly repo: FunnelsRepository,
    private readonly scopes: KpiScopeResolver,
  ) {}

  async funnel(workspaceId: string, q: FunnelQueryDto) {
    const { period } = checkPeriod(q.from, q.to);
    const scope = await this.scopes.resolve(workspaceId, q.brandId, q.channelAccountId);
    const filter: FunnelFilter = {
      workspaceId,
      brandId: q.brandId,
      from: period.from,
      to: period.to,
      timezone: scope.timezone,
      campaign: q.campaign ?? null,
      channelAccountId: scope.channelAccountId,
    };
    const [clicks, conversions, impressions] = await Promise.all([
      this.repo.clicks(filter),
      this.repo.conversions(filter),
      this.repo.impressions(filter),
    ]);
    const conv = new Map(conversions.map((r) => [keyOf(r), r]));
    const impr = new Map(impressions.map((r) => [keyOf(r), r]));
    const rows = clicks.map((g) => {
      const i = impr.get(keyOf(g));
      const v = conv.get(keyOf(g));
      const counts: FunnelCounts = {
        impressions: i && i.known > 0 ? Number(i.impressions) : null,
        clicks: g.clicks,
        uniqueClicks: g.unique_clicks,
        conversions: v?.conversions ?? 0,
        conversionValue: v?.value ?? 0,
      };
      return {
        channelAccountId: g.channel_account_id,
        platform: g.platform,
        handle: g.handle,
        channel: g.channel ?? g.platform,
        campaign: g.campaign,
        ...counts,
        ...funnelRates(counts),
      };
    });
    rows.sort((a, b) => b.clicks - a.clicks || String(a.campaign).localeCompare(String(b.campaign)));
    const sum = (pick: (r: FunnelCounts) => number | null) => {
      const known = rows.map(pick).filter((x): x is number => x !== null);
      return known.length ? known.reduce((s, x) => s + x, 0) : null;
    };
    // Unique visitors are not additive across groups: count them once over all the links.
    const uniqueTotal = await this.repo.uniqueClicks(filter);
    const totals: FunnelCounts = {
      impressions: sum((r) => r.impressions),
      clicks: sum((r) => r.clicks) ?? 0,
      uniqueClicks: uniqueTotal,
      conversions: sum((r) => r.conversions) ?? 0,
      conversionValue: sum((r) => r.conversionValue) ?? 0,
    };
    return { period, timezone: scope.timezone, rows, totals: { ...totals, ...funnelRates(totals) } };
  }
}
