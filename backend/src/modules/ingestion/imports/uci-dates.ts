import { zonedToIso } from './zoned-time';

export interface DateParts {
  month: number;
  /** 1 = Sunday … 7 = Saturday (UCI "Facebook metrics"; the only reading that fits every month of the file). */
  weekday: number;
  hour: number;
}

/** The assumption, as shown in the import report. */
export function uciDatesNote(year: number, timeZone: string, adjusted: number): string {
  return (
    `Dates reconstructed: this file has no dates, only Post Month, Post Weekday (1 = Sunday … 7 = Saturday) and ` +
    `Post Hour, of ${year}. Rows are taken to be in reverse chronological order (newest first, as exported): ` +
    `walking from the last row (oldest) up, each post gets the first day of its month that falls on its weekday ` +
    `and is not earlier than the previous post's day; a post at an earlier hour than the previous one on the same ` +
    `day moves to the next week. Hours are read in the workspace time zone (${timeZone}). ` +
    `${adjusted} row(s) needed such an adjustment. Day-level figures are plausible, not exact.`
  );
}

/**
 * Reconstructs publication instants for rows given in reverse chronological order (see
 * uciDatesNote). Returns ISO instants in the rows' order and how many rows were adjusted
 * (moved a week, or clamped to the month's last matching weekday).
 */
export function reconstructDates(rows: readonly DateParts[], year: number, timeZone: string): { dates: string[]; adjusted: number } {
  const dates = new Array<string>(rows.length);
  let adjusted = 0;
  let prev: { month: number; day: number; hour: number } | null = null;
  const dim = (m: number) => new Date(Date.UTC(year, m, 0)).getUTCDate();
  const dow = (m: number, d: number) => new Date(Date.UTC(year, m - 1, d)).getUTCDay(); // 0 = Sunday
  for (let i = rows.length - 1; i >= 0; i--) {
    const { month, weekday, hour } = rows[i];
    const target = weekday - 1;
    let day: number = prev && prev.month === month ? prev.day : 1;
    while (dow(month, day) !== target) day++;
    if (prev && prev.month === month && day === prev.day && hour < prev.hour) {
      day += 7;
      adjusted++;
    }
    if (day > dim(month)) {
      day = dim(month);
      while (dow(month, day) !== target) day--;
      adjusted++;
    }
    dates[i] = zonedToIso(year, month, day, hour, 0, 0, timeZone);
    prev = { month, day, hour };
  }
  return { dates, adjusted };
}
