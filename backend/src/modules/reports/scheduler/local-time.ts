import { previousMonth } from '@vigie/kpi';

export interface LocalTime {
  /** 'YYYY-MM' of the local date. */
  month: string;
  day: number;
  hour: number;
}

/** The wall-clock date and hour of `now` in an IANA time zone. */
export function localTime(now: Date, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { month: `${get('year')}-${get('month')}`, day: Number(get('day')), hour: Number(get('hour')) };
}

/** The local calendar day 'YYYY-MM-DD' of an instant. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Drafts are generated on the 1st from 06:00 local time. */
export const GENERATE_HOUR = 6;

/**
 * What is due for a workspace at `now`: on the 1st (local) from 06:00, last month's drafts; on
 * the 1st from the configured hour, sending them. Later in the day still counts, so a worker
 * that was down at 06:00 catches up; other days nothing is due.
 */
export function dueMonth(now: Date, timeZone: string): { month: string; hour: number } | null {
  const local = localTime(now, timeZone);
  if (local.day !== 1) return null;
  return { month: previousMonth(local.month), hour: local.hour };
}
