import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../common/queue/job-queue';
import { PLATFORMS, type Platform } from '../channels/connectors/channel-connector';
import { ChannelsModule } from '../channels/channels.module';
import { INGESTION_QUEUE, SYNC_CHANNEL_JOB, type SyncChannelJobData } from '../channels/channels.service';
import { BrandsModule } from '../brands/brands.module';
import { PostsModule } from '../posts/posts.module';
import { ImportChunksRepository } from './imports/import-chunks.repository';
import { ImportRunner } from './imports/import-runner.service';
import { ImportsController } from './imports/imports.controller';
import { ImportsRepository } from './imports/imports.repository';
import { IMPORTS_QUEUE, ImportsService, RUN_IMPORT_JOB, type RunImportJobData } from './imports/imports.service';
import { IngestionEvents } from './ingestion-events';
import { ChannelSyncService } from './sync/channel-sync.service';
import { IngestionScheduler } from './sync/ingestion-scheduler.service';
import { platformQueueDefinition, syncQueueName } from './sync/platform-queues';
import { IngestionWriter } from './writer/ingestion-writer.service';

@Module({
  imports: [ChannelsModule, BrandsModule, PostsModule],
  controllers: [ImportsController],
  providers: [
    ImportsRepository,
    ImportChunksRepository,
    IngestionEvents,
    IngestionWriter,
    ChannelSyncService,
    IngestionScheduler,
    ImportsService,
    ImportRunner,
  ],
  exports: [IngestionEvents, IngestionWriter, ChannelSyncService],
})
export class IngestionModule implements OnModuleInit {
  constructor(
    @Inject(JobQueue) private readonly queue: JobQueue,
    private readonly sync: ChannelSyncService,
    private readonly scheduler: IngestionScheduler,
    private readonly imports: ImportRunner,
  ) {}

  onModuleInit(): void {
    // CSV imports: one at a time per worker (they are I/O heavy); a retry redoes the file idempotently.
    this.queue.defineQueue({ name: IMPORTS_QUEUE, concurrency: 1, attempts: 2, backoffMs: 5000 });
    this.queue.register<RunImportJobData>(IMPORTS_QUEUE, RUN_IMPORT_JOB, (data) => this.imports.run(data.importId));
    for (const platform of PLATFORMS) {
      this.queue.defineQueue(platformQueueDefinition(platform));
      this.queue.register<SyncChannelJobData>(syncQueueName(platform), SYNC_CHANNEL_JOB, async (data, ctx) => {
        if (ctx.jobId.startsWith('sched-') && !(await this.scheduler.stillDue(data.channelAccountId))) return;
        await this.sync.run(data.channelAccountId, ctx);
      });
    }
    // "Sync now" (ChannelsService.requestSync) lands on the shared queue: hand it to its platform's queue.
    this.queue.register<SyncChannelJobData>(INGESTION_QUEUE, SYNC_CHANNEL_JOB, async (data) => {
      const platform = await this.sync.platformOf(data.channelAccountId);
      if (!platform) return;
      await this.queue.add<SyncChannelJobData>(syncQueueName(platform as Platform), SYNC_CHANNEL_JOB, data, {
        jobId: `now-${data.channelAccountId}-${Math.floor(Date.now() / 5000)}`,
      });
    });
  }
}
