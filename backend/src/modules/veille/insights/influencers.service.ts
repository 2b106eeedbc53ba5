import { Injectable } from '@nestjs/common';
import { BrandsService } from '../../brands/brands.service';
import { WorkspacesRepository } from '../../workspaces/workspaces.repository';
import { InsightsRepository } from '../insights.repository';
import { checkPeriod } from '../shared/check-period';
import { MentionAuthors } from '../shared/mention-authors';
import { workspaceTimezone } from '../shared/workspace-time';

export const INFLUENCERS_LIMIT = 50;

/**
 * Authors ranked on the brand's topics (every query of the brand, own content excluded).
 * score = log10(1 + reach) × (1 + log2(mentions)) + log10(1 + engagement): audience first,
 * repeat mentions next, engagement as a tie-breaker — a 100 k account mentioning once ranks
 * above a 100-follower account mentioning five times. Sentiment toward the brand =
 * (positive − negative) / mentions, in [-1, 1].
 */
@Injectable()
export class InfluencersService {
  constructor(
    private readonly insights: InsightsRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly brands: BrandsService,
    private readonly authors: MentionAuthors,
  ) {}

  async rank(workspaceId: string, brandId: string, from: string, to: string) {
    await this.brands.get(workspaceId, brandId);
    checkPeriod(from, to);
    const tz = await workspaceTimezone(this.workspaces, workspaceId);
    const rows = await this.insights.influencers(workspaceId, brandId, from, to, tz);
    const scored = rows.map((r) => {
      const reach = r.reach ?? r.followers ?? 0;
      const score = Math.log10(1 + reach) * (1 + Math.log2(r.mentions)) + Math.log10(1 + (r.engagement ?? 0));
      return {
        platform: r.platform,
        author: { externalId: r.externalId, handle: r.handle, name: r.name, followers: r.followers },
        reach,
        mentions: r.mentions,
        engagement: r.engagement,
        sentiment: { positive: r.positive, negative: r.negative, net: (r.positive - r.negative) / r.mentions },
        lastMentionAt: r.lastMentionAt,
        score: Math.round(score * 1000) / 1000,
      };
    });
    scored.sort((a, b) => b.score - a.score || b.mentions - a.mentions || a.author.externalId.localeCompare(b.author.externalId));
    // Ranked on the real ids (stable tie-break), shown as the workspace shows authors (pseudonym by default).
    const render = await this.authors.renderer(workspaceId);
    return { period: { from, to }, items: scored.slice(0, INFLUENCERS_LIMIT).map((i) => ({ ...i, author: render(i.platform, i.author) })) };
  }
}
