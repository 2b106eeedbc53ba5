import type { DayPeriodDto, IsoDateTime } from './common';
import type { PostCountKey, PostMetric } from './metrics';

export type PostSort = 'publishedAt' | PostMetric;

/** A post with its latest counts and rates (`GET …/posts` items). */
export interface PostDto {
  id: string;
  channelAccountId: string;
  platform: string;
  handle: string;
  externalId: string;
  publishedAt: IsoDateTime;
  contentType: string;
  text: string;
  permalink: string | null;
  impressionsDefinition: string | null;
  metrics: Record<PostCountKey | 'interactions', number | null>;
  rates: { engagementRateByReach: number | null; engagementRateByImpressions: number | null; ctr: number | null };
}

/** `GET /workspaces/:id/posts`. */
export interface PostPageDto {
  sort: PostSort;
  order: 'asc' | 'desc';
  period?: DayPeriodDto | null;
  items: PostDto[];
  nextCursor: string | null;
}

/** `GET /workspaces/:id/posts/top`. */
export interface TopPostsDto {
  period: DayPeriodDto;
  metric: PostMetric;
  items: Array<PostDto & { rank: number }>;
}
