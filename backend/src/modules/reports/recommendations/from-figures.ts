import type { KpiKey } from '@vigie/kpi';
import type { ReportFigures } from '../report-figures';
import type { RecommendationInput } from './rule-types';

/** The rules' input, read from the frozen figures only. */
export function recommendationInput(f: ReportFigures): RecommendationInput {
  const value = (key: KpiKey) => f.indicators.rows.find((r) => r.key === key)?.value ?? null;
  const previous = (key: KpiKey) => f.indicators.rows.find((r) => r.key === key)?.previous ?? null;
  const byReach = f.highlights.rateKey === 'engagementRateByReach';
  return {
    brandRate: value(f.highlights.rateKey),
    // Formats and channels are compared by reach (the KPI API's per-group rate); only when the
    // brand's rate is by reach too, so the two sides of the comparison match.
    byContentType: byReach
      ? f.indicators.byContentType.map((t) => ({ contentType: t.contentType, posts: t.posts ?? 0, rate: t.engagementRateByReach }))
      : [],
    heatmap: f.indicators.heatmap,
    byChannel: byReach
      ? f.indicators.byChannel.map((c) => ({
          platform: c.platform,
          handle: c.handle,
          posts: c.rows.find((r) => r.key === 'posts')?.value ?? 0,
          rate: c.rows.find((r) => r.key === 'engagementRateByReach')?.value ?? null,
        }))
      : [],
    topics: f.highlights.topics,
    responseRate: value('responseRate'),
    medianFirstResponseMinutes: value('medianFirstResponseMinutes'),
    communityRequests: value('communityRequests'),
    netSentiment: value('netSentiment'),
    previousNetSentiment: previous('netSentiment'),
  };
}
