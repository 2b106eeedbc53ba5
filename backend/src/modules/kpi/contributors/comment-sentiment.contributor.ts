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
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS total, count(c.sentiment)::int AS classified,
         count(*) FILTER (WHERE c.sentiment = 'positive')::int AS positive,
         count(*) FILTER (WHERE c.sentiment = 'negative')::int AS negative,
         count(*) FILTER (WHERE c.sentiment = 'neutral')::int AS neutral
       FROM comments c
       WHERE c.workspace_id = $1 AND c.brand_id = $2 AND NOT c.is_from_brand
         AND ($5::uuid IS NULL OR c.channel_account_id = $5)
         AND ${inLocalDays('c.published_at', '$3', '$4', '$6')}`,
      [q.workspaceId, q.brandId, q.from, q.to, q.channelAccountId, q.timezone],
    )) as Array<{ total: number; classified: number; positive: number; negative: number; neutral: number }>;
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
