import type { SyncCursor } from './channel-connector';

export const DAY_MS = 24 * 3600 * 1000;

/**
 * Oldest publication date a listPosts run reads. First sync: `since`. Later syncs: the
 * newest post already seen minus the platform's refresh window, so the metrics of recent
 * posts keep being re-read while they still move (never before `since`).
 */
export function lowerBoundOf(cursor: SyncCursor | null, since: Date, refreshWindowMs: number): Date {
  const newest = cursor && typeof cursor.newestAt === 'string' ? Date.parse(cursor.newestAt) : NaN;
  if (Number.isNaN(newest)) return since;
  return new Date(Math.max(since.getTime(), newest - refreshWindowMs));
}

/** UTC day (YYYY-MM-DD) of an instant. */
export function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
