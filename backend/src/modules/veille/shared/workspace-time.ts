import { NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export async function workspaceTimezone(db: DataSource, workspaceId: string): Promise<string> {
  const [row] = (await db.query('SELECT timezone FROM workspaces WHERE id = $1', [workspaceId])) as Array<{ timezone: string }>;
  if (!row) throw new NotFoundException('Workspace not found');
  return row.timezone;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** 'YYYY-MM-DD' of an instant in a time zone. */
export function localDay(d: Date, timezone: string): string {
  let f = dayFormats.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timezone, f);
  }
  return f.format(d);
}

/**
 * SQL bounds of inclusive local days: `published_at >= lower AND published_at < upper`,
 * computed by Postgres so DST transitions follow the tz database.
 */
export const PERIOD_BOUNDS_SQL = {
  lower: (fromParam: string, tzParam: string) => `((${fromParam})::date::timestamp AT TIME ZONE ${tzParam})`,
  upper: (toParam: string, tzParam: string) => `(((${toParam})::date + 1)::timestamp AT TIME ZONE ${tzParam})`,
};
