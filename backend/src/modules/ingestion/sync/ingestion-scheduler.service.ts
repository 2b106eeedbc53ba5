import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { JobQueue } from '../../../common/queue/job-queue';
import { ChannelAccountsRepository } from '../../channels/channel-accounts.repository';
import type { Platform } from '../../channels/connectors/channel-connector';
import { SYNC_CHANNEL_JOB, type SyncChannelJobData } from '../../channels/channels.service';
import { connectorFor } from './channel-sync.service';
import { isDue, scheduledJobId } from './due-accounts';
import { syncQueueName } from './platform-queues';

/**
 * Enqueues one sync job per due channel account (worker processes only). A tick every
 * VIGIE_SYNC_TICK_MS reads the accounts from Postgres, so accounts added or removed at run
 * time are picked up or dropped at the next tick with no scheduler state to clean up; jobIds
 * per interval slot keep enqueueing idempotent across replicas (see due-accounts.ts).
 * Chosen over BullMQ job schedulers (one per account) because those outlive deleted accounts
 * and do not exist in the in-process queue.
 */
@Injectable()
export class IngestionScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('sync-scheduler');
  private readonly timers: NodeJS.Timeout[] = [];
  private ticking = false;

  constructor(
    private readonly accounts: ChannelAccountsRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api' || this.config.syncTickMs <= 0) return;
    const tick = () => void this.tick().catch((e: Error) => this.logger.warn(`tick failed: ${e.message}`));
    // A first look soon after boot (a restarted worker resumes interrupted syncs), then periodic.
    this.timers.push(setTimeout(tick, Math.min(1000, this.config.syncTickMs)));
    this.timers.push(setInterval(tick, this.config.syncTickMs));
    for (const t of this.timers) t.unref();
  }

  onModuleDestroy(): void {
    for (const t of this.timers) clearTimeout(t);
  }

  intervalOf(platform: Platform): number | null {
    const connector = connectorFor(platform);
    if (!connector) return null;
    return this.config.syncIntervalMs ?? connector.syncIntervalMs;
  }

  /** Enqueues every due account; returns how many jobs were added. */
  async tick(now = new Date()): Promise<number> {
    if (this.ticking) return 0;
    this.ticking = true;
    try {
      const rows = await this.accounts.scheduleRows();
      let added = 0;
      for (const row of rows) {
        const interval = this.intervalOf(row.platform as Platform);
        if (interval === null || !isDue(row, interval, now)) continue;
        await this.queue.add<SyncChannelJobData>(syncQueueName(row.platform as Platform), SYNC_CHANNEL_JOB, {
          channelAccountId: row.id,
        }, { jobId: scheduledJobId(row.id, interval, now) });
        added++;
      }
      return added;
    } finally {
      this.ticking = false;
    }
  }

  /**
   * A scheduled job that waited behind others skips when a run succeeded meanwhile. Only the
   * last success counts here: failures and leases are the queue's retries' business.
   */
  async stillDue(accountId: string, now = new Date()): Promise<boolean> {
    const row = await this.accounts.lastSuccess(accountId);
    if (!row) return false;
    const interval = this.intervalOf(row.platform as Platform);
    if (interval === null) return false;
    return !row.last_success_at || now.getTime() - row.last_success_at.getTime() >= interval;
  }
}
