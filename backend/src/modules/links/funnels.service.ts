import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { inLocalDays } from '../../database/local-days';
import { KpiScopeResolver } from '../kpi/api/kpi-scope';
import { checkPeriod } from '../../common/http/day-period';
import { funnelRates, type FunnelCounts } from './funnel-steps';
import type { FunnelQueryDto } from './funnels.dto';

interface GroupRow {
  channel_account_id: string | null;
  platform: string | null;
  handle: string | null;
  channel: string | null;
  campaign: string | null;
}

const GROUP = 'l.channel_account_id, ca.platform, ca.handle, l.channel, l.campaign';
const keyOf = (r: GroupRow) => JSON.stringify([r.channel_account_id, r.channel, r.campaign]);

/**
 * Funnel per channel and campaign over local days [from, to]: impressions of the linked posts
 * published in the period (the KPI attribution rule) → tracked clicks in the period → unique
 * clicks (distinct visitor per UTC day) → conversions (+ value) in the period.
 */
@Injectable()
export class FunnelsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scopes: KpiScopeResolver,
  ) {}

  async funnel(workspaceId: string, q: FunnelQueryDto) {
    const { period } = checkPeriod(q.from, q.to);
    const scope = await this.scopes.resolve(workspaceId, q.brandId, q.channelAccountId);
    const params = [workspaceId, q.brandId, period.from, period.to, scope.timezone, q.campaign ?? null, scope.channelAccountId];
    const links = `tracked_links l LEFT JOIN channel_accounts ca ON ca.id = l.channel_account_id
      WHERE l.workspace_id = $1 AND l.brand_id = $2 AND ($6::text IS NULL OR l.campaign = $6)
        AND ($7::uuid IS NULL OR l.channel_account_id = $7)`;
    const [clicks, conversions, impressions] = (await Promise.all([
      this.db.query(
        `SELECT ${GROUP}, count(c.id)::int AS clicks,
           count(DISTINCT ((c.clicked_at AT TIME ZONE 'UTC')::date, c.visitor_hash))::int AS unique_clicks
         FROM ${links.replace('WHERE', `LEFT JOIN link_clicks c ON c.link_id = l.id AND ${inLocalDays('c.clicked_at', '$3', '$4', '$5')} WHERE`)}
         GROUP BY ${GROUP}`,
        params,
      ),
      this.db.query(
        `SELECT ${GROUP}, count(*)::int AS conversions, coalesce(sum(v.value), 0)::float8 AS value
         FROM ${links.replace('WHERE', 'JOIN conversions v ON v.link_id = l.id WHERE')}
           AND ${inLocalDays('v.occurred_at', '$3', '$4', '$5')}
         GROUP BY ${GROUP}`,
        params,
      ),
      this.db.query(
        `SELECT g.channel_account_id, g.channel, g.campaign, sum(p.impressions)::float8 AS impressions,
           count(p.impressions)::int AS known
         FROM (SELECT DISTINCT ${GROUP}, l.post_id FROM ${links} AND l.post_id IS NOT NULL) g
         JOIN posts p ON p.id = g.post_id AND p.workspace_id = $1
           AND ${inLocalDays('p.published_at', '$3', '$4', '$5')}
         GROUP BY 1, 2, 3`,
        params,
      ),
    ])) as [
      Array<GroupRow & { clicks: number; unique_clicks: number }>,
      Array<GroupRow & { conversions: number; value: number }>,
      Array<GroupRow & { impressions: number | null; known: number }>,
    ];
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
    const [{ unique_clicks: uniqueTotal }] = (await this.db.query(
      `SELECT count(DISTINCT ((c.clicked_at AT TIME ZONE 'UTC')::date, c.visitor_hash))::int AS unique_clicks
       FROM ${links.replace('WHERE', `JOIN link_clicks c ON c.link_id = l.id WHERE`)}
         AND ${inLocalDays('c.clicked_at', '$3', '$4', '$5')}`,
      params,
    )) as Array<{ unique_clicks: number }>;
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
