import type { AppConfig } from '../../config/app-config';
import type { JobQueue } from './job-queue';

export interface RecurringJob {
  queue: string;
  name: string;
  everyMs: number;
  /** The schedule's id: one schedule whatever the number of replicas (an upsert). */
  schedulerId: string;
}

/**
 * A data-less job that runs every `everyMs`: its handler is registered in every process, its
 * schedule is upserted by worker processes only (an API-only process never schedules work).
 */
export async function registerRecurring(queue: JobQueue, config: Pick<AppConfig, 'role'>, job: RecurringJob, handler: () => Promise<void>): Promise<void> {
  queue.register<Record<string, never>>(job.queue, job.name, handler);
  if (config.role !== 'api') await queue.every(job.queue, job.name, job.everyMs, {}, job.schedulerId);
}
