import { BadRequestException, Injectable } from '@nestjs/common';
import { computePostRates } from '@vigie/kpi';
import { checkPeriod } from '../../common/http/day-period';
import { ChannelsService } from '../channels/channels.service';
import type { ListPostsQueryDto, PostSort, TopPostsQueryDto } from './posts.dto';
import { type PostListRow, PostsRepository } from './posts.repository';

const num = (v: string | null) => (v === null ? null : Number(v));

function encodeCursor(value: unknown, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: PostSort): { value: string | number | null; id: string } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const valueOk = value === null || (sort === 'publishedAt' ? typeof value === 'string' && !Number.isNaN(Date.parse(value)) : typeof value === 'number');
    if (valueOk && typeof id === 'string' && /^\d{1,18}$/.test(id)) return { value: value as string | number | null, id };
  } catch {
    /* fall through */
  }
  throw new BadRequestException({
    statusCode: 400,
    message: 'Invalid request: cursor (not a cursor from this list and sort)',
    details: [{ field: 'cursor', errors: ['not a cursor from this list and sort'] }],
  });
}

@Injectable()
export class PostsQueryService {
  constructor(
    private readonly posts: PostsRepository,
    private readonly channels: ChannelsService,
  ) {}

  /** Keyset-paginated posts with metrics; `cursor` is opaque (last row's sort value and id). */
  async list(workspaceId: string, q: ListPostsQueryDto) {
    if ((q.from === undefined) !== (q.to === undefined)) {
      const field = q.from === undefined ? 'from' : 'to';
      throw new BadRequestException({
        statusCode: 400,
        message: `Invalid request: ${field} (give both from and to, or neither)`,
        details: [{ field, errors: ['give both from and to, or neither'] }],
      });
    }
    const period = q.from && q.to ? checkPeriod(q.from, q.to, 3660).period : null;
    const scope = await this.channels.scope(workspaceId, q.brandId, q.channelAccountId);
    const sort = q.sort ?? 'publishedAt';
    const limit = q.limit ?? 50;
    const rows = await this.posts.page(scope, {
      period,
      sort,
      desc: (q.order ?? 'desc') === 'desc',
      limit: limit + 1,
      after: q.cursor ? decodeCursor(q.cursor, sort) : null,
      onlyKnown: false,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      sort,
      order: q.order ?? 'desc',
      items: page.map(toPostDto),
      nextCursor: rows.length > limit && last ? encodeCursor(cursorValue(last.sort_value), String(last.id)) : null,
    };
  }

  /** The period's best posts by one metric (posts without that metric are left out). */
  async top(workspaceId: string, q: TopPostsQueryDto) {
    const { period } = checkPeriod(q.from, q.to);
    const scope = await this.channels.scope(workspaceId, q.brandId, q.channelAccountId);
    const metric = q.metric ?? 'interactions';
    const rows = await this.posts.page(scope, { period, sort: metric, desc: true, limit: q.limit ?? 10, after: null, onlyKnown: true });
    return { period, metric, items: rows.map((r, i) => ({ rank: i + 1, ...toPostDto(r) })) };
  }
}

function cursorValue(v: PostListRow['sort_value']): string | number | null {
  if (v === null) return null;
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'number' ? v : Number(v);
}

function toPostDto(r: PostListRow) {
  const metrics = {
    impressions: num(r.impressions),
    reach: num(r.reach),
    reactions: num(r.reactions),
    comments: num(r.comments),
    shares: num(r.shares),
    saves: num(r.saves),
    clicks: num(r.clicks),
    videoViews: num(r.video_views),
  };
  const { interactions, ...rates } = computePostRates(metrics);
  return {
    id: r.id,
    channelAccountId: r.channel_account_id,
    platform: r.platform,
    handle: r.handle,
    externalId: r.external_id,
    publishedAt: r.published_at,
    contentType: r.content_type,
    text: r.text,
    permalink: r.permalink,
    impressionsDefinition: r.impressions_definition,
    metrics: { ...metrics, interactions },
    rates,
  };
}
