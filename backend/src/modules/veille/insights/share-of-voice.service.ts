import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BrandsService } from '../../brands/brands.service';
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
    @InjectDataSource() private readonly db: DataSource,
    private readonly brands: BrandsService,
  ) {}

  private async rows(workspaceId: string, brandId: string, from: string, to: string, tz: string, granularity: 'day' | 'month' | null) {
    const bucket = granularity ? `to_char(date_trunc('${granularity}', m.published_at AT TIME ZONE $5), '${granularity === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'}')` : `''`;
    return (await this.db.query(
      `SELECT mm.brand_id AS "brandId", ${bucket} AS bucket, count(DISTINCT m.id)::int AS n
         FROM mention_matches mm JOIN mentions m ON m.id = mm.mention_id
         JOIN watch_queries q ON q.id = mm.query_id JOIN brands b ON b.id = mm.brand_id
        WHERE mm.workspace_id = $1 AND NOT m.is_own_content
          AND mm.published_at >= ($3::date::timestamp AT TIME ZONE $5) AND mm.published_at < (($4::date + 1)::timestamp AT TIME ZONE $5)
          AND ((mm.brand_id = $2 AND q.kind = 'brand') OR (b.kind = 'competitor' AND q.kind = 'competitor'))
        GROUP BY 1, 2`,
      [workspaceId, brandId, from, to, tz],
    )) as Array<{ brandId: string; bucket: string; n: number }>;
  }

  private async measured(workspaceId: string, brandId: string) {
    const rows = (await this.db.query(
      `SELECT b.id, b.name, b.kind, bool_or(q.kind = 'brand') AS "hasBrandQuery", bool_or(q.kind = 'competitor') AS "hasCompetitorQuery"
         FROM brands b LEFT JOIN watch_queries q ON q.brand_id = b.id
        WHERE b.workspace_id = $1 AND (b.id = $2 OR b.kind = 'competitor')
        GROUP BY b.id, b.name, b.kind ORDER BY b.name`,
      [workspaceId, brandId],
    )) as Array<{ id: string; name: string; kind: string; hasBrandQuery: boolean | null; hasCompetitorQuery: boolean | null }>;
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
    const tz = timezone ?? (await workspaceTimezone(this.db, workspaceId));
    const [{ brandMeasured, competitors }, rows] = await Promise.all([
      this.measured(workspaceId, brandId),
      this.db.query(
        `SELECT k.i::int AS i, mm.brand_id AS "brandId", count(DISTINCT m.id)::int AS n
           FROM unnest($3::date[], $4::date[]) WITH ORDINALITY AS k(from_day, to_day, i)
           JOIN mention_matches mm ON mm.workspace_id = $1
             AND mm.published_at >= (k.from_day::timestamp AT TIME ZONE $5) AND mm.published_at < ((k.to_day + 1)::timestamp AT TIME ZONE $5)
           JOIN mentions m ON m.id = mm.mention_id
           JOIN watch_queries q ON q.id = mm.query_id JOIN brands b ON b.id = mm.brand_id
          WHERE NOT m.is_own_content
            AND ((mm.brand_id = $2 AND q.kind = 'brand') OR (b.kind = 'competitor' AND q.kind = 'competitor'))
          GROUP BY 1, 2`,
        [workspaceId, brandId, periods.map((p) => p.from), periods.map((p) => p.to), tz],
      ) as Promise<Array<{ i: number; brandId: string; n: number }>>,
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
    const tz = await workspaceTimezone(this.db, workspaceId);
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
