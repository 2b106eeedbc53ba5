import { delta, KPI_DEFINITIONS, type KpiKey } from '@vigie/kpi';
import type { KpiResponseDto as KpiResponse, SeriesPointDto } from '@vigie/contracts';

/** The Overview tiles, in reading order (issue 7: visibility → engagement → community → traffic → care → voice). */
export const OVERVIEW_TILE_KEYS: KpiKey[] = [
  'impressions',
  'reach',
  'interactions',
  'engagementRateByReach',
  'engagementRateByImpressions',
  'followers',
  'followerGrowthRate',
  'clicks',
  'conversions',
  'medianFirstResponseMinutes',
  'netSentiment',
  'shareOfVoice',
];

export type Trend = 'good' | 'bad' | 'neutral' | 'none';

export interface TileModel {
  key: KpiKey;
  value: number | null;
  previous: number | null;
  /** Relative change for counts; absolute change (in fraction points) for ratios. */
  change: number | null;
  changeKind: 'relative' | 'points';
  trend: Trend;
  missing: boolean;
  partial: boolean;
  /** Per-bucket values when the API's series carries this key; nulls are gaps. */
  sparkline: Array<number | null> | null;
}

/**
 * Ratios compare in points (12,5 % → 14 % is +1,5 pt), counts in percent of the previous value:
 * "+300 %" on a rate that went from 1 % to 4 % would mislead.
 */
export function buildTile(res: KpiResponse, key: KpiKey): TileModel {
  const def = KPI_DEFINITIONS[key];
  const value = res.kpis[key] ?? null;
  const previous = res.previousKpis[key] ?? null;
  const d = delta(value, previous);
  const changeKind = def.format === 'percent' ? 'points' : 'relative';
  const change = changeKind === 'points' ? d.absolute : d.relative;
  let trend: Trend = 'none';
  if (change !== null && change !== 0) {
    trend = def.higherIsBetter === null ? 'neutral' : change > 0 === def.higherIsBetter ? 'good' : 'bad';
  } else if (change === 0) trend = 'neutral';
  return {
    key,
    value,
    previous,
    change,
    changeKind,
    trend,
    missing: res.missing.includes(key),
    partial: res.partial.includes(key),
    sparkline: sparklineOf(res.series, key),
  };
}

export function sparklineOf(series: SeriesPointDto[], key: string): Array<number | null> | null {
  if (series.length < 2 || !series.some((p) => key in p)) return null;
  return series.map((p) => {
    const v = p[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  });
}

/** SVG polyline points for a sparkline; gaps (null) split the line into segments. */
export function sparklinePaths(values: Array<number | null>, width: number, height: number, pad = 2): string[] {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0 || values.length < 2) return [];
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const stepX = (width - 2 * pad) / (values.length - 1);
  const y = (v: number) => (max === min ? height / 2 : pad + (height - 2 * pad) * (1 - (v - min) / span));
  const paths: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) paths.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${round(pad + i * stepX)},${round(y(v))}`);
  });
  if (current.length) paths.push(current.join(' '));
  return paths;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
