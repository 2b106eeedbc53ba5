import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CountKey } from '@vigie/kpi';
import type { DataSource } from 'typeorm';
import type { KpiContribution, KpiContributionQuery, KpiContributor } from '../kpi/contributors/kpi-contributor';
import { REQUEST_TYPES_SQL } from './attention-rules';
import { DAY_END_SQL, DAY_START_SQL } from './day-range';

/**
 * Feeds the KPI API with communityRequests, communityRequestsAnswered and the first-response
 * minutes (→ responseRate, medianFirstResponseMinutes, p90FirstResponseMinutes), with the same
 * rules as GET …/inbox/stats. Sentiment counts come from the KPI module's own contributor.
 * Competitor brands have no inbox: their keys stay absent (missing), not zero.
 */
@Injectable()
export class InboxKpiContributor implements KpiContributor {
  readonly name = 'inbox-responses';

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async contribute(q: KpiContributionQuery): Promise<KpiContribution> {
    const params = [q.workspaceId, q.brandId, q.channelAccountId, q.from, q.to, q.timezone];
    const inPeriod = (alias: string) => `${alias}.workspace_id = $1 AND ${alias}.brand_id = $2
      AND ($3::uuid IS NULL OR ${alias}.channel_account_id = $3)
      AND ${alias}.published_at >= ${DAY_START_SQL('$4', '$6')} AND ${alias}.published_at < ${DAY_END_SQL('$5', '$6')}`;
    // Counts and the answered items' minutes only (not one JSON pair per request): an
    // index-only scan of inbox_items_requests_idx, whose predicate is exactly this type list.
    const [row] = (await this.ds.query(
      `SELECT b.kind,
         (SELECT count(*)::int FROM comments c WHERE ${inPeriod('c')} AND NOT c.is_from_brand AND c.enriched_at IS NULL) AS unenriched,
         r.requests, r.answered, r.minutes
       FROM brands b,
         (SELECT count(*)::int AS requests, count(*) FILTER (WHERE i.status = 'answered')::int AS answered,
            coalesce(array_agg(i.first_response_minutes) FILTER (WHERE i.status = 'answered' AND i.first_response_minutes IS NOT NULL), '{}') AS minutes
          FROM inbox_items i WHERE ${inPeriod('i')} AND i.type IN (${REQUEST_TYPES_SQL}) AND i.status <> 'ignored') r
       WHERE b.workspace_id = $1 AND b.id = $2`,
      params,
    )) as Array<{ kind: string; unenriched: number; requests: number; answered: number; minutes: number[] }>;
    if (!row || row.kind !== 'own') return { counts: {} };
    // Messages not classified yet may hold requests: the counts are a lower bound.
    const partial: CountKey[] = row.unenriched > 0 ? ['communityRequests', 'communityRequestsAnswered'] : [];
    return {
      counts: { communityRequests: row.requests, communityRequestsAnswered: row.answered },
      partial,
      firstResponseMinutes: row.minutes,
    };
  }
}
