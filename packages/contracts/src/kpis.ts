import type { CountKey, KpiKey } from '@vigie/kpi';
import type { DayPeriodDto } from './common';
import type { KpiValues } from './metrics';

export type Granularity = 'day' | 'week' | 'month';
export type KpiWarningDto = 'reachExceedsImpressions' | 'answeredExceedsRequests';

/** KPI values of one slice, with the keys that could not be computed or only in part. */
export interface KpiBlockDto {
  kpis: KpiValues;
  missing: KpiKey[];
  partial: KpiKey[];
}

/** One bucket of the series: its local days and the series keys' values. */
export interface SeriesPointDto {
  from: string;
  to: string;
  [key: string]: string | number | null;
}

export interface HeatmapCellDto {
  /** 1 = Monday … 7 = Sunday, in the workspace's time zone. */
  weekday: number;
  hour: number;
  posts: number;
  interactions: number;
  reach: number;
}

/** A day where a series switches between Meta's 'impressions' and 'views' definitions. */
export interface SeriesBreakDto {
  date: string;
  platform: string;
  canonical: CountKey;
  fromEra: 'impressions' | 'views';
  toEra: 'impressions' | 'views';
  fromMetric: string;
  toMetric: string;
}

/** `GET /workspaces/:id/kpis`. */
export interface KpiResponseDto {
  brandId: string;
  channelAccountId: string | null;
  timezone: string;
  granularity: Granularity;
  period: DayPeriodDto;
  previousPeriod: DayPeriodDto;
  kpis: KpiValues;
  previousKpis: KpiValues;
  missing: KpiKey[];
  partial: KpiKey[];
  previousMissing: KpiKey[];
  previousPartial: KpiKey[];
  warnings: KpiWarningDto[];
  series: SeriesPointDto[];
  byChannel: Array<KpiBlockDto & { channelAccountId: string; platform: string; handle: string }>;
  byContentType: Array<KpiBlockDto & { contentType: string }>;
  heatmap: { timezone: string; cells: HeatmapCellDto[] };
  seriesBreaks: SeriesBreakDto[];
}
