import { BadRequestException } from '@nestjs/common';

function fail(field: string, error: string): never {
  throw new BadRequestException({
    statusCode: 400,
    message: `Invalid request: ${field} (${error})`,
    details: [{ field, errors: [error] }],
  });
}

function realDay(field: string, day: string): void {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) {
    fail(field, `${field} must be a real calendar day (YYYY-MM-DD)`);
  }
}

/** Checks an optional from/to pair of local days (inclusive). */
export function checkDayRange(from: string | undefined, to: string | undefined): void {
  if (from !== undefined) realDay('from', from);
  if (to !== undefined) realDay('to', to);
  if (from !== undefined && to !== undefined && from > to) fail('to', 'to must be on or after from');
}

/** SQL bounds of local days: `col >= start AND col < end`, local midnights in the workspace zone. */
export const DAY_START_SQL = (dayParam: string, tzParam: string) => `((${dayParam}::date)::timestamp AT TIME ZONE ${tzParam})`;
export const DAY_END_SQL = (dayParam: string, tzParam: string) =>
  `(((${dayParam}::date) + 1)::timestamp AT TIME ZONE ${tzParam})`;
