import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CountKey } from '@vigie/kpi';
import type { DataSource } from 'typeorm';
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
    return (await this.contributeAll([q]))[0];
  }

  async contributeAll(queries: readonly KpiContributionQuery[]): Promise<KpiContribution[]> {
    if (queries.length === 0) return [];
    const q = queries[0];
    // Day counts kept by triggers on comments (comment_sentiment_days, days local to the
    // workspace's time zone): a brand-year is a few thousand rows, not every comment.
    const groups = (await this.db.query(
      `SELECT k.i::int AS i, nullif(d.sentiment, '') AS sentiment, sum(d.n)::int AS n
       FROM unnest($3::date[], $4::date[]) WITH ORDINALITY AS k(from_day, to_day, i)
       JOIN comment_sentiment_days d ON d.brand_id = $2 AND d.day BETWEEN k.from_day AND k.to_day
       WHERE d.workspace_id = $1 AND ($5::uuid IS NULL OR d.channel_account_id = $5)
       GROUP BY 1, 2 HAVING sum(d.n) <> 0`,
      [q.workspaceId, q.brandId, queries.map((x) => x.from), queries.map((x) => x.to), q.channelAccountId],
    )) as Array<{ i: number; sentiment: string | null; n: number }>;
    return queries.map((_, k) => sentimentCounts(groups.filter((g) => g.i === k + 1)));
  }
}

/**
 * Comments but none classified yet → the keys stay absent (netSentiment missing); some
 * unclassified → partial; no comment at all → zeros.
 */
function sentimentCounts(groups: Array<{ sentiment: string | null; n: number }>): KpiContribution {
  const count = (label: string) => groups.find((g) => g.sentiment === label)?.n ?? 0;
  const total = groups.reduce((s, g) => s + g.n, 0);
  const classified = groups.reduce((s, g) => s + (g.sentiment === null ? 0 : g.n), 0);
  // Comments exist but none is classified yet: unknown, not zero.
  if (total > 0 && classified === 0) return { counts: {} };
  const partial: CountKey[] = classified < total ? ['sentimentPositive', 'sentimentNegative', 'sentimentNeutral'] : [];
  return {
    counts: { sentimentPositive: count('positive'), sentimentNegative: count('negative'), sentimentNeutral: count('neutral') },
    partial,
  };
}
