import { Injectable } from '@nestjs/common';
import type { CountKey } from '@vigie/kpi';
import type { KpiContribution, KpiContributionQuery, KpiContributor } from '../kpi/contributors/kpi-contributor';
import { InboxStatsRepository } from './inbox-stats.repository';

/**
 * Feeds the KPI API with communityRequests, communityRequestsAnswered and the first-response
 * minutes (→ responseRate, medianFirstResponseMinutes, p90FirstResponseMinutes), with the same
 * rules as GET …/inbox/stats. Sentiment counts come from the KPI module's own contributor.
 * Competitor brands have no inbox: their keys stay absent (missing), not zero.
 */
@Injectable()
export class InboxKpiContributor implements KpiContributor {
  readonly name = 'inbox-responses';
  // Reads comments, inbox_items and the brand's kind only (see KpiContributor).
  readonly keptWhile = 'activity';

  constructor(private readonly stats: InboxStatsRepository) {}

  async contribute(queries: readonly KpiContributionQuery[]): Promise<KpiContribution[]> {
    const rows = await this.stats.kpiResponses(queries[0], queries);
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
