import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DayPeriod } from '@vigie/kpi';
import type { DataSource } from 'typeorm';
import { inLocalDays } from '../../kpi/api/kpi-scope';
import type { ReportPostRow } from './report-sources';

const POST_SELECT = `p.id::text AS id, ch.platform, ch.handle, p.published_at AS "publishedAt",
  p.content_type AS "contentType", left(p.text, 400) AS text, p.permalink,
  p.impressions::float8 AS impressions, p.reach::float8 AS reach, p.reactions::float8 AS reactions,
  p.comments::float8 AS comments, p.shares::float8 AS shares, p.saves::float8 AS saves, p.clicks::float8 AS clicks`;

/**
 * Per-post rows for the highlights (top posts vs the month's median, hashtags, best post ever).
 * The KPI module's posts API (posts/top) was not in the codebase when this was written: this
 * reads the posts table with the KPI module's own local-day bounds (inLocalDays). Replace with
 * its service once it exists.
 */
@Injectable()
export class ReportPostsSource {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async monthPosts(workspaceId: string, brandId: string, period: DayPeriod, timezone: string): Promise<ReportPostRow[]> {
    return (await this.db.query(
      `SELECT ${POST_SELECT} FROM posts p JOIN channel_accounts ch ON ch.id = p.channel_account_id
       WHERE p.workspace_id = $1 AND p.brand_id = $2 AND ${inLocalDays('p.published_at', '$3', '$4', '$5')}
       ORDER BY p.published_at, p.id`,
      [workspaceId, brandId, period.from, period.to, timezone],
    )) as ReportPostRow[];
  }

  /** The brand's post with the most interactions (reactions + comments + shares + saves) ever. */
  async bestPostEver(workspaceId: string, brandId: string, untilDay: string, timezone: string): Promise<ReportPostRow | null> {
    const [row] = (await this.db.query(
      `SELECT ${POST_SELECT} FROM posts p JOIN channel_accounts ch ON ch.id = p.channel_account_id
       WHERE p.workspace_id = $1 AND p.brand_id = $2 AND p.published_at < (($3::date + 1)::timestamp AT TIME ZONE $4)
         AND coalesce(p.reactions, p.comments, p.shares, p.saves) IS NOT NULL
       ORDER BY coalesce(p.reactions, 0) + coalesce(p.comments, 0) + coalesce(p.shares, 0) + coalesce(p.saves, 0) DESC,
         p.published_at, p.id
       LIMIT 1`,
      [workspaceId, brandId, untilDay, timezone],
    )) as ReportPostRow[];
    return row ?? null;
  }
}
