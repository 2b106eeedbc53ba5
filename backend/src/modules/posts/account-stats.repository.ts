import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { NormalizedAccountStats } from '../channels/connectors/channel-connector';
import { UPSERT_ACCOUNT_STATS } from './content-upsert.sql';

/** The `account_daily_stats` table (followers, following, posts count per channel account and day). */
@Injectable()
export class AccountStatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Upserts days (one row per day: the caller dedupes); a NULL never erases a stored value. */
  async upsertDays(channelAccountId: string, rows: readonly NormalizedAccountStats[], tx?: EntityManager): Promise<void> {
    await (tx ?? this.db).query(UPSERT_ACCOUNT_STATS, [
      channelAccountId,
      rows.map((s) => s.day),
      rows.map((s) => s.followers),
      rows.map((s) => s.following),
      rows.map((s) => s.postsCount),
    ]);
  }

  /** Last stored day before `beforeDay` (YYYY-MM-DD) with a follower count, or null. */
  async lastFollowerDay(channelAccountId: string, beforeDay: string): Promise<string | null> {
    const [last] = (await this.db.query(
      `SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM account_daily_stats
         WHERE channel_account_id = $1 AND day < $2::date AND followers IS NOT NULL`,
      [channelAccountId, beforeDay],
    )) as Array<{ day: string | null }>;
    return last?.day ?? null;
  }
}
