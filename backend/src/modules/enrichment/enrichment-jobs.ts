import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../common/queue/job-queue';
import { RecurringJobs } from '../../common/queue/recurring-job';
import { IngestionEvents } from '../ingestion/ingestion-events';
import { EnrichmentService } from './enrichment.service';

export const ENRICHMENT_QUEUE = 'enrichment';
export const ENRICH_BATCH_JOB = 'enrich-batch';
const ENRICHMENT_QUEUE_SETTINGS = { name: ENRICHMENT_QUEUE, concurrency: 1, attempts: 3, backoffMs: 2_000 };
/** Safety net: drains anything a missed trigger left behind. */
const SAFETY_NET_EVERY_MS = 5_000;

/**
 * The `enrichment` queue: `enrich-batch` drains unenriched comments and posts. Enqueued after
 * each ingestion write (coalesced per 2-second window) and every few seconds by a recurring job.
 */
@Injectable()
export class EnrichmentJobs implements OnModuleInit {
  private readonly logger = new Logger('enrichment');

  constructor(
    @Inject(JobQueue) private readonly queue: JobQueue,
    private readonly recurring: RecurringJobs,
    private readonly enrichment: EnrichmentService,
    private readonly events: IngestionEvents,
  ) {}

  async onModuleInit(): Promise<void> {
    const safetyNet = { queue: ENRICHMENT_QUEUE_SETTINGS, name: ENRICH_BATCH_JOB, everyMs: SAFETY_NET_EVERY_MS, schedulerId: 'enrichment-safety-net' };
    await this.recurring.register(safetyNet, async () => {
      const done = await this.enrichment.drain();
      if (done.comments || done.posts) {
        this.logger.debug(`enriched ${done.comments} comments, ${done.posts} posts`);
      }
      // Budget exhausted with rows left: hand over to a fresh job rather than hold the worker.
      if (done.more) await this.queue.add(ENRICHMENT_QUEUE, ENRICH_BATCH_JOB, {});
    });
    // New or edited rows: drain soon (the brand replies among them close inbox items). After the
    // registration above, which defines the queue they are added to.
    this.events.onCommentsWritten(() => this.trigger());
    this.events.onPostsWritten(() => this.trigger());
  }

  /** Asks for a drain soon; calls within the same 2 s window enqueue one job. */
  async trigger(): Promise<void> {
    await this.queue.add(ENRICHMENT_QUEUE, ENRICH_BATCH_JOB, {}, { jobId: `enrich-${Math.floor(Date.now() / 2_000)}` });
  }
}
