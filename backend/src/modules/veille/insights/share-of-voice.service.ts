import { Injectable } from '@nestjs/common';
import { BrandsService } from '../../brands/brands.service';
import { WorkspacesRepository } from '../../workspaces/workspaces.repository';
import { InsightsRepository } from '../insights.repository';
import { checkPeriod } from '../shared/check-period';
import { workspaceTimezone } from '../shared/workspace-time';

export interface SovTotals {
  /** null = the brand has no 'brand'-kind query (not measured). */
  brandMentions: number | null;
  /** null = no competitor brand has a 'competitor'-kind query. */
  competitorMentions: number | null;
  competitors: Array<{ brandId: string; name: string; mentions: number }>;
}

/**
 * Share of voice. Brand mentions = earned mentions (not own content) matched by the brand's
 * 'brand'-kind queries; competitor mentions = those matched by the 'competitor'-kind queries
 * of the workspace's competitor brands (kind = 'competitor'), per competitor brand. A mention
 * counts once per brand. shareOfVoice = brand / (brand + Σ competitors).
 */
@Injectable()
export class ShareOfVoiceService {
  constructor(
    private readonly insights: InsightsRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly brands: BrandsService,
  ) {}

  private rows(workspaceId: string, brandId: string, from: string, to: string, tz: string, granularity: 'day' | 'month' | null) {
    return this.insights.sovBuckets(workspaceId, brandId, from, to, tz, granularity);
  }

  private async measured(workspaceId: string, brandId: string) {
    const rows = await this.insights.sovMeasured(workspaceId, brandId);
    return {
      brandMeasured: rows.some((r) => r.id === brandId && r.hasBrandQuery),
      competitors: rows.filter((r) => r.id !== brandId && r.kind === 'competitor' && r.hasCompetitorQuery),
    };
  }

  /** Totals for inclusive local days (used by the KPI contributor and the route). */
  async forPeriod(workspaceId: string, brandId: string, from: string, to: string, timezone?: string): Promise<SovTotals> {
    return (await this.forPeriods(workspaceId, brandId, [{ from, to }], timezone))[0];
  }

  /** forPeriod for several periods, in the order given: two queries whatever their number. */
  async forPeriods(
    workspaceId: string,
    brandId: string,
    periods: ReadonlyArray<{ from: string; to: string }>,
    timezone?: string,
  ): Promise<SovTotals[]> {
    const tz = timezone ?? (await workspaceTimezone(this.workspaces, workspaceId));
    const [{ brandMeasured, competitors }, rows] = await Promise.all([
      this.measured(workspaceId, brandId),
      this.insights.sovPeriods(workspaceId, brandId, periods, tz),
    ]);
    return periods.map((_, k) => {
      const count = (id: string) => rows.filter((r) => r.i === k + 1 && r.brandId === id).reduce((s, r) => s + r.n, 0);
      const comps = competitors.map((c) => ({ brandId: c.id, name: c.name, mentions: count(c.id) }));
      return {
        brandMentions: brandMeasured ? count(brandId) : null,
        competitorMentions: comps.length ? comps.reduce((s, c) => s + c.mentions, 0) : null,
        competitors: comps,
      };
    });
  }

  async report(workspaceId: string, brandId: string, from: string, to: string, granularity: 'day' | 'month' = 'day') {
    const brand = await this.brands.get(workspaceId, brandId);
    checkPeriod(from, to);
    const tz = await workspaceTimezone(this.workspaces, workspaceId);
    const totals = await this.forPeriod(workspaceId, brandId, from, to, tz);
    const rows = await this.rows(workspaceId, brandId, from, to, tz, granularity);
    const buckets = [...new Set(rows.map((r) => r.bucket))].sort();
    const compIds = new Set(totals.competitors.map((c) => c.brandId));
    const share = (b: number | null, c: number | null) => (b === null || c === null || b + c === 0 ? null : b / (b + c));
    const series = buckets.map((bucket) => {
      const at = rows.filter((r) => r.bucket === bucket);
      const b = at.filter((r) => r.brandId === brandId).reduce((s, r) => s + r.n, 0);
      const competitors = Object.fromEntries(totals.competitors.map((c) => [c.brandId, at.filter((r) => r.brandId === c.brandId).reduce((s, r) => s + r.n, 0)]));
      const cSum = Object.values(competitors).reduce((s, n) => s + n, 0);
      return { bucket, brand: b, competitors, shareOfVoice: share(totals.brandMentions === null ? null : b, compIds.size ? cSum : null) };
    });
    return {
      period: { from, to },
      granularity,
      brand: { id: brand.id, name: brand.name, mentions: totals.brandMentions },
      competitors: totals.competitors,
      shareOfVoice: share(totals.brandMentions, totals.competitorMentions),
      series,
    };
  }
}
