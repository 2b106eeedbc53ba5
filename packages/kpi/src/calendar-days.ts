/**
 * Calendar-day arithmetic on ISO 'YYYY-MM-DD' strings (proleptic Gregorian), with no Date and
 * no time zone: the API's `from`/`to` are already calendar days in the workspace's time zone.
 */

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseDay(day: string): { year: number; month: number; dayOfMonth: number } {
  const match = DAY_PATTERN.exec(day);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const dayOfMonth = Number(match[3]);
    if (month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= daysInMonth(year, month)) {
      return { year, month, dayOfMonth };
    }
  }
  throw new RangeError(`not an ISO calendar day (YYYY-MM-DD): "${day}"`);
}

/** True for a real ISO calendar day 'YYYY-MM-DD' ('2025-02-30', '2025-2-3' and non-strings are not). */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    parseDay(value);
    return true;
  } catch {
    return false;
  }
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
function toDayNumber(day: string): number {
  const { year, month, dayOfMonth } = parseDay(day);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of toDayNumber (civil_from_days). */
function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new RangeError(`day out of range: year ${year}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`;
}

/** The day `days` after (or before, if negative) `day`. */
export function addDays(day: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromDayNumber(toDayNumber(day) + days);
}

/** Number of days in the inclusive range [from, to]; throws if to is before from. */
export function periodLength(from: string, to: string): number {
  const length = toDayNumber(to) - toDayNumber(from) + 1;
  if (length < 1) throw new RangeError(`period ends before it starts: ${from} → ${to}`);
  return length;
}

export interface DayPeriod {
  /** First day, inclusive, 'YYYY-MM-DD'. */
  from: string;
  /** Last day, inclusive, 'YYYY-MM-DD'. */
  to: string;
}

/**
 * The period of equal length that ends the day before `from` (both bounds inclusive):
 * 2024-03-01..2024-03-31 (31 days) → 2024-01-30..2024-02-29. For "previous calendar month"
 * (the monthly report) use previousMonth / monthPeriod instead.
 */
export function previousPeriod(from: string, to: string): DayPeriod {
  const length = periodLength(from, to);
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

function parseMonth(month: string): { year: number; month: number } {
  const match = MONTH_PATTERN.exec(month);
  const year = Number(match?.[1]);
  const monthNumber = Number(match?.[2]);
  if (!match || monthNumber < 1 || monthNumber > 12) {
    throw new RangeError(`not an ISO month (YYYY-MM): "${month}"`);
  }
  return { year, month: monthNumber };
}

/** First and last day of a calendar month 'YYYY-MM'. */
export function monthPeriod(month: string): DayPeriod {
  const parsed = parseMonth(month);
  const prefix = `${pad(parsed.year, 4)}-${pad(parsed.month, 2)}`;
  return {
    from: `${prefix}-01`,
    to: `${prefix}-${pad(daysInMonth(parsed.year, parsed.month), 2)}`,
  };
}

/** The calendar month before 'YYYY-MM' ('2025-01' → '2024-12'). */
export function previousMonth(month: string): string {
  const { year, month: monthNumber } = parseMonth(month);
  if (monthNumber === 1) {
    if (year === 0) throw new RangeError('no month before 0000-01');
    return `${pad(year - 1, 4)}-12`;
  }
  return `${pad(year, 4)}-${pad(monthNumber - 1, 2)}`;
}
