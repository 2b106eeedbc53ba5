/**
 * Queue abstraction: BullMQ on Redis in production, an in-process queue on a single machine.
 * Job handlers never know which one runs them. Payloads carry ids, not rows.
 */
export interface JobContext {
  jobId: string;
  attempt: number; // 1-based
}

export type JobHandler<T = unknown> = (data: T, ctx: JobContext) => Promise<void>;

export interface QueueDefinition {
  name: string;
  concurrency: number;
  /** At most `max` jobs per `durationMs` across all workers (per-platform API budgets). */
  limiter?: { max: number; durationMs: number };
  attempts?: number;
  /** Base delay of the exponential backoff between attempts. */
  backoffMs?: number;
}

export interface AddJobOptions {
  /** Same jobId while a job is waiting = enqueued once (idempotent enqueueing). */
  jobId?: string;
  delayMs?: number;
}

/** Thrown by a handler when the remote side asked us to wait (429 + Retry-After). */
export class RetryAfterError extends Error {
  constructor(
    readonly delayMs: number,
    message = `retry after ${delayMs} ms`,
  ) {
    super(message);
  }
}

export abstract class JobQueue {
  abstract readonly kind: 'bullmq' | 'inline';
  abstract defineQueue(def: QueueDefinition): void;
  abstract register<T>(queue: string, jobName: string, handler: JobHandler<T>): void;
  abstract add<T>(queue: string, jobName: string, data: T, opts?: AddJobOptions): Promise<void>;
  /** Recurring job; safe to call from several replicas (upsert). */
  abstract every<T>(queue: string, jobName: string, everyMs: number, data: T, schedulerId: string): Promise<void>;
  /** Starts consuming (worker role only). */
  abstract startWorkers(): Promise<void>;
  abstract health(): Promise<'up' | 'down'>;
  /** Waiting + active + delayed jobs, for tests and health. */
  abstract pendingCount(queue: string): Promise<number>;
  abstract close(): Promise<void>;
}

export function backoffDelay(baseMs: number, attempt: number): number {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}
