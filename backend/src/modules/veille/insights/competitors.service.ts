import { Injectable } from '@nestjs/common';
import { computeKpis, sumCounts, type CountRecord } from '@vigie/kpi';
import { BrandsService } from '../../brands/brands.service';
import { WorkspacesRepository } from '../../workspaces/workspaces.repository';
import { InsightsRepository } from '../insights.repository';
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
    private readonly insights: InsightsRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly brands: BrandsService,
  ) {}

  async compare(workspaceId: string, brandId: string, from: string, to: string) {
    await this.brands.get(workspaceId, brandId);
    const { days } = checkPeriod(from, to);
    const tz = await workspaceTimezone(this.workspaces, workspaceId);
    const accounts = await this.insights.competitorAccounts(workspaceId, brandId, to);
    const posts = await this.insights.competitorPosts(workspaceId, accounts.map((a) => a.id), from, to, tz);
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
