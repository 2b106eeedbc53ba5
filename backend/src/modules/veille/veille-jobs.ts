import { Inject, Injectable } from '@nestjs/common';
import { JobQueue } from '../../common/queue/job-queue';
import { RecurringJobs } from '../../common/queue/recurring-job';
import type { Platform } from '../channels/connectors/channel-connector';
import { IngestionEvents } from '../ingestion/ingestion-events';
import { AlertDeliveryService, DELIVER_JOB, DELIVERY_ATTEMPTS, DELIVERY_BACKOFF_MS, DELIVERY_QUEUE, type DeliverJob } from './alerts/alert-delivery.service';
import { AlertRulesRepository } from './alert-rules.repository';
import { AlertEvaluatorService } from './alerts/alert-evaluator.service';
import { ChannelContentMatcher } from './listening/channel-content-matcher.service';
import { ListeningService, SEARCH_PLATFORMS } from './listening/listening.service';
import { ListeningSourcesRepository } from './listening-sources.repository';
import { RssPollerService } from './listening/rss-poller.service';
import { WatchQueriesRepository } from './watch-queries.repository';

export const VEILLE_QUEUE = 'veille';
export const TICK_MS = 60_000;

/**
 * Veille's recurring work, in worker processes only. Two queue-scheduled ticks a minute
 * (BullMQ job schedulers are safe across replicas) only look for due work and enqueue it:
 * - listening-tick → poll-search {queryId, platform} per active query × searchable platform
 *   of the workspace when its interval elapsed, and poll-source {sourceId} per due RSS source;
 * - alerts-tick → evaluate-alerts {workspaceId} per workspace with active rules.
 * Job ids carry a time bucket, so a slow tick never enqueues the same work twice.
 */
@Injectable()
export class VeilleJobs {
  constructor(
    private readonly queries: WatchQueriesRepository,
    private readonly sources: ListeningSourcesRepository,
    private readonly rules: AlertRulesRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
    private readonly recurring: RecurringJobs,
    private readonly events: IngestionEvents,
    private readonly listening: ListeningService,
    private readonly rss: RssPollerService,
    private readonly evaluator: AlertEvaluatorService,
    private readonly delivery: AlertDeliveryService,
    private readonly channelContent: ChannelContentMatcher,
  ) {}

  async init(): Promise<void> {
    const veilleQueue = { name: VEILLE_QUEUE, concurrency: 2, attempts: 3, backoffMs: 10_000 };
    this.queue.defineQueue(veilleQueue);
    this.queue.defineQueue({ name: DELIVERY_QUEUE, concurrency: 4, attempts: DELIVERY_ATTEMPTS, backoffMs: DELIVERY_BACKOFF_MS });
    this.queue.register<{ queryId: string; platform: Platform }>(VEILLE_QUEUE, 'poll-search', async (d) => {
      await this.listening.pollSearch(d.queryId, d.platform);
    });
    this.queue.register<{ sourceId: string }>(VEILLE_QUEUE, 'poll-source', async (d) => {
      await this.rss.poll(d.sourceId);
    });
    this.queue.register<{ workspaceId: string }>(VEILLE_QUEUE, 'evaluate-alerts', async (d) => {
      await this.evaluator.evaluateWorkspace(d.workspaceId);
    });
    this.queue.register<DeliverJob>(DELIVERY_QUEUE, DELIVER_JOB, (d, ctx) => this.delivery.deliver(d.deliveryId, ctx.attempt));
    this.subscribeToIngestion();
    const tick = (name: string) => ({ queue: veilleQueue, name, everyMs: TICK_MS, schedulerId: `veille-${name}` });
    await this.recurring.register(tick('listening-tick'), async () => void (await this.listeningTick()));
    await this.recurring.register(tick('alerts-tick'), async () => void (await this.alertsTick()));
  }

  /** Own/competitor content is matched after each ingestion batch. */
  private subscribeToIngestion(): void {
    this.events.onPostsWritten(async (e) => void (await this.channelContent.matchPosts(e.workspaceId, e.postIds)));
    this.events.onCommentsWritten(async (e) => void (await this.channelContent.matchComments(e.workspaceId, e.commentIds)));
  }

  async listeningTick(now = new Date()): Promise<number> {
    let n = 0;
    const due = await this.queries.searchesWithLastPoll(SEARCH_PLATFORMS);
    for (const d of due) {
      const interval = this.listening.intervalMs(d.platform);
      if (d.last && now.getTime() - new Date(d.last).getTime() < interval) continue;
      const bucket = Math.floor(now.getTime() / interval);
      await this.queue.add(VEILLE_QUEUE, 'poll-search', { queryId: d.queryId, platform: d.platform }, { jobId: `search-${d.queryId}-${d.platform}-${bucket}` });
      n++;
    }
    const interval = this.rss.intervalMs();
    const sourceIds = await this.sources.dueIds(new Date(now.getTime() - interval));
    const bucket = Math.floor(now.getTime() / interval);
    for (const sourceId of sourceIds) {
      await this.queue.add(VEILLE_QUEUE, 'poll-source', { sourceId }, { jobId: `rss-${sourceId}-${bucket}` });
      n++;
    }
    return n;
  }

  async alertsTick(now = new Date()): Promise<number> {
    const workspaceIds = await this.rules.workspacesWithActiveRules();
    const minute = Math.floor(now.getTime() / TICK_MS);
    for (const workspaceId of workspaceIds) {
      await this.queue.add(VEILLE_QUEUE, 'evaluate-alerts', { workspaceId }, { jobId: `alerts-${workspaceId}-${minute}` });
    }
    return workspaceIds.length;
  }
}
