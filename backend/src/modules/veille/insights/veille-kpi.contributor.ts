import type { KpiContribution, KpiContributionQuery, KpiContributor } from '../../kpi/contributors/kpi-contributor';
import type { ShareOfVoiceService } from './share-of-voice.service';

/** Feeds brandMentions / competitorMentions (→ shareOfVoice) into the KPI API. */
export class VeilleKpiContributor implements KpiContributor {
  readonly name = 'veille-share-of-voice';

  constructor(private readonly sov: ShareOfVoiceService) {}

  async contribute(q: KpiContributionQuery): Promise<KpiContribution> {
    // Mentions are not tied to one of the brand's channel accounts.
    if (q.channelAccountId) return { counts: {} };
    const t = await this.sov.forPeriod(q.workspaceId, q.brandId, q.from, q.to, q.timezone);
    const counts: { brandMentions?: number; competitorMentions?: number } = {};
    if (t.brandMentions !== null) counts.brandMentions = t.brandMentions;
    if (t.competitorMentions !== null) counts.competitorMentions = t.competitorMentions;
    return { counts };
  }
}
