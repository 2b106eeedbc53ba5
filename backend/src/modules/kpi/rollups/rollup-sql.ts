/**
 * SQL shared by the incremental refresh and the full rebuild. Attribution rule: a post's
 * metrics (lifetime counts, updated on every sync) count on the local day it was PUBLISHED,
 * like Metricool's and Sprout's post-level KPIs; the local day is in the workspace's time zone.
 */
import { METRIC_COLUMNS, POST_INTERACTIONS_SQL } from '../../posts/post-metrics.sql';

// The posts table's metric columns and interactions formula belong to the posts module.
export { METRIC_COLUMNS, POST_INTERACTIONS_SQL };
export type { MetricColumn } from '../../posts/post-metrics.sql';

const DAILY_COLUMNS = [
  'workspace_id',
  'brand_id',
  'channel_account_id',
  'day',
  'content_type',
  'posts',
  ...METRIC_COLUMNS.flatMap((m) => [m, `${m}_known`]),
  'impressions_era_impressions',
  'impressions_era_views',
].join(', ');


/** `source` must expose `p` (posts) and `dayExpr` the local day of each post. */
export function insertDailySql(source: string, dayExpr: string): string {
  const metrics = METRIC_COLUMNS.map((m) => `coalesce(sum(p.${m}), 0), count(p.${m})`).join(', ');
  return `
    INSERT INTO kpi_daily_rollups (${DAILY_COLUMNS})
    SELECT p.workspace_id, p.brand_id, p.channel_account_id, ${dayExpr}, p.content_type, count(*),
      ${metrics},
      count(*) FILTER (WHERE p.impressions IS NOT NULL AND p.impressions_definition = 'impressions'),
      count(*) FILTER (WHERE p.impressions IS NOT NULL AND p.impressions_definition = 'views')
    FROM ${source}
    GROUP BY 1, 2, 3, 4, 5`;
}

export function insertHourlySql(source: string, dayExpr: string, hourExpr: string): string {
  return `
    INSERT INTO kpi_hourly_rollups (workspace_id, brand_id, channel_account_id, day, hours, posts, interactions, reach)
    SELECT workspace_id, brand_id, channel_account_id, day, array_agg(hour ORDER BY hour),
      array_agg(posts ORDER BY hour), array_agg(interactions ORDER BY hour), array_agg(reach ORDER BY hour)
    FROM (
      SELECT p.workspace_id, p.brand_id, p.channel_account_id, ${dayExpr} AS day, ${hourExpr} AS hour,
        count(*)::int AS posts, sum(${POST_INTERACTIONS_SQL})::bigint AS interactions,
        coalesce(sum(p.reach), 0)::bigint AS reach
      FROM ${source}
      GROUP BY 1, 2, 3, 4, 5
    ) h
    GROUP BY 1, 2, 3, 4`;
}

/** Local day / hour of p.published_at; `w` is the post's workspace. */
export const LOCAL_DAY_SQL = '(p.published_at AT TIME ZONE w.timezone)::date';
export const LOCAL_HOUR_SQL = 'extract(hour FROM p.published_at AT TIME ZONE w.timezone)::smallint';
