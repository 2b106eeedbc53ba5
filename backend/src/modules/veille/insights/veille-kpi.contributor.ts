import { Injectable } from '@nestjs/common';
import type { KpiContribution, KpiContributionQuery, KpiContributor } from '../../kpi/contributors/kpi-contributor';
import { ShareOfVoiceService } from './share-of-voice.service';

/** Feeds brandMentions / competitorMentions (→ shareOfVoice) into the KPI API. */
@Injectable()
export class VeilleKpiContributor implements KpiContributor {
  readonly name = 'veille-share-of-voice';
  // mention_matches, watch_queries and brands raise every brand's sources version (see KpiContributor).
  readonly keptWhile = 'sources';

  constructor(private readonly sov: ShareOfVoiceService) {}

  async contribute(queries: readonly KpiContributionQuery[]): Promise<KpiContribution[]> {
    const q = queries[0];
    // Mentions are not tied to one of the brand's channel accounts.
    if (q.channelAccountId) return queries.map(() => ({ counts: {} }));
    const totals = await this.sov.forPeriods(q.workspaceId, q.brandId, queries, q.timezone);
    return totals.map((t) => {
      const counts: { brandMentions?: number; competitorMentions?: number } = {};
      if (t.brandMentions !== null) counts.brandMentions = t.brandMentions;
      if (t.competitorMentions !== null) counts.competitorMentions = t.competitorMentions;
      return { counts };
    });
  }
}
