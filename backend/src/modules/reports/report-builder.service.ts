import { Injectable, Logger } from '@nestjs/common';
import { monthPeriod, previousMonth } from '@vigie/kpi';
import { BrandsService } from '../brands/brands.service';
import { buildHighlights } from './figures/highlights';
import { buildIndicators, twelveMonths } from './figures/indicators';
import type { CompetitorsSection, InboundSection, ReportFigures } from './report-figures';
import { ReportSettingsRepository } from './report-settings.repository';
import { ReportInboundSource } from './sources/inbound.source';
import { ReportKpiSource } from './sources/kpi.source';
import { ReportPostsSource } from './sources/report-posts.source';
import { AlertsSource, ReportCrisesRegistry, ShareOfVoiceSource } from './sources/report-sources';

/**
 * Gathers one brand's month from the modules that own the figures (KPI API, inbox, veille) and
 * freezes them as ReportFigures. No formula lives here: ratios and deltas come from @vigie/kpi
 * through the KPI service, so the report and the dashboard always agree.
 */
@Injectable()
export class ReportBuilder {
  private readonly logger = new Logger('reports');

  constructor(
    private readonly settings: ReportSettingsRepository,
    private readonly brands: BrandsService,
    private readonly kpi: ReportKpiSource,
    private readonly posts: ReportPostsSource,
    private readonly inbound: ReportInboundSource,
    private readonly alerts: AlertsSource,
    private readonly shareOfVoice: ShareOfVoiceSource,
    private readonly crises: ReportCrisesRegistry,
  ) {}

  async build(workspaceId: string, brandId: string, month: string): Promise<ReportFigures> {
    const brand = await this.brands.get(workspaceId, brandId);
    const ws = (await this.settings.context(workspaceId, brandId))!;
    const language = ws.report_language ?? ws.language;
    const period = monthPeriod(month);
    const prevMonth = previousMonth(month);
    const previousPeriod = monthPeriod(prevMonth);
    const months = twelveMonths(month, previousMonth);

    // The report's month by day (best day); the other 11 by month (sparklines, previous month).
    const kpiMonths = await Promise.all(months.map((m) => this.kpi.month(workspaceId, brandId, m, m === month ? 'day' : 'month')));
    const current = kpiMonths[kpiMonths.length - 1];
    const indicators = buildIndicators(kpiMonths);

    const unavailable: string[] = [];
    const [monthPosts, bestPostEver, alertsOnly, crises, inbound, competitors] = await Promise.all([
      this.posts.monthPosts(workspaceId, brandId, period),
      this.posts.bestPostEver(workspaceId, brandId, period.to),
      this.optional('alerts', () => this.alerts.forPeriod(workspaceId, brandId, period, ws.timezone)),
      this.optional('crises', () => this.crises.forPeriod(workspaceId, brandId, period, ws.timezone)),
      this.inboundSection(workspaceId, brandId, month, prevMonth, period),
      this.competitorsSection(workspaceId, brandId, month, prevMonth, kpiMonths, ws.timezone),
    ]);
    // Crises closed in the month join the alerts ("spikes and crises"), in time order.
    const alerts = alertsOnly === null ? null : [...alertsOnly, ...(crises ?? [])].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    if (alerts === null) unavailable.push('alerts');
    if (inbound.counts === null) unavailable.push('inbox');
    if (competitors.shareOfVoiceSource !== 'veille') unavailable.push('competitorShareOfVoice');

    const highlights = buildHighlights({
      posts: monthPosts,
      brandKpis: current.kpis,
      dailySeries: current.series,
      monthlyInteractions: kpiMonths.map((m) => m.kpis.interactions ?? null),
      bestPostEver,
      alerts,
    });

    return {
      version: 1,
      language,
      brand: { id: brand.id, name: brand.name, logoUrl: brand.logoUrl },
      workspace: { name: ws.name, timezone: ws.timezone },
      month,
      period,
      previousPeriod,
      months,
      indicators,
      highlights,
      inbound,
      competitors,
      unavailable,
      generatedAt: new Date().toISOString(),
    };
  }

  /** A failing optional source (veille) must not block the report: its part says "not available". */
  private async optional<T>(what: string, read: () => Promise<T | null>): Promise<T | null> {
    try {
      return await read();
    } catch (e) {
      this.logger.warn(`${what} unavailable for the report: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  private async inboundSection(
    workspaceId: string,
    brandId: string,
    month: string,
    prevMonth: string,
    period: { from: string; to: string },
  ): Promise<InboundSection> {
    try {
      return await this.inbound.forMonth(workspaceId, brandId, month, prevMonth, period);
    } catch (e) {
      // The rest of the report is still worth sending; the section says the inbox was unavailable.
      this.logger.warn(`inbound figures unavailable: ${e instanceof Error ? e.message : String(e)}`);
      return { counts: null, quotes: [], services: null };
    }
  }

  private async competitorsSection(
    workspaceId: string,
    brandId: string,
    month: string,
    prevMonth: string,
    kpiMonths: Array<{ kpis: Record<string, number | null> }>,
    timezone: string,
  ): Promise<CompetitorsSection> {
    const current = kpiMonths[kpiMonths.length - 1].kpis;
    const previous = kpiMonths[kpiMonths.length - 2]?.kpis ?? {};
    const rivals = (await this.brands.list(workspaceId)).filter((b) => b.kind === 'competitor');
    const [sovNow, sovBefore] = await Promise.all([
      this.optional('share of voice', () => this.shareOfVoice.forPeriod(workspaceId, brandId, monthPeriod(month), timezone)),
      this.optional('share of voice', () => this.shareOfVoice.forPeriod(workspaceId, brandId, monthPeriod(prevMonth), timezone)),
    ]);
    const competitors = await Promise.all(
      rivals.map(async (rival) => {
        const [now, before] = await Promise.all([
          this.kpi.month(workspaceId, rival.id, month),
          this.kpi.month(workspaceId, rival.id, prevMonth),
        ]);
        return {
          brandId: rival.id,
          name: rival.name,
          engagementRateByReach: now.kpis.engagementRateByReach,
          previousEngagementRateByReach: before.kpis.engagementRateByReach,
          interactions: now.kpis.interactions,
          previousInteractions: before.kpis.interactions,
          posts: now.kpis.posts,
          followers: now.kpis.followers,
          shareOfVoice: sovNow?.byCompetitor.get(rival.id) ?? null,
          previousShareOfVoice: sovBefore?.byCompetitor.get(rival.id) ?? null,
        };
      }),
    );
    const brandSov = sovNow?.brand ?? current.shareOfVoice ?? null;
    return {
      brand: {
        engagementRateByReach: current.engagementRateByReach ?? null,
        previousEngagementRateByReach: previous.engagementRateByReach ?? null,
        interactions: current.interactions ?? null,
        shareOfVoice: brandSov,
        previousShareOfVoice: sovBefore?.brand ?? previous.shareOfVoice ?? null,
      },
      competitors: competitors.sort((a, b) => a.name.localeCompare(b.name)),
      shareOfVoiceSource: sovNow ? 'veille' : brandSov !== null ? 'kpi' : null,
    };
  }
}
