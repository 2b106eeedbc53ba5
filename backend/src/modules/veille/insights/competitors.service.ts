import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { computeKpis, sumCounts, type CountRecord } from '@vigie/kpi';
import type { DataSource } from 'typeorm';
import { BrandsService } from '../../brands/brands.service';
import { checkPeriod } from '../shared/check-period';
import { workspaceTimezone } from '../shared/workspace-time';

/**
 * Competitors' channel accounts beside the brand's: posting frequency (posts per week over
 * the period) and engagement rates computed with the shared @vigie/kpi formulas
 * (engagementRateByReach = Σinteractions / Σreach, engagementRateByFollowers =
 * Σinteractions / Σposts / followersEnd). Competitors usually expose no reach, so the
 * follower-based rate is the comparable one; null means "not computable", never 0.
 */
@Injectable()
export class CompetitorsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly brands: BrandsService,
  ) {}

  async compare(workspaceId: string, brandId: string, from: string, to: string) {
    await this.brands.get(workspaceId, brandId);
    const { days } = checkPeriod(from, to);
    const tz = await workspaceTimezone(this.db, workspaceId);
    const accounts = (await this.db.query(
      `SELECT ca.id, ca.brand_id AS "brandId", b.name AS "brandName", b.kind AS "brandKind", ca.platform, ca.handle,
              (SELECT s.followers FROM account_daily_stats s WHERE s.channel_account_id = ca.id AND s.day <= $3::date
                 AND s.followers IS NOT NULL ORDER BY s.day DESC LIMIT 1) AS "followersEnd"
         FROM channel_accounts ca JOIN brands b ON b.id = ca.brand_id
        WHERE ca.workspace_id = $1 AND (ca.brand_id = $2 OR b.kind = 'competitor')
        ORDER BY (ca.brand_id = $2) DESC, b.name, ca.platform, ca.handle`,
      [workspaceId, brandId, to],
    )) as Array<{ id: string; brandId: string; brandName: string; brandKind: string; platform: string; handle: string; followersEnd: number | null }>;
    const posts = (await this.db.query(
      `SELECT channel_account_id AS "accountId", reach::float8, impressions::float8, reactions::float8, comments::float8,
              shares::float8, saves::float8, clicks::float8, video_views::float8 AS "videoViews"
         FROM posts WHERE workspace_id = $1 AND channel_account_id = ANY($2::uuid[])
          AND published_at >= ($3::date::timestamp AT TIME ZONE $5) AND published_at < (($4::date + 1)::timestamp AT TIME ZONE $5)`,
      [workspaceId, accounts.map((a) => a.id), from, to, tz],
    )) as Array<{ accountId: string } & Record<string, number | null>>;
    const items = accounts.map((a) => {
      const rows: CountRecord[] = posts
        .filter((p) => p.accountId === a.id)
        .map((p) => ({ posts: 1, reach: p.reach, impressions: p.impressions, reactions: p.reactions, comments: p.comments, shares: p.shares, saves: p.saves, clicks: p.clicks, videoViews: p.videoViews }));
      const sums = sumCounts(rows);
      const counts = { ...sums.counts, posts: rows.length };
      const k = computeKpis({ counts, partial: sums.partial, followersEnd: a.followersEnd });
      return {
        channelAccountId: a.id,
        brandId: a.brandId,
        brandName: a.brandName,
        isCompetitor: a.brandId !== brandId,
        platform: a.platform,
        handle: a.handle,
        posts: rows.length,
        postsPerWeek: Math.round((rows.length / days) * 7 * 100) / 100,
        followersEnd: a.followersEnd,
        interactions: k.values.interactions,
        engagementRateByReach: k.values.engagementRateByReach,
        engagementRateByFollowers: k.values.engagementRateByFollowers,
      };
    });
    return { period: { from, to }, days, items };
  }
}
