import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { inLocalDays } from '../../database/local-days';
import type { KpiContribution, KpiContributionQuery, KpiContributor } from '../kpi/contributors/kpi-contributor';

/**
 * Tracked-link clicks and conversions of the brand's links, dated by the click / the
 * conversion (local days). Filtered on a channel account: the links created for it.
 * Conversion values are summed as given (no currency conversion).
 */
@Injectable()
export class TrackedLinksContributor implements KpiContributor {
  readonly name = 'tracked-links';

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async contribute(q: KpiContributionQuery): Promise<KpiContribution> {
    return (await this.contributeAll([q]))[0];
  }

  async contributeAll(queries: readonly KpiContributionQuery[]): Promise<KpiContribution[]> {
    if (queries.length === 0) return [];
    const q = queries[0];
    const params = [q.workspaceId, q.brandId, queries.map((x) => x.from), queries.map((x) => x.to), q.channelAccountId, q.timezone];
    const links = `SELECT id FROM tracked_links WHERE workspace_id = $1 AND brand_id = $2
      AND ($5::uuid IS NULL OR channel_account_id = $5)`;
    const rows = (await this.db.query(
      `SELECT k.i::int AS i,
         (SELECT count(*)::int FROM link_clicks c WHERE c.link_id IN (${links})
            AND ${inLocalDays('c.clicked_at', 'k.from_day', 'k.to_day', '$6')}) AS clicks,
         (SELECT count(*)::int FROM conversions v WHERE v.link_id IN (${links})
            AND ${inLocalDays('v.occurred_at', 'k.from_day', 'k.to_day', '$6')}) AS conversions,
         (SELECT coalesce(sum(v.value), 0)::float8 FROM conversions v WHERE v.link_id IN (${links})
            AND ${inLocalDays('v.occurred_at', 'k.from_day', 'k.to_day', '$6')}) AS value
       FROM unnest($3::date[], $4::date[]) WITH ORDINALITY AS k(from_day, to_day, i)
       ORDER BY 1`,
      params,
    )) as Array<{ i: number; clicks: number; conversions: number; value: number }>;
    return rows.map((row) => ({
      counts: { trackedLinkClicks: row.clicks, conversions: row.conversions, conversionValue: row.value },
    }));
  }
}
