import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { median, percentile } from '@vigie/kpi';
import { REQUEST_TYPES, type RequestType } from '@vigie/text';
import type { DataSource } from 'typeorm';
import { REQUEST_TYPES_SQL } from './attention-rules';
import { checkDayRange, DAY_END_SQL, DAY_START_SQL } from './day-range';
import { loadWorkspaceContext } from './workspace-context';

export interface ResponseStats {
  /** Community requests of the period (request types needing an answer; ignored ones excluded). */
  requests: number;
  answered: number;
  /** answered / requests; null when there was no request. */
  responseRate: number | null;
  medianFirstResponseMinutes: number | null;
  p90FirstResponseMinutes: number | null;
}

export interface GroupStats extends ResponseStats {
  key: string | null;
  label: string | null;
}

export interface InboxPeriodStats extends ResponseStats {
  period: { from: string; to: string; timezone: string };
  /** Minutes to the first brand reply, one per answered request (input of the KPI median / p90). */
  firstResponseMinutes: number[];
  byService: GroupStats[];
  byType: GroupStats[];
  byChannel: GroupStats[];
  /** Community comments (not from the brand) of the period by sentiment, and the net sentiment. */
  sentiment: { positive: number; negative: number; neutral: number; netSentiment: number | null };
  /** Community comments of the period not yet enriched: the counts above are a lower bound. */
  unenriched: number;
}

interface GroupRow {
  key: string | null;
  label: string | null;
  requests: number;
  answered: number;
  median: number | null;
  p90: number | null;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function rate(answered: number, requests: number): number | null {
  return requests > 0 ? answered / requests : null;
}

/**
 * Response KPIs of the inbox. A request is an item whose (corrected) type needs an answer
 * (attention-rules.ts), counted in the period of its message; 'ignored' items leave the
 * denominator; answered = answered by a brand reply on the platform or marked answered.
 * Percentiles interpolate linearly (percentile_cont = @vigie/kpi's percentile).
 */
@Injectable()
export class InboxStatsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async forPeriod(
    workspaceId: string,
    brandId: string | null,
    from: string,
    to: string,
    opts: { channelAccountId?: string | null } = {},
  ): Promise<InboxPeriodStats> {
    checkDayRange(from, to);
    const ctx = await loadWorkspaceContext(this.ds, workspaceId);
    const params: unknown[] = [workspaceId, brandId, opts.channelAccountId ?? null, from, to, ctx.timezone];
    const inPeriod = (alias: string) => `${alias}.workspace_id = $1
      AND ($2::uuid IS NULL OR ${alias}.brand_id = $2) AND ($3::uuid IS NULL OR ${alias}.channel_account_id = $3)
      AND ${alias}.published_at >= ${DAY_START_SQL('$4', '$6')} AND ${alias}.published_at < ${DAY_END_SQL('$5', '$6')}`;
    const requests = `${inPeriod('i')} AND i.type IN (${REQUEST_TYPES_SQL}) AND i.status <> 'ignored'`;

    const group = (keySql: string, labelSql: string, join = '') =>
      this.ds.query(
        `SELECT ${keySql} AS key, ${labelSql} AS label, count(*)::int AS requests,
           count(*) FILTER (WHERE i.status = 'answered')::int AS answered,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY i.first_response_minutes) FILTER (WHERE i.status = 'answered') AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY i.first_response_minutes) FILTER (WHERE i.status = 'answered') AS p90
         FROM inbox_items i ${join} WHERE ${requests}
         GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
        params,
      ) as Promise<GroupRow[]>;

    const [minutesRows, counts, byService, byType, byChannel, sentimentRows] = await Promise.all([
      this.ds.query(
        `SELECT i.first_response_minutes AS m FROM inbox_items i
         WHERE ${requests} AND i.status = 'answered' AND i.first_response_minutes IS NOT NULL`,
        params,
      ) as Promise<Array<{ m: number }>>,
      this.ds.query(
        `SELECT count(*)::int AS requests, count(*) FILTER (WHERE i.status = 'answered')::int AS answered
         FROM inbox_items i WHERE ${requests}`,
        params,
      ) as Promise<Array<{ requests: number; answered: number }>>,
      group('i.service_id::text', 's.name', 'LEFT JOIN services s ON s.id = i.service_id'),
      group('i.type', 'i.type'),
      group('i.channel_account_id::text', "ch.platform || ' · ' || ch.handle", 'JOIN channel_accounts ch ON ch.id = i.channel_account_id'),
      this.ds.query(
        `SELECT c.sentiment, count(*)::int AS n FROM comments c
         WHERE ${inPeriod('c')} AND NOT c.is_from_brand GROUP BY 1`,
        params,
      ) as Promise<Array<{ sentiment: string | null; n: number }>>,
    ]);
    const minutes = minutesRows.map((r) => r.m);
    const sentimentCount = (label: string | null) => sentimentRows.find((r) => r.sentiment === label)?.n ?? 0;
    const positive = sentimentCount('positive');
    const negative = sentimentCount('negative');
    const { requests: total, answered } = counts[0] ?? { requests: 0, answered: 0 };
    const toGroup = (r: GroupRow): GroupStats => ({
      key: r.key,
      label: r.label,
      requests: r.requests,
      answered: r.answered,
      responseRate: rate(r.answered, r.requests),
      medianFirstResponseMinutes: round1(r.median),
      p90FirstResponseMinutes: round1(r.p90),
    });
    return {
      period: { from, to, timezone: ctx.timezone },
      requests: total,
      answered,
      responseRate: rate(answered, total),
      medianFirstResponseMinutes: round1(median(minutes)),
      p90FirstResponseMinutes: round1(percentile(minutes, 90)),
      firstResponseMinutes: minutes,
      byService: byService.map(toGroup),
      byType: byType.map(toGroup),
      byChannel: byChannel.map(toGroup),
      sentiment: {
        positive,
        negative,
        neutral: sentimentCount('neutral'),
        netSentiment: positive + negative > 0 ? (positive - negative) / (positive + negative) : null,
      },
      unenriched: sentimentCount(null),
    };
  }

  /**
   * Inbound messages of one month by (corrected) type, for the monthly report's "Inbound"
   * section: every type, zeros included, counted in the workspace's time zone.
   */
  async requestTypeCountsByMonth(workspaceId: string, brandId: string, month: string) {
    const m = /^(\d{4})-(\d{2})$/.exec(month);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
      throw new BadRequestException({
        statusCode: 400,
        message: 'Invalid request: month (must be YYYY-MM)',
        details: [{ field: 'month', errors: ['month must be YYYY-MM'] }],
      });
    }
    const ctx = await loadWorkspaceContext(this.ds, workspaceId);
    const first = `${month}-01`;
    const rows = (await this.ds.query(
      `SELECT i.type, count(*)::int AS n FROM inbox_items i
       WHERE i.workspace_id = $1 AND i.brand_id = $2
         AND i.published_at >= ${DAY_START_SQL('$3', '$4')}
         AND i.published_at < ((($3::date) + interval '1 month')::timestamp AT TIME ZONE $4)
       GROUP BY 1`,
      [workspaceId, brandId, first, ctx.timezone],
    )) as Array<{ type: RequestType; n: number }>;
    const counts = Object.fromEntries(REQUEST_TYPES.map((t) => [t, 0])) as Record<RequestType, number>;
    for (const r of rows) if (r.type in counts) counts[r.type] = r.n;
    return { month, counts, total: rows.reduce((a, r) => a + r.n, 0) };
  }
}
