import { BadRequestException } from '@nestjs/common';
import { periodLength, previousPeriod, type DayPeriod } from '@vigie/kpi';

export const MAX_VEILLE_PERIOD_DAYS = 731;

function fail(field: string, error: string): never {
  throw new BadRequestException({ statusCode: 400, message: `Invalid request: ${field} (${error})`, details: [{ field, errors: [error] }] });
}

/** Checks inclusive local days from ≤ to (real dates, at most two years); returns the previous period too. */
export function checkPeriod(from: string, to: string): { period: DayPeriod; previous: DayPeriod; days: number } {
  let days = 0;
  try {
    days = periodLength(from, to);
  } catch {
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
  if (days > MAX_VEILLE_PERIOD_DAYS) fail('to', `the period may not exceed ${MAX_VEILLE_PERIOD_DAYS} days`);
  return { period: { from, to }, previous: previousPeriod(from, to), days };
}
