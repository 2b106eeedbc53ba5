import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { JobQueue, type QueueDefinition } from './job-queue';

export interface RecurringJob {
  /** The queue it runs on, defined on registration (defining a queue again changes nothing). */
  queue: QueueDefinition;
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
  queue.defineQueue(job.queue);
  queue.register<Record<string, never>>(job.queue.name, job.name, handler);
  if (config.role !== 'api') await queue.every(job.queue.name, job.name, job.everyMs, {}, job.schedulerId);
}

/**
 * registerRecurring for job classes: they ask for this instead of the process configuration,
 * which they would read only to know whether this process schedules (provided by CoreModule).
 */
@Injectable()
export class RecurringJobs {
  constructor(
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'role'>,
  ) {}

  register(job: RecurringJob, handler: () => Promise<void>): Promise<void> {
    return registerRecurring(this.queue, this.config, job, handler);
  }
}
