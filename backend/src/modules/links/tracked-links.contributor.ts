import { Injectable } from '@nestjs/common';
import type { KpiContribution, KpiContributionQuery, KpiContributor } from '../kpi/contributors/kpi-contributor';
import { TrackedLinksRepository } from './tracked-links.repository';

/**
 * Tracked-link clicks and conversions of the brand's links, dated by the click / the
 * conversion (local days). Filtered on a channel account: the links created for it.
 * Conversion values are summed as given (no currency conversion).
 */
@Injectable()
export class TrackedLinksContributor implements KpiContributor {
  readonly name = 'tracked-links';
  // tracked_links, link_clicks and conversions raise the brand's sources version (see KpiContributor).
  readonly keptWhile = 'sources';

  constructor(private readonly links: TrackedLinksRepository) {}

  async contribute(queries: readonly KpiContributionQuery[]): Promise<KpiContribution[]> {
    const rows = await this.links.countsForPeriods(
      queries[0],
      queries.map((x) => x.from),
      queries.map((x) => x.to),
    );
    return rows.map((row) => ({
      counts: { trackedLinkClicks: row.clicks, conversions: row.conversions, conversionValue: row.value },
    }));
  }
}
