import { addDays, type DayPeriod } from '@vigie/kpi';
import type { Granularity } from './kpi-query.dto';

/** First day of the bucket holding `day`: itself, its ISO week's Monday, or its month's 1st. */
export function bucketStart(day: string, granularity: Granularity): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return `${day.slice(0, 7)}-01`;
  // Calendar days only: a UTC Date carries no time-zone shift here.
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}

/** Every bucket of the period, in order, clipped to [from, to] (so empty buckets show as 0). */
export function seriesBuckets(period: DayPeriod, granularity: Granularity): Array<DayPeriod & { key: string }> {
  const buckets: Array<DayPeriod & { key: string }> = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    const key = bucketStart(day, granularity);
    const last = buckets[buckets.length - 1];
    if (last && last.key === key) last.to = day;
    else buckets.push({ key, from: day, to: day });
  }
  return buckets;
}
