import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RequestType } from '@vigie/text';
import type { DataSource } from 'typeorm';
import { REQUEST_TYPES_SQL } from './attention-rules';
import { DAY_END_SQL, DAY_START_SQL } from './day-range';
import { preparedQuery } from '../../common/database/prepared-query';

/** Scope of the response statistics: a workspace, optionally one brand and one channel, local days. */
export interface StatsScope {
  workspaceId: string;
  brandId: string | null;
  channelAccountId: string | null;
  from: string;
  to: string;
  timezone: string;
}

/** Response figures of one group (service, type or channel). */
export interface StatsGroupRow {
  key: string | null;
  label: string | null;
  requests: number;
  answered: number;
  median: number | null;
  p90: number | null;
}

export type StatsGrouping = 'service' | 'type' | 'channel';

/** Per requested period: the brand's kind, unclassified messages and the response figures. */
export interface KpiResponsesRow {
  kind: string;
  i: number;
  unenriched: number;
  requests: number;
  answered: number;
  minutes: number[];
}

const GROUPINGS: Record<StatsGrouping, { key: string; label: string; join: string }> = {
  service: { key: 'i.service_id::text', label: 's.name', join: 'LEFT JOIN services s ON s.id = i.service_id' },
  type: { key: 'i.type', label: 'i.type', join: '' },
  channel: { key: 'i.channel_account_id::text', label: "ch.platform || ' · ' || ch.handle", join: 'JOIN channel_accounts ch ON ch.id = i.channel_account_id' },
};

const inPeriod = (alias: string) => `${alias}.workspace_id = $1
      AND ($2::uuid IS NULL OR ${alias}.brand_id = $2) AND ($3::uuid IS NULL OR ${alias}.channel_account_id = $3)
      AND ${alias}.published_at >= ${DAY_START_SQL('$4', '$6')} AND ${alias}.published_at < ${DAY_END_SQL('$5', '$6')}`;
const REQUESTS = `${inPeriod('i')} AND i.type IN (${REQUEST_TYPES_SQL}) AND i.status <> 'ignored'`;
const paramsOf = (s: StatsScope) => [s.workspaceId, s.brandId, s.channelAccountId, s.from, s.to, s.timezone];

/**
 * The inbox's response read model over `inbox_items` (with read-only joins of comments for the
 * sentiment counts, services and channel_accounts for group labels, brands for the KPI hook).
 * A request is an item whose (corrected) type needs an answer, counted in the period of its message.
 */
@Injectable()
export class InboxStatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Minutes to the first brand reply, one per answered request. */
  async firstResponseMinutes(scope: StatsScope): Promise<number[]> {
    const rows = (await this.db.query(
      `SELECT i.first_response_minutes AS m FROM inbox_items i
         WHERE ${REQUESTS} AND i.status = 'answered' AND i.first_response_minutes IS NOT NULL`,
      paramsOf(scope),
    )) as Array<{ m: number }>;
    return rows.map((r) => r.m);
  }

  async requestCounts(scope: StatsScope): Promise<{ requests: number; answered: number }> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS requests, count(*) FILTER (WHERE i.status = 'answered')::int AS answered
         FROM inbox_items i WHERE ${REQUESTS}`,
      paramsOf(scope),
    )) as Array<{ requests: number; answered: number }>;
    return row ?? { requests: 0, answered: 0 };
  }

  /** Requests, answers and first-response percentiles (linear interpolation) per group. */
  async byGroup(scope: StatsScope, grouping: StatsGrouping): Promise<StatsGroupRow[]> {
    const g = GROUPINGS[grouping];
    return (await this.db.query(
      `SELECT ${g.key} AS key, ${g.label} AS label, count(*)::int AS requests,
           count(*) FILTER (WHERE i.status = 'answered')::int AS answered,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY i.first_response_minutes) FILTER (WHERE i.status = 'answered') AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY i.first_response_minutes) FILTER (WHERE i.status = 'answered') AS p90
         FROM inbox_items i ${g.join} WHERE ${REQUESTS}
         GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
      paramsOf(scope),
    )) as StatsGroupRow[];
  }

  /** Community comments (not from the brand) of the period by sentiment (null = not enriched yet). */
  async commentSentiments(scope: StatsScope): Promise<Array<{ sentiment: string | null; n: number }>> {
    return (await this.db.query(
      `SELECT c.sentiment, count(*)::int AS n FROM comments c
         WHERE ${inPeriod('c')} AND NOT c.is_from_brand GROUP BY 1`,
      paramsOf(scope),
    )) as Array<{ sentiment: string | null; n: number }>;
  }

  /** Inbound messages of one local month (first day given) by (corrected) type. */
  async typeCountsOfMonth(workspaceId: string, brandId: string, firstDay: string, timezone: string) {
    return (await this.db.query(
      `SELECT i.type, count(*)::int AS n FROM inbox_items i
       WHERE i.workspace_id = $1 AND i.brand_id = $2
         AND i.published_at >= ${DAY_START_SQL('$3', '$4')}
         AND i.published_at < ((($3::date) + interval '1 month')::timestamp AT TIME ZONE $4)
       GROUP BY 1`,
      [workspaceId, brandId, firstDay, timezone],
    )) as Array<{ type: RequestType; n: number }>;
  }

  /**
   * The KPI hook's figures for several periods of one brand in one statement: counts and the
   * answered items' minutes only (not one JSON pair per request) — an index-only scan of
   * inbox_items_requests_idx, whose predicate is exactly this type list.
   */
  async kpiResponses(
    q: { workspaceId: string; brandId: string; channelAccountId: string | null; timezone: string },
    periods: ReadonlyArray<{ from: string; to: string }>,
  ): Promise<KpiResponsesRow[]> {
    const params = [q.workspaceId, q.brandId, q.channelAccountId, periods.map((x) => x.from), periods.map((x) => x.to), q.timezone];
    const inPeriods = (alias: string) => `${alias}.workspace_id = $1 AND ${alias}.brand_id = $2
      AND ($3::uuid IS NULL OR ${alias}.channel_account_id = $3)
      AND ${alias}.published_at >= ${DAY_START_SQL('k.from_day', '$6')} AND ${alias}.published_at < ${DAY_END_SQL('k.to_day', '$6')}`;
    return (await preparedQuery(this.db,
      `SELECT b.kind, k.i::int AS i,
         (SELECT count(*)::int FROM comments c WHERE ${inPeriods('c')} AND NOT c.is_from_brand AND c.enriched_at IS NULL) AS unenriched,
         r.requests, r.answered, r.minutes
       FROM brands b
       CROSS JOIN unnest($4::date[], $5::date[]) WITH ORDINALITY AS k(from_day, to_day, i)
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS requests, count(*) FILTER (WHERE i.status = 'answered')::int AS answered,
           coalesce(array_agg(i.first_response_minutes) FILTER (WHERE i.status = 'answered' AND i.first_response_minutes IS NOT NULL), '{}') AS minutes
         FROM inbox_items i WHERE ${inPeriods('i')} AND i.type IN (${REQUEST_TYPES_SQL}) AND i.status <> 'ignored') r
       WHERE b.workspace_id = $1 AND b.id = $2`,
      params,
    )) as KpiResponsesRow[];
  }
}
