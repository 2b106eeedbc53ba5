import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { computeKpis } from '@vigie/kpi';
import type { DataSource } from 'typeorm';
import { inLocalDays, KpiScopeResolver, type KpiScope } from '../api/kpi-scope';
import { checkPeriod } from '../api/period';
import { POST_INTERACTIONS_SQL } from '../rollups/rollup-sql';
import type { ListPostsQueryDto, PostMetric, PostSort, TopPostsQueryDto } from './posts.dto';

// Sort expressions only (values shown come from @vigie/kpi); a post lacking the metric sorts last.
const rate = (num: string, den: string) => `CASE WHEN ${den} > 0 THEN (${num})::float8 / ${den} END`;
const METRIC_SQL: Record<PostMetric, string> = {
  interactions: `CASE WHEN num_nonnulls(p.reactions, p.comments, p.shares, p.saves) > 0 THEN ${POST_INTERACTIONS_SQL} END`,
  impressions: 'p.impressions',
  reach: 'p.reach',
  reactions: 'p.reactions',
  comments: 'p.comments',
  shares: 'p.shares',
  saves: 'p.saves',
  clicks: 'p.clicks',
  videoViews: 'p.video_views',
  engagementRateByReach: rate(POST_INTERACTIONS_SQL, 'p.reach'),
  engagementRateByImpressions: rate(POST_INTERACTIONS_SQL, 'p.impressions'),
  ctr: rate('p.clicks', 'p.impressions'),
};

interface PostRow {
  id: string;
  channel_account_id: string;
  platform: string;
  handle: string;
  external_id: string;
  published_at: Date;
  content_type: string;
  text: string;
  permalink: string | null;
  impressions: string | null;
  reach: string | null;
  reactions: string | null;
  comments: string | null;
  shares: string | null;
  saves: string | null;
  clicks: string | null;
  video_views: string | null;
  impressions_definition: string | null;
  sort_value: string | number | Date | null;
}

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly scopes: KpiScopeResolver,
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
    const scope = await this.scopes.resolve(workspaceId, q.brandId, q.channelAccountId);
    const sort = q.sort ?? 'publishedAt';
    const limit = q.limit ?? 50;
    const rows = await this.fetch(scope, {
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
    const scope = await this.scopes.resolve(workspaceId, q.brandId, q.channelAccountId);
    const metric = q.metric ?? 'interactions';
    const rows = await this.fetch(scope, { period, sort: metric, desc: true, limit: q.limit ?? 10, after: null, onlyKnown: true });
    return { period, metric, items: rows.map((r, i) => ({ rank: i + 1, ...toPostDto(r) })) };
  }

  private fetch(
    scope: KpiScope,
    o: {
      period: { from: string; to: string } | null;
      sort: PostSort;
      desc: boolean;
      limit: number;
      after: { value: string | number | null; id: string } | null;
      onlyKnown: boolean;
    },
  ): Promise<PostRow[]> {
    const dir = o.desc ? 'DESC' : 'ASC';
    const cmp = o.desc ? '<' : '>';
    const params: unknown[] = [scope.workspaceId, scope.brandId, scope.channelAccountId];
    const where = ['p.workspace_id = $1', 'p.brand_id = $2', '($3::uuid IS NULL OR p.channel_account_id = $3)'];
    if (o.period) {
      params.push(scope.timezone, o.period.from, o.period.to);
      where.push(inLocalDays('p.published_at', '$5', '$6', '$4'));
    }
    let sortExpr: string;
    if (o.sort === 'publishedAt') {
      sortExpr = 'p.published_at';
      if (o.after) {
        params.push(o.after.value, o.after.id);
        where.push(`(p.published_at, p.id) ${cmp} ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
      }
    } else {
      // Unknown values sort as -1, after every real value (desc) or before them (asc).
      sortExpr = `coalesce((${METRIC_SQL[o.sort]})::float8, -1)`;
      if (o.onlyKnown) where.push(`(${METRIC_SQL[o.sort]}) IS NOT NULL`);
      if (o.after) {
        params.push(o.after.value ?? -1, o.after.id);
        where.push(`(${sortExpr}, p.id) ${cmp} ($${params.length - 1}::float8, $${params.length}::bigint)`);
      }
    }
    params.push(o.limit);
    return this.db.query(
      `SELECT p.id::text AS id, p.channel_account_id, ca.platform, ca.handle, p.external_id, p.published_at, p.content_type,
         p.text, p.permalink, p.impressions, p.reach, p.reactions, p.comments, p.shares, p.saves, p.clicks,
         p.video_views, p.impressions_definition, ${sortExpr} AS sort_value
       FROM posts p JOIN channel_accounts ca ON ca.id = p.channel_account_id
       WHERE ${where.join(' AND ')}
       ORDER BY ${sortExpr} ${dir}, p.id ${dir}
       LIMIT $${params.length}`,
      params,
    ) as Promise<PostRow[]>;
  }
}

function cursorValue(v: PostRow['sort_value']): string | number | null {
  if (v === null) return null;
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'number' ? v : Number(v);
}

function toPostDto(r: PostRow) {
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
  const kpis = computeKpis({ counts: { posts: 1, ...metrics } }).values;
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
    metrics: { ...metrics, interactions: kpis.interactions },
    rates: {
      engagementRateByReach: kpis.engagementRateByReach,
      engagementRateByImpressions: kpis.engagementRateByImpressions,
      ctr: kpis.ctr,
    },
  };
}
