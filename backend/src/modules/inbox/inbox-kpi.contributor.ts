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
    return (await this.contributeAll([q]))[0];
  }

  async contributeAll(queries: readonly KpiContributionQuery[]): Promise<KpiContribution[]> {
    if (queries.length === 0) return [];
    const q = queries[0];
    const params = [q.workspaceId, q.brandId, q.channelAccountId, queries.map((x) => x.from), queries.map((x) => x.to), q.timezone];
    const inPeriod = (alias: string) => `${alias}.workspace_id = $1 AND ${alias}.brand_id = $2
      AND ($3::uuid IS NULL OR ${alias}.channel_account_id = $3)
      AND ${alias}.published_at >= ${DAY_START_SQL('k.from_day', '$6')} AND ${alias}.published_at < ${DAY_END_SQL('k.to_day', '$6')}`;
    // Per period, counts and the answered items' minutes only (not one JSON pair per request):
    // an index-only scan of inbox_items_requests_idx, whose predicate is exactly this type list.
    const rows = (await this.ds.query(
      `SELECT b.kind, k.i::int AS i,
         (SELECT count(*)::int FROM comments c WHERE ${inPeriod('c')} AND NOT c.is_from_brand AND c.enriched_at IS NULL) AS unenriched,
         r.requests, r.answered, r.minutes
       FROM brands b
       CROSS JOIN unnest($4::date[], $5::date[]) WITH ORDINALITY AS k(from_day, to_day, i)
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS requests, count(*) FILTER (WHERE i.status = 'answered')::int AS answered,
           coalesce(array_agg(i.first_response_minutes) FILTER (WHERE i.status = 'answered' AND i.first_response_minutes IS NOT NULL), '{}') AS minutes
         FROM inbox_items i WHERE ${inPeriod('i')} AND i.type IN (${REQUEST_TYPES_SQL}) AND i.status <> 'ignored') r
       WHERE b.workspace_id = $1 AND b.id = $2`,
      params,
    )) as Array<{ kind: string; i: number; unenriched: number; requests: number; answered: number; minutes: number[] }>;
    return queries.map((_, k) => {
      const row = rows.find((r) => r.i === k + 1);
      if (!row || row.kind !== 'own') return { counts: {} };
      // Messages not classified yet may hold requests: the counts are a lower bound.
      const partial: CountKey[] = row.unenriched > 0 ? ['communityRequests', 'communityRequestsAnswered'] : [];
      return {
        counts: { communityRequests: row.requests, communityRequestsAnswered: row.answered },
        partial,
        firstResponseMinutes: row.minutes,
      };
    });
  }
}
