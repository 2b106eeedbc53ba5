import { Logger } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import {
  type AddJobOptions,
  type JobHandler,
  JobQueue,
  type QueueDefinition,
  RetryAfterError,
} from './job-queue';

/** A health check must answer quickly even when Redis does not. */
const HEALTH_PING_TIMEOUT_MS = 1000;

/** BullMQ on Redis: jobs survive restarts and are shared by every worker replica. */
export class BullmqJobQueue extends JobQueue {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('queue');
  private readonly connection: IORedis;
  private readonly defs = new Map<string, QueueDefinition>();
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly handlers = new Map<string, JobHandler<unknown>>();

  constructor(redisUrl: string, private readonly prefix = 'vigie') {
    super();
    this.connection = new IORedis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
    this.connection.on('error', (e) => this.logger.warn(`redis: ${e.message}`));
  }

  defineQueue(def: QueueDefinition): void {
    this.defs.set(def.name, def);
    if (!this.queues.has(def.name)) {
      this.queues.set(
        def.name,
        new Queue(def.name, {
          connection: this.connection,
          prefix: this.prefix,
          defaultJobOptions: {
            attempts: def.attempts ?? 3,
            backoff: { type: 'exponential', delay: def.backoffMs ?? 1000 },
            removeOnComplete: { count: 1000 },
            removeOnFail: { count: 5000 },
          },
        }),
      );
    }
  }

  register<T>(queue: string, jobName: string, handler: JobHandler<T>): void {
    this.handlers.set(`${queue}:${jobName}`, handler as JobHandler<unknown>);
  }

  async add<T>(queue: string, jobName: string, data: T, opts: AddJobOptions = {}): Promise<void> {
    const q = this.queues.get(queue);
    if (!q) throw new Error(`Queue "${queue}" is not defined`);
    await q.add(jobName, data, { jobId: opts.jobId, delay: opts.delayMs });
  }

  async every<T>(queue: string, jobName: string, everyMs: number, data: T, schedulerId: string): Promise<void> {
    const q = this.queues.get(queue);
    if (!q) throw new Error(`Queue "${queue}" is not defined`);
    await q.upsertJobScheduler(schedulerId, { every: everyMs }, { name: jobName, data });
  }

  async startWorkers(): Promise<void> {
    for (const def of this.defs.values()) {
      const worker: Worker = new Worker(
        def.name,
        async (job: Job) => {
          const handler = this.handlers.get(`${def.name}:${job.name}`);
          if (!handler) throw new Error(`No handler for job ${def.name}:${job.name}`);
          try {
            await handler(job.data, { jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
          } catch (err) {
            if (err instanceof RetryAfterError) {
              // The platform asked us to wait: pause this queue, the job is retried without losing an attempt.
              await worker.rateLimit(err.delayMs);
              throw Worker.RateLimitError();
            }
            throw err;
          }
        },
        {
          connection: this.workerConnection(),
          prefix: this.prefix,
          concurrency: def.concurrency,
          limiter: def.limiter ? { max: def.limiter.max, duration: def.limiter.durationMs } : undefined,
        },
      );
      worker.on('failed', (job, err) =>
        this.logger.warn(`job ${def.name}:${job?.name} attempt ${job?.attemptsMade} failed: ${err.message}`),
      );
      worker.on('error', (err) => this.logger.warn(`worker ${def.name}: ${err.message}`));
      this.workers.push(worker);
    }
  }

  private workerConnection(): IORedis {
    const c = this.connection.duplicate();
    c.on('error', (e) => this.logger.warn(`redis (worker): ${e.message}`));
    return c;
  }

  async health(): Promise<'up' | 'down'> {
    // maxRetriesPerRequest: null queues commands while Redis is away: a plain PING would hang the
    // health check until Redis returns. Answer from the connection state, and bound the PING.
    if (this.connection.status !== 'ready') return 'down';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'down'>((resolve) => {
      timer = setTimeout(() => resolve('down'), HEALTH_PING_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.connection.ping().then((r) => (r === 'PONG' ? ('up' as const) : ('down' as const))), timeout]);
    } catch {
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }

  async pendingCount(queue: string): Promise<number> {
    const q = this.queues.get(queue);
    if (!q) return 0;
    const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    return Object.values(c).reduce((a, b) => a + b, 0);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.connection.quit().catch(() => undefined);
  }
}
