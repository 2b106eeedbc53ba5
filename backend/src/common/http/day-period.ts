import { BadRequestException } from '@nestjs/common';
import { periodLength, previousPeriod, type DayPeriod } from '@vigie/kpi';

/** Longest period one KPI call may cover (two years + a leap day): bounds query cost. */
export const MAX_PERIOD_DAYS = 731;
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function fail(field: string, error: string): never {
  throw new BadRequestException({
    statusCode: 400,
    message: `Invalid request: ${field} (${error})`,
    details: [{ field, errors: [error] }],
  });
}

/** Checks a from/to pair of local calendar days; returns it with its previous period. */
export function checkPeriod(
  from: string,
  to: string,
  maxDays = MAX_PERIOD_DAYS,
): { period: DayPeriod; previousPeriod: DayPeriod; days: number } {
  let days: number;
  try {
    days = periodLength(from, to);
  } catch {
    // periodLength throws on impossible days (2025-02-30) and on from > to.
    for (const [field, value] of [['from', from], ['to', to]] as const) {
      try {
        periodLength(value, value);
      } catch {
        fail(field, `${field} must be a real calendar day (YYYY-MM-DD)`);
      }
    }
    fail('to', 'to must be on or after from');
  }
  if (days < 1) fail('to', 'to must be on or after from');
  if (days > maxDays) fail('to', `the period may not exceed ${maxDays} days (got ${days})`);
  return { period: { from, to }, previousPeriod: previousPeriod(from, to), days };
}
