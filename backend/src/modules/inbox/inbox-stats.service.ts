import { BadRequestException, Injectable } from '@nestjs/common';
import { median, percentile } from '@vigie/kpi';
import { REQUEST_TYPES, type RequestType } from '@vigie/text';
import { checkDayRange } from './day-range';
import { InboxItemsRepository } from './inbox-items.repository';
import { InboxStatsRepository, type StatsGroupRow, type StatsScope } from './inbox-stats.repository';
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
  constructor(
    private readonly stats: InboxStatsRepository,
    private readonly items: InboxItemsRepository,
  ) {}

  async forPeriod(
    workspaceId: string,
    brandId: string | null,
    from: string,
    to: string,
    opts: { channelAccountId?: string | null } = {},
  ): Promise<InboxPeriodStats> {
    checkDayRange(from, to);
    const ctx = await loadWorkspaceContext(this.items, workspaceId);
    const scope: StatsScope = { workspaceId, brandId, channelAccountId: opts.channelAccountId ?? null, from, to, timezone: ctx.timezone };
    const [minutes, counts, byService, byType, byChannel, sentimentRows] = await Promise.all([
      this.stats.firstResponseMinutes(scope),
      this.stats.requestCounts(scope),
      this.stats.byGroup(scope, 'service'),
      this.stats.byGroup(scope, 'type'),
      this.stats.byGroup(scope, 'channel'),
      this.stats.commentSentiments(scope),
    ]);
    const sentimentCount = (label: string | null) => sentimentRows.find((r) => r.sentiment === label)?.n ?? 0;
    const positive = sentimentCount('positive');
    const negative = sentimentCount('negative');
    const { requests: total, answered } = counts;
    const toGroup = (r: StatsGroupRow): GroupStats => ({
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
    const ctx = await loadWorkspaceContext(this.items, workspaceId);
    const rows = await this.stats.typeCountsOfMonth(workspaceId, brandId, `${month}-01`, ctx.timezone);
    const counts = Object.fromEntries(REQUEST_TYPES.map((t) => [t, 0])) as Record<RequestType, number>;
    for (const r of rows) if (r.type in counts) counts[r.type] = r.n;
    return { month, counts, total: rows.reduce((a, r) => a + r.n, 0) };
  }
}
