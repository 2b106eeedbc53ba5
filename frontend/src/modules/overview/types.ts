import type { KpiKey } from '@vigie/kpi';

/** `GET /api/workspaces/:id/kpis` (backend/src/modules/kpi/api/kpi.service.ts). */
export type KpiValues = Record<KpiKey, number | null>;

export interface KpiBlock {
  kpis: KpiValues;
  missing: KpiKey[];
  partial: KpiKey[];
}

export interface SeriesPointDto {
  from: string;
  to: string;
  [key: string]: string | number | null;
}

export interface HeatmapCell {
  /** 1 = Monday … 7 = Sunday, in the workspace's time zone. */
  weekday: number;
  hour: number;
  posts: number;
  interactions: number;
  reach: number;
}

export interface SeriesBreakDto {
  date: string;
  platform: string;
  canonical: string;
  fromMetric: string;
  toMetric: string;
}

export interface KpiResponse {
  brandId: string;
  channelAccountId: string | null;
  timezone: string;
  granularity: 'day' | 'week' | 'month';
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  kpis: KpiValues;
  previousKpis: KpiValues;
  missing: KpiKey[];
  partial: KpiKey[];
  previousMissing: KpiKey[];
  previousPartial: KpiKey[];
  warnings: string[];
  series: SeriesPointDto[];
  byChannel: Array<KpiBlock & { channelAccountId: string; platform: string; handle: string }>;
  byContentType: Array<KpiBlock & { contentType: string }>;
  heatmap: { timezone: string; cells: HeatmapCell[] };
  seriesBreaks: SeriesBreakDto[];
}
