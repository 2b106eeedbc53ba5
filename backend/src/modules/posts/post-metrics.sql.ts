/** Post metric columns of the posts table (also of post_metric_snapshots), in rollup order. */
export const METRIC_COLUMNS = [
  'impressions',
  'reach',
  'reactions',
  'comments',
  'shares',
  'saves',
  'clicks',
  'video_views',
] as const;
export type MetricColumn = (typeof METRIC_COLUMNS)[number];

/** Interactions of one post (`p`): missing components count as 0 (see packages/kpi README). */
export const POST_INTERACTIONS_SQL =
  '(coalesce(p.reactions, 0) + coalesce(p.comments, 0) + coalesce(p.shares, 0) + coalesce(p.saves, 0))';
