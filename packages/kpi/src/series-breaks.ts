import type { CountKey } from './kpi-keys';
import { metricMapping, type MetricDefinitionEra, type Platform } from './metric-names';

/** One stored figure of a series: the day and the raw metric name it was read from. */
export interface SeriesPoint {
  /** 'YYYY-MM-DD' (any ISO string that sorts chronologically works). */
  date: string;
  platform: Platform;
  sourceMetric: string;
}

export interface SeriesBreak {
  /** First date measured with the new definition: flag it on the chart / in the report. */
  date: string;
  platform: Platform;
  canonical: CountKey;
  fromEra: MetricDefinitionEra;
  toEra: MetricDefinitionEra;
  fromMetric: string;
  toMetric: string;
}

/**
 * Dates where a series switches between Meta's 'impressions' and 'views' definitions, per
 * platform and canonical key (a brand series may mix channels). Points whose metric has no
 * era (reach on Instagram, every non-Meta metric, unknown names) neither start nor end a
 * segment. Input order does not matter; breaks come out sorted by date.
 */
export function detectSeriesBreak(points: readonly SeriesPoint[]): SeriesBreak[] {
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const last = new Map<string, { era: MetricDefinitionEra; metric: string }>();
  const breaks: SeriesBreak[] = [];
  for (const point of sorted) {
    const mapping = metricMapping(point.platform, point.sourceMetric);
    if (!mapping?.era) continue;
    const seriesKey = `${point.platform}:${mapping.canonical}`;
    const previous = last.get(seriesKey);
    if (previous && previous.era !== mapping.era) {
      breaks.push({
        date: point.date,
        platform: point.platform,
        canonical: mapping.canonical,
        fromEra: previous.era,
        toEra: mapping.era,
        fromMetric: previous.metric,
        toMetric: point.sourceMetric,
      });
    }
    last.set(seriesKey, { era: mapping.era, metric: point.sourceMetric });
  }
  return breaks;
}

/** Just the distinct break dates, sorted (what a chart needs to draw markers). */
export function seriesBreakDates(points: readonly SeriesPoint[]): string[] {
  return [...new Set(detectSeriesBreak(points).map((found) => found.date))];
}
