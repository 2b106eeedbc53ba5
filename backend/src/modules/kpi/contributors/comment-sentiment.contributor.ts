import { Injectable } from '@nestjs/common';
import type { CountKey } from '@vigie/kpi';
import { CommentSentimentDaysRepository, type SentimentCountRow } from '../comment-sentiment-days.repository';
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
  // comment_sentiment_days is kept from comments by triggers (see KpiContributor).
  readonly keptWhile = 'activity';

  constructor(private readonly days: CommentSentimentDaysRepository) {}

  async contribute(queries: readonly KpiContributionQuery[]): Promise<KpiContribution[]> {
    // Day counts kept by triggers on comments (comment_sentiment_days, days local to the
    // workspace's time zone): a brand-year is a few thousand rows, not every comment.
    const groups = await this.days.countsForPeriods(
      queries[0],
      queries.map((x) => x.from),
      queries.map((x) => x.to),
    );
    return queries.map((_, k) => sentimentCounts(groups.filter((g) => g.i === k + 1)));
  }
}

/**
 * Comments but none classified yet → the keys stay absent (netSentiment missing); some
 * unclassified → partial; no comment at all → zeros.
 */
function sentimentCounts(groups: ReadonlyArray<Pick<SentimentCountRow, 'sentiment' | 'n'>>): KpiContribution {
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
