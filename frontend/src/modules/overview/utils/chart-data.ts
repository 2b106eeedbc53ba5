import { KPI_DEFINITIONS, type KpiKey } from '@vigie/kpi';
import { seriesColor } from '../../../lib/chart/palette';
import { formatDay, type AppLocale } from '../../../lib/format';
import type { KpiBlockDto as KpiBlock, SeriesPointDto } from '@vigie/contracts';

export interface LineData {
  labels: string[];
  datasets: Array<{
    label: string;
    data: Array<number | null>;
    borderColor: string;
    backgroundColor: string;
    spanGaps: boolean;
    tension: number;
    pointRadius: number;
    yAxisID?: string;
  }>;
}

/** One line per KPI key over the buckets; ratios are turned into percentages for the axis. */
export function toSeriesChartData(series: SeriesPointDto[], keys: KpiKey[], locale: AppLocale): LineData {
  return {
    labels: series.map((p) => (p.from === p.to ? formatDay(p.from, locale) : `${formatDay(p.from, locale)}–${formatDay(p.to, locale)}`)),
    datasets: keys.map((key, i) => ({
      label: KPI_DEFINITIONS[key].label[locale],
      data: series.map((p) => {
        const v = p[key];
        if (typeof v !== 'number') return null;
        return KPI_DEFINITIONS[key].format === 'percent' ? v * 100 : v;
      }),
      borderColor: seriesColor(i),
      backgroundColor: seriesColor(i),
      spanGaps: false,
      tension: 0.25,
      pointRadius: series.length > 40 ? 0 : 2,
    })),
  };
}

export interface BarData {
  labels: string[];
  datasets: Array<{ label: string; data: Array<number | null>; backgroundColor: string }>;
}

/** A KPI across groups (channels or content types); groups without the value show as a gap. */
export function toBreakdownChartData<T extends KpiBlock>(
  groups: T[],
  labelOf: (g: T) => string,
  key: KpiKey,
  locale: AppLocale,
): BarData {
  const pct = KPI_DEFINITIONS[key].format === 'percent';
  return {
    labels: groups.map(labelOf),
    datasets: [
      {
        label: KPI_DEFINITIONS[key].label[locale],
        data: groups.map((g) => {
          const v = g.kpis[key];
          return v === null || v === undefined ? null : pct ? v * 100 : v;
        }),
        backgroundColor: seriesColor(0),
      },
    ],
  };
}
