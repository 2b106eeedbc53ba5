import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DayPeriod } from '@vigie/kpi';
import type { DataSource } from 'typeorm';
import type { Granularity } from './api/kpi-query.dto';
import { METRIC_COLUMNS, type MetricColumn } from './rollups/rollup-sql';
import { preparedQuery } from '../../common/database/prepared-query';
import { scopeCheckSql, type ScopeCheckRow } from '../channels/channel-accounts.repository';

/** A brand (and optionally one of its channel accounts) checked against the workspace. */
export interface KpiScope {
  workspaceId: string;
  brandId: string;
  channelAccountId: string | null;
  timezone: string;
}

/** A channel account of the brand as the KPI answer lists it. */
export interface KpiChannelRow {
  id: string;
  platform: string;
  handle: string;
}

/** The scope check's row (workspaces ⟕ brands ⟕ channel_accounts), plus the rollup state when asked. */
export interface KpiScopeRow extends ScopeCheckRow {
  /** kpi_rollup_versions.version of the brand ('0' before its first rollup), with `state`. */
  version?: string;
  /**
   * With `state`: the brand's kind and its activity version (sum of its kpi_activity_marks,
   * raised by every statement writing its comments or inbox items; '0' before the first).
   */
  brand_kind?: string | null;
  activity_version?: string;
  /** With `state`: sum of the brand's kpi_source_marks (followers, tracked links, share of voice). */
  sources_version?: string;
  channels?: KpiChannelRow[];
}

/** Summed kpi_daily_rollups columns as returned by Postgres (bigint sums come back as strings). */
export type RollupSumRow = { posts: string | number } & {
  [K in MetricColumn | `${MetricColumn}_known`]: string | number;
};

/** One grouping set of groupedSums: by channel (g_channel = 0), content type, bucket, or the total (all 1). */
export type GroupedRow = RollupSumRow & {
  g_channel: number;
  g_type: number;
  g_bucket: number;
  channel_account_id: string | null;
  content_type: string | null;
  bucket: string | null;
};

/** Summed kpi_hourly_rollups of one local weekday (1 = Monday) × hour. */
export interface HeatmapRow {
  weekday: number;
  hour: number;
  posts: number;
  interactions: number;
  reach: number;
}

/** Per local day and platform, the rollup rows' posts of each impressions era. */
export interface EraDayRow {
  day: string;
  platform: string;
  old_era: number;
  views_era: number;
}

/** Follower snapshots of one channel account for period i (1-based). */
export interface FollowersRow {
  id: string;
  i: string;
  end_followers: number | null;
  start_followers: number | null;
}

/**
 * SELECT list summing rollup rows `r`, aliased as RollupSumRow expects. Bigint metrics are
 * summed as float8: exact up to 2^53 (far above a brand's yearly impressions) and several times
 * cheaper than sum(bigint)'s numeric accumulator on a year of daily rows.
 */
export const ROLLUP_SUM_SELECT = [
  'coalesce(sum(r.posts), 0) AS posts',
  ...METRIC_COLUMNS.flatMap((m) => [
    `coalesce(sum(r.${m}::float8), 0) AS ${m}`,
    `coalesce(sum(r.${m}_known), 0) AS ${m}_known`,
  ]),
].join(', ');

const BUCKET_SQL: Record<Granularity, string> = {
  day: 'r.day',
  week: "date_trunc('week', r.day)::date",
  month: "date_trunc('month', r.day)::date",
};

/**
 * The KPI read model: kpi_daily_rollups, kpi_hourly_rollups, kpi_rollup_versions, kpi_activity_marks and kpi_source_marks, with the
 * hand-tuned read-only joins on workspaces (time zone), brands, channel_accounts and
 * account_daily_stats (followers). Statements benchmarked by scripts/bench-kpi.ts.
 */
@Injectable()
export class KpiReadsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The workspace's time zone, whether the brand / channel account exist in it (and the channel
   * account's brand) — with `state`, the brand's rollup version and its channel accounts (all,
   * or the filtered one) in order. One round trip.
   */
  async scope(workspaceId: string, brandId: string, channelAccountId: string | null, state: boolean): Promise<KpiScopeRow | undefined> {
    const rollupState = `, coalesce((SELECT v.version FROM kpi_rollup_versions v WHERE v.brand_id = b.id), 0)::text AS version,
      b.kind AS brand_kind, coalesce((SELECT sum(m.weight) FROM kpi_activity_marks m WHERE m.brand_id = b.id), 0)::text AS activity_version,
      coalesce((SELECT sum(m.weight) FROM kpi_source_marks m WHERE m.brand_id = b.id), 0)::text AS sources_version,
      coalesce((SELECT json_agg(json_build_object('id', x.id, 'platform', x.platform, 'handle', x.handle) ORDER BY x.created_at, x.id)
        FROM channel_accounts x WHERE x.workspace_id = w.id AND x.brand_id = b.id AND ($3::uuid IS NULL OR x.id = $3)), '[]') AS channels`;
    const [row] = (await preparedQuery(this.db, scopeCheckSql(state ? rollupState : ''), [workspaceId, brandId, channelAccountId])) as KpiScopeRow[];
    return row;
  }

  /** One scan of the period's rollups, grouped by channel, by content type, by bucket and in total. */
  groupedSums(scope: KpiScope, period: DayPeriod, granularity: Granularity): Promise<GroupedRow[]> {
    const bucket = BUCKET_SQL[granularity];
    return preparedQuery(this.db,
      `SELECT GROUPING(r.channel_account_id) AS g_channel, GROUPING(r.content_type) AS g_type,
         GROUPING(${bucket}) AS g_bucket, r.channel_account_id, r.content_type, (${bucket})::text AS bucket,
         ${ROLLUP_SUM_SELECT}
       FROM kpi_daily_rollups r
       WHERE r.workspace_id = $1 AND r.brand_id = $2 AND r.day BETWEEN $3::date AND $4::date
         AND ($5::uuid IS NULL OR r.channel_account_id = $5)
       GROUP BY GROUPING SETS ((r.channel_account_id), (r.content_type), (${bucket}), ())`,
      [scope.workspaceId, scope.brandId, period.from, period.to, scope.channelAccountId],
    ) as Promise<GroupedRow[]>;
  }

  async totalSums(scope: KpiScope, period: DayPeriod): Promise<RollupSumRow | undefined> {
    const [row] = (await preparedQuery(this.db,
      `SELECT ${ROLLUP_SUM_SELECT} FROM kpi_daily_rollups r
       WHERE r.workspace_id = $1 AND r.brand_id = $2 AND r.day BETWEEN $3::date AND $4::date
         AND ($5::uuid IS NULL OR r.channel_account_id = $5)`,
      [scope.workspaceId, scope.brandId, period.from, period.to, scope.channelAccountId],
    )) as RollupSumRow[];
    return row;
  }

  /**
   * Per channel account and period (every period in one round trip): the last follower snapshot
   * on or before `to` and the last one before `from`.
   */
  followers(scope: KpiScope, periods: readonly DayPeriod[]): Promise<FollowersRow[]> {
    return preparedQuery(this.db,
      `SELECT ca.id, p.i,
         (SELECT s.followers FROM account_daily_stats s WHERE s.channel_account_id = ca.id
            AND s.followers IS NOT NULL AND s.day <= p.to_day ORDER BY s.day DESC LIMIT 1) AS end_followers,
         (SELECT s.followers FROM account_daily_stats s WHERE s.channel_account_id = ca.id
            AND s.followers IS NOT NULL AND s.day < p.from_day ORDER BY s.day DESC LIMIT 1) AS start_followers
       FROM channel_accounts ca, unnest($3::date[], $4::date[]) WITH ORDINALITY AS p(from_day, to_day, i)
       WHERE ca.workspace_id = $1 AND ca.brand_id = $2 AND ($5::uuid IS NULL OR ca.id = $5)`,
      [scope.workspaceId, scope.brandId, periods.map((p) => p.from), periods.map((p) => p.to), scope.channelAccountId],
    ) as Promise<FollowersRow[]>;
  }

  /** Interactions per local weekday (1 = Monday … 7 = Sunday) × hour of publication (cells with posts only). */
  heatmap(scope: KpiScope, period: DayPeriod): Promise<HeatmapRow[]> {
    return preparedQuery(this.db,
      // float8 sums: exact up to 2^53 and much cheaper than bigint's numeric accumulator. The
      // arrays are unnested in the select list (zipped, same lengths): a third of the cost of a
      // lateral unnest(a, b, c, d), which runs a function scan per rollup row.
      `SELECT weekday, hour::int AS hour, sum(posts)::int AS posts, sum(interactions::float8) AS interactions,
         sum(reach::float8) AS reach
       FROM (SELECT extract(isodow FROM r.day)::int AS weekday, unnest(r.hours) AS hour, unnest(r.posts) AS posts,
           unnest(r.interactions) AS interactions, unnest(r.reach) AS reach
         FROM kpi_hourly_rollups r
         WHERE r.workspace_id = $1 AND r.brand_id = $2 AND r.day BETWEEN $3::date AND $4::date
           AND ($5::uuid IS NULL OR r.channel_account_id = $5)) u
       GROUP BY 1, 2`,
      [scope.workspaceId, scope.brandId, period.from, period.to, scope.channelAccountId],
    ) as Promise<HeatmapRow[]>;
  }

  /** Per local day and platform (only `platforms`, those whose metrics have eras), the era counts. */
  eraDays(scope: KpiScope, period: DayPeriod, platforms: readonly string[]): Promise<EraDayRow[]> {
    return preparedQuery(this.db,
      `SELECT r.day::text AS day, ca.platform, sum(r.impressions_era_impressions)::int AS old_era,
         sum(r.impressions_era_views)::int AS views_era
       FROM kpi_daily_rollups r JOIN channel_accounts ca ON ca.id = r.channel_account_id
       WHERE r.workspace_id = $1 AND r.brand_id = $2 AND r.day BETWEEN $3::date AND $4::date
         AND ($5::uuid IS NULL OR r.channel_account_id = $5)
         AND (r.impressions_era_impressions > 0 OR r.impressions_era_views > 0)
         AND ca.platform = ANY($6::text[])
       GROUP BY 1, 2`,
      [scope.workspaceId, scope.brandId, period.from, period.to, scope.channelAccountId, platforms],
    ) as Promise<EraDayRow[]>;
  }
}
