import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BrandsService } from '../../brands/brands.service';
import { checkPeriod } from '../shared/check-period';
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
    @InjectDataSource() private readonly db: DataSource,
    private readonly brands: BrandsService,
  ) {}

  async rank(workspaceId: string, brandId: string, from: string, to: string) {
    await this.brands.get(workspaceId, brandId);
    checkPeriod(from, to);
    const tz = await workspaceTimezone(this.db, workspaceId);
    const rows = (await this.db.query(
      `WITH m AS (
         SELECT DISTINCT m.* FROM mention_matches mm JOIN mentions m ON m.id = mm.mention_id
          WHERE mm.brand_id = $1 AND mm.workspace_id = $2 AND NOT m.is_own_content AND m.author_external_id IS NOT NULL
            AND mm.published_at >= ($3::date::timestamp AT TIME ZONE $5) AND mm.published_at < (($4::date + 1)::timestamp AT TIME ZONE $5))
       SELECT platform, author_external_id AS "externalId", max(author_handle) AS handle, max(author_name) AS name,
              max(author_followers)::int AS followers, max(reach)::int AS reach, count(*)::int AS mentions,
              sum(engagement)::int AS engagement,
              count(*) FILTER (WHERE sentiment = 'positive')::int AS positive,
              count(*) FILTER (WHERE sentiment = 'negative')::int AS negative,
              max(published_at) AS "lastMentionAt"
         FROM m GROUP BY platform, author_external_id`,
      [brandId, workspaceId, from, to, tz],
    )) as Array<{
      platform: string; externalId: string; handle: string | null; name: string | null; followers: number | null; reach: number | null;
      mentions: number; engagement: number | null; positive: number; negative: number; lastMentionAt: Date;
    }>;
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
    return { period: { from, to }, items: scored.slice(0, INFLUENCERS_LIMIT) };
  }
}
