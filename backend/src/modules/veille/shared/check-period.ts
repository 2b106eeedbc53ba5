import type { DayPeriod } from '@vigie/kpi';
import { checkPeriod as checkDayPeriod } from '../../../common/http/day-period';

/** Checks inclusive local days from ≤ to (real dates, at most two years); returns the previous period too. */
export function checkPeriod(from: string, to: string): { period: DayPeriod; previous: DayPeriod; days: number } {
  const { period, previousPeriod, days } = checkDayPeriod(from, to);
  return { period, previous: previousPeriod, days };
}
