import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { preparedQuery } from '../../common/database/prepared-query';

/** A row of comment_sentiment_days (appended signed by triggers on comments; '' = not classified). */
export interface CommentSentimentDayRow {
  workspace_id: string;
  brand_id: string;
  channel_account_id: string;
  day: string;
  sentiment: string;
  n: number;
}

/** Comments of period i (1-based) with one sentiment (null = not classified yet). */
export interface SentimentCountRow {
  i: number;
  sentiment: string | null;
  n: number;
}

/** comment_sentiment_days (kept by triggers on comments, see migration 1764005741000). */
@Injectable()
export class CommentSentimentDaysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Per period [froms[k], tos[k]] (local days of the workspace's time zone) and sentiment, the
   * brand's comment count (of one channel account when given). One round trip.
   */
  countsForPeriods(
    scope: { workspaceId: string; brandId: string; channelAccountId: string | null },
    froms: readonly string[],
    tos: readonly string[],
  ): Promise<SentimentCountRow[]> {
    return preparedQuery(this.db,
      `SELECT k.i::int AS i, nullif(d.sentiment, '') AS sentiment, sum(d.n)::int AS n
       FROM unnest($3::date[], $4::date[]) WITH ORDINALITY AS k(from_day, to_day, i)
       JOIN comment_sentiment_days d ON d.brand_id = $2 AND d.day BETWEEN k.from_day AND k.to_day
       WHERE d.workspace_id = $1 AND ($5::uuid IS NULL OR d.channel_account_id = $5)
       GROUP BY 1, 2 HAVING sum(d.n) <> 0`,
      [scope.workspaceId, scope.brandId, froms, tos, scope.channelAccountId],
    ) as Promise<SentimentCountRow[]>;
  }

  /** Folds the appended rows to one per group; rows removed. */
  async compact(): Promise<number> {
    const [row] = (await this.db.query('SELECT compact_comment_sentiment_days() AS removed')) as Array<{ removed: number }>;
    return row.removed;
  }
}
