import { Injectable } from '@nestjs/common';
import { type DayPeriod, monthPeriod } from '@vigie/kpi';
import { InboxQueryService } from '../../inbox/inbox-query.service';
import { InboxStatsService } from '../../inbox/inbox-stats.service';
import { ThemesService } from '../../posts/themes.service';
import { INBOUND_TYPES, type InboundSection } from '../report-figures';

const QUOTES_PER_TYPE = 2;

/**
 * Section 3 from the inbox module: counts per request type (InboxStatsService.
 * requestTypeCountsByMonth), response performance per service (InboxStatsService.forPeriod)
 * and the quoted messages from the inbox list (InboxQueryService.list), which already applies
 * the workspace's pseudonymisation setting to authors; the month's conversation themes from the
 * posts module's ThemesService (the owner of comments).
 */
@Injectable()
export class ReportInboundSource {
  constructor(
    private readonly stats: InboxStatsService,
    private readonly query: InboxQueryService,
    private readonly themes: ThemesService,
  ) {}

  async forMonth(workspaceId: string, brandId: string, month: string, previousMonth: string, period: DayPeriod): Promise<InboundSection> {
    const [now, before, perf, themes] = await Promise.all([
      this.stats.requestTypeCountsByMonth(workspaceId, brandId, month),
      this.stats.requestTypeCountsByMonth(workspaceId, brandId, previousMonth),
      this.stats.forPeriod(workspaceId, brandId, period.from, period.to),
      this.themes.compare(workspaceId, brandId, period, monthPeriod(previousMonth)),
    ]);
    const counts = INBOUND_TYPES.map((type) => ({ type, count: now.counts[type] ?? 0, previous: before.counts[type] ?? 0 }));
    const quotes: InboundSection['quotes'] = [];
    for (const type of INBOUND_TYPES.filter((t) => (now.counts[t] ?? 0) > 0)) {
      const page = await this.query.list(workspaceId, {
        view: 'all',
        brandId,
        type: [type],
        from: period.from,
        to: period.to,
        limit: QUOTES_PER_TYPE,
      });
      for (const item of page.items) {
        quotes.push({
          type,
          author: item.author?.name ?? '—',
          text: item.text.length > 300 ? `${item.text.slice(0, 299)}…` : item.text,
          publishedAt: new Date(item.publishedAt).toISOString(),
          platform: item.post.platform,
        });
      }
    }
    return {
      counts,
      quotes,
      themes: { analysedComments: themes.analysedComments, withTheme: themes.withTheme, items: themes.themes },
      services: perf.byService.map((s) => ({
        serviceId: s.key,
        name: s.label ?? '',
        requests: s.requests,
        answered: s.answered,
        responseRate: s.responseRate,
        medianFirstResponseMinutes: s.medianFirstResponseMinutes,
      })),
    };
  }
}
