import type { NormalizedAccountStats } from './channel-connector';
import { DAY_MS, utcDay } from './sync-window';

/** One day's value of a daily series (the UTC day it describes). */
export interface DayValue {
  day: string; // YYYY-MM-DD
  value: number;
}

/** The UTC days that start in [since, until): what getFollowerHistory must return at most. */
export function inHistoryRange(day: string, since: Date, until: Date): boolean {
  return day >= utcDay(since) && Date.parse(`${day}T00:00:00Z`) < until.getTime();
}

/** Consecutive windows of at most `maxMs` covering [since, until) (platforms cap one query's span). */
export function historyWindows(since: Date, until: Date, maxMs: number): Array<{ since: Date; until: Date }> {
  const out: Array<{ since: Date; until: Date }> = [];
  for (let t = since.getTime(); t < until.getTime(); t += maxMs) {
    out.push({ since: new Date(t), until: new Date(Math.min(until.getTime(), t + maxMs)) });
  }
  return out;
}

/** UTC midnight of the day `days` before the day of `at`. */
export function utcMidnightDaysBefore(at: Date, days: number): Date {
  return new Date(Date.parse(`${utcDay(at)}T00:00:00Z`) - days * DAY_MS);
}

/** Follower counts (end of day) as history rows, oldest first. */
export function followerRows(counts: readonly DayValue[]): NormalizedAccountStats[] {
  return [...counts]
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
    .map((c) => ({ day: c.day, followers: c.value, following: null, postsCount: null }));
}

/**
 * End-of-day counts from daily gains, walking back from a count read now: the count at the end
 * of day D is `current` minus the gains of every later day. Gains of the current day (not yet
 * reported) are taken as 0, so the counts are as exact as the gains and that assumption.
 */
export function countsFromGains(current: number, gains: readonly DayValue[]): DayValue[] {
  const sorted = [...gains].sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0)); // newest first
  const out: DayValue[] = [];
  let count = current;
  for (const g of sorted) {
    out.push({ day: g.day, value: count });
    count -= g.value;
  }
  return out.reverse();
}
