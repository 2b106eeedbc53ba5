import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CountKey } from '@vigie/kpi';
import type { DataSource } from 'typeorm';
import { inLocalDays } from '../api/kpi-scope';
import type { KpiContribution, KpiContributionQuery, KpiContributor } from './kpi-contributor';

/**
 * Sentiment counts of the community's comments on the brand's posts (the brand's own replies
 * excluded), dated by the comment. Mentions from listening are the veille module's to add.
 * Comments but none classified yet → the keys stay absent (netSentiment missing); some
 * unclassified → partial; no comment at all → zeros (netSentiment null, undefined).
 */
@Injectable()
export class CommentSentimentContributor implements KpiContributor {
  readonly name = 'comment-sentiment';

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async contribute(q: KpiContributionQuery): Promise<KpiContribution> {
    // One hash group per label (an index-only scan of comments_brand_published_cover_idx):
    // cheaper than five FILTERed counts evaluated on each of a brand-year's ~20 k comments.
    const groups = (await this.db.query(
      `SELECT c.sentiment, count(*)::int AS n
       FROM comments c
       WHERE c.workspace_id = $1 AND c.brand_id = $2 AND NOT c.is_from_brand
         AND ($5::uuid IS NULL OR c.channel_account_id = $5)
         AND ${inLocalDays('c.published_at', '$3', '$4', '$6')}
       GROUP BY c.sentiment`,
      [q.workspaceId, q.brandId, q.from, q.to, q.channelAccountId, q.timezone],
    )) as Array<{ sentiment: string | null; n: number }>;
    const count = (label: string) => groups.find((g) => g.sentiment === label)?.n ?? 0;
    const row = {
      total: groups.reduce((s, g) => s + g.n, 0),
      classified: groups.reduce((s, g) => s + (g.sentiment === null ? 0 : g.n), 0),
      positive: count('positive'),
      negative: count('negative'),
      neutral: count('neutral'),
    };
    // Comments exist but none is classified yet: unknown, not zero.
    if (row.total > 0 && row.classified === 0) return { counts: {} };
    const partial: CountKey[] =
      row.classified < row.total ? ['sentimentPositive', 'sentimentNegative', 'sentimentNeutral'] : [];
    return {
      counts: { sentimentPositive: row.positive, sentimentNegative: row.negative, sentimentNeutral: row.neutral },
      partial,
    };
  }
}
