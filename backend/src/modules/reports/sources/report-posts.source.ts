import { Injectable } from '@nestjs/common';
import { addDays, type DayPeriod } from '@vigie/kpi';
import { PostsQueryService } from '../../posts/posts-query.service';
import type { ReportPostRow } from './report-sources';

/** The posts list caps a period at 3,660 days: "best post ever" looks back ten years. */
const EVER_DAYS = 3660;
/** Internal pages (the HTTP route caps at 200): a 10,000-post month in 5 keyset queries. */
const PAGE = 2000;

type PostDto = Awaited<ReturnType<PostsQueryService['list']>>['items'][number];

function toRow(p: PostDto): ReportPostRow {
  return {
    id: p.id,
    platform: p.platform,
    handle: p.handle,
    publishedAt: p.publishedAt,
    contentType: p.contentType,
    text: p.text,
    permalink: p.permalink,
    impressions: p.metrics.impressions,
    reach: p.metrics.reach,
    reactions: p.metrics.reactions,
    comments: p.metrics.comments,
    shares: p.metrics.shares,
    saves: p.metrics.saves,
    clicks: p.metrics.clicks,
  };
}

/**
 * Per-post rows for the highlights (every post of the month, for the median rate and the
 * hashtags; the best post ever), read through the posts module's posts API service
 * (PostsQueryService: GET …/posts).
 */
@Injectable()
export class ReportPostsSource {
  constructor(private readonly posts: PostsQueryService) {}

  async monthPosts(workspaceId: string, brandId: string, period: DayPeriod): Promise<ReportPostRow[]> {
    const rows: ReportPostRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.posts.list(workspaceId, { brandId, from: period.from, to: period.to, sort: 'publishedAt', order: 'asc', limit: PAGE, cursor });
      rows.push(...page.items.map(toRow));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return rows;
  }

  /** The brand's post with the most interactions up to the end of the period. */
  async bestPostEver(workspaceId: string, brandId: string, untilDay: string): Promise<ReportPostRow | null> {
    const page = await this.posts.list(workspaceId, {
      brandId,
      from: addDays(untilDay, -(EVER_DAYS - 1)),
      to: untilDay,
      sort: 'interactions',
      order: 'desc',
      limit: 1,
    });
    const best = page.items[0];
    return best && best.metrics.interactions !== null ? toRow(best) : null;
  }
}
