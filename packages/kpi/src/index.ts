export * from './kpi-keys';
export {
  mergeCountSums,
  sumCounts,
  type CountRecord,
  type CountSums,
  type CountTotals,
} from './sum-counts';
export {
  checkCounts,
  computeKpis,
  computePostRates,
  type PostRates,
  type KpiInput,
  type KpiResult,
  type KpiWarning,
} from './compute-kpis';
export {
  KPI_DEFINITIONS,
  type KpiDefinition,
  type KpiFormat,
  type KpiKind,
  type LocalizedText,
} from './kpi-definitions';
export {
  METRIC_NAMES,
  METRIC_NAMES_VERSION,
  PLATFORMS,
  canonicalMetric,
  isPlatform,
  metricDefinitionEra,
  metricMapping,
  type MetricDefinitionEra,
  type MetricMapping,
  type Platform,
} from './metric-names';
export {
  detectSeriesBreak,
  seriesBreakDates,
  type SeriesBreak,
  type SeriesPoint,
} from './series-breaks';
export { delta, type Delta } from './delta';
export { median, percentile } from './stats';
export {
  addDays,
  daysInMonth,
  isCalendarDay,
  monthPeriod,
  periodLength,
  previousMonth,
  previousPeriod,
  type DayPeriod,
} from './calendar-days';
