import type { ScheduleRow } from '../../channels/channel-accounts.repository';

export type { ScheduleRow };

/** First retry gap of a failing account; doubles per consecutive failure, capped by the interval. */
export const FAILURE_BACKOFF_MS = 60_000;

/**
 * Is a sync due now? Due when the last success is older than the platform's interval (or
 * never happened), no run holds the lease, and — after failures — the failure backoff
 * (1 min, 2 min, 4 min… up to the interval) has elapsed since the last error.
 */
export function isDue(row: ScheduleRow, intervalMs: number, now: Date): boolean {
  const t = now.getTime();
  if (row.sync_lease_until && row.sync_lease_until.getTime() > t) return false;
  if (row.last_success_at && t - row.last_success_at.getTime() < intervalMs) return false;
  if (row.consecutive_failures > 0 && row.last_error_at) {
    const gap = Math.min(intervalMs, FAILURE_BACKOFF_MS * 2 ** Math.min(20, row.consecutive_failures - 1));
    if (t - row.last_error_at.getTime() < gap) return false;
  }
  return true;
}

/**
 * Job id of a scheduled run: one per account and interval slot, so several worker replicas
 * ticking at once enqueue it once, and the next slot gets a fresh id (BullMQ keeps finished
 * job ids for a while, which would swallow a re-used id).
 */
export function scheduledJobId(accountId: string, intervalMs: number, now: Date): string {
  return `sched-${accountId}-${Math.floor(now.getTime() / intervalMs)}`;
}
