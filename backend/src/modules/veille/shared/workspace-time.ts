import { NotFoundException } from '@nestjs/common';
import type { WorkspacesRepository } from '../../workspaces/workspaces.repository';

/** The workspace's time zone (through its owner's repository); 404 when it does not exist. */
export async function workspaceTimezone(workspaces: Pick<WorkspacesRepository, 'timezoneOf'>, workspaceId: string): Promise<string> {
  const timezone = await workspaces.timezoneOf(workspaceId);
  if (timezone === undefined) throw new NotFoundException('Workspace not found');
  return timezone;
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
