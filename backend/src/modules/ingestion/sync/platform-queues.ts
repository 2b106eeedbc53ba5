import type { QueueDefinition } from '../../../common/queue/job-queue';
import type { Platform } from '../../channels/connectors/channel-connector';

/**
 * One queue per platform (`ingestion-<platform>`; BullMQ forbids ':' in queue names), so that
 *  - each platform has its own concurrency and job-rate limiter (its API budget), shared by
 *    every worker replica through Redis;
 *  - a 429 + Retry-After pauses only that platform's queue (BullMQ rate-limits a whole worker),
 *    never the accounts of the other platforms.
 * The limiter counts sync runs, not HTTP calls: a run makes a few dozen calls, and the
 * connectors themselves back off on the platforms' usage headers.
 */
export interface PlatformBudget {
  concurrency: number;
  /** Sync runs started per minute, across all workers. */
  runsPerMinute: number;
}

export const PLATFORM_BUDGETS: Record<Platform, PlatformBudget> = {
  // Business Use Case limits are per page and hour: many pages may sync side by side.
  facebook: { concurrency: 2, runsPerMinute: 20 },
  instagram: { concurrency: 2, runsPerMinute: 20 },
  // 10,000 quota units per day per project: a run costs ~10-50 units.
  youtube: { concurrency: 1, runsPerMinute: 6 },
  // Pay per read, 15-minute windows per endpoint.
  x: { concurrency: 1, runsPerMinute: 4 },
  // Unpublished daily limits, only a 429 as a signal: stay gentle.
  linkedin: { concurrency: 1, runsPerMinute: 6 },
  // 600 requests/min per endpoint.
  tiktok: { concurrency: 2, runsPerMinute: 20 },
  // 300 requests per 5 min per instance by default.
  mastodon: { concurrency: 2, runsPerMinute: 10 },
  // ~3,000 requests per 5 min per IP.
  bluesky: { concurrency: 2, runsPerMinute: 30 },
  // 100 queries/min per OAuth client (10 without).
  reddit: { concurrency: 1, runsPerMinute: 6 },
  // Plain feeds on many hosts, conditional GETs.
  rss: { concurrency: 4, runsPerMinute: 60 },
};

export const SYNC_ATTEMPTS = 5;
export const SYNC_BACKOFF_MS = 2000;

export function syncQueueName(platform: Platform): string {
  return `ingestion-${platform}`;
}

export function platformQueueDefinition(platform: Platform): QueueDefinition {
  const b = PLATFORM_BUDGETS[platform];
  return {
    name: syncQueueName(platform),
    concurrency: b.concurrency,
    limiter: { max: b.runsPerMinute, durationMs: 60_000 },
    attempts: SYNC_ATTEMPTS,
    backoffMs: SYNC_BACKOFF_MS,
  };
}
