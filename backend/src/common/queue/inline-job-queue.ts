import { Logger } from '@nestjs/common';
import {
  type AddJobOptions,
  backoffDelay,
  type JobHandler,
  JobQueue,
  type QueueDefinition,
  RetryAfterError,
} from './job-queue';

interface InlineJob {
  id: string;
  name: string;
  data: unknown;
  attempt: number;
  runAt: number;
}

/** Single-machine mode: same handlers, same retry semantics, no Redis. Jobs do not survive a restart. */
export class InlineJobQueue extends JobQueue {
  readonly kind = 'inline' as const;
  private readonly logger = new Logger('queue');
  private readonly defs = new Map<string, QueueDefinition>();
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private readonly waiting = new Map<string, InlineJob[]>();
  private readonly active = new Map<string, number>();
  private readonly pendingIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly recentStarts = new Map<string, number[]>();
  private running = false;
  private closed = false;
  private seq = 0;

  defineQueue(def: QueueDefinition): void {
    this.defs.set(def.name, def);
    // Defined again (a recurring job on a queue its module defines too): keep the jobs and counts.
    if (!this.waiting.has(def.name)) this.waiting.set(def.name, []);
    if (!this.active.has(def.name)) this.active.set(def.name, 0);
  }

  register<T>(queue: string, jobName: string, handler: JobHandler<T>): void {
    this.handlers.set(`${queue}:${jobName}`, handler as JobHandler<unknown>);
  }

  async add<T>(queue: string, jobName: string, data: T, opts: AddJobOptions = {}): Promise<void> {
    if (this.closed) return;
    const def = this.requireDef(queue);
    const id = opts.jobId ?? `inline-${++this.seq}`;
    const key = `${def.name}:${id}`;
    if (this.pendingIds.has(key)) return;
    this.pendingIds.add(key);
    this.waiting.get(queue)!.push({ id, name: jobName, data, attempt: 1, runAt: Date.now() + (opts.delayMs ?? 0) });
    this.schedulePump(queue, opts.delayMs ?? 0);
  }

  async every<T>(queue: string, jobName: string, everyMs: number, data: T, schedulerId: string): Promise<void> {
    const t = setInterval(() => void this.add(queue, jobName, data, { jobId: `${schedulerId}` }), everyMs);
    t.unref();
    this.timers.add(t);
    await this.add(queue, jobName, data, { jobId: schedulerId });
  }

  async startWorkers(): Promise<void> {
    this.running = true;
    for (const q of this.defs.keys()) this.schedulePump(q, 0);
  }

  async health(): Promise<'up' | 'down'> {
    return this.closed ? 'down' : 'up';
  }

  async pendingCount(queue: string): Promise<number> {
    return (this.waiting.get(queue)?.length ?? 0) + (this.active.get(queue) ?? 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.running = false;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    // let in-flight handlers finish
    for (let i = 0; i < 200 && [...this.active.values()].some((n) => n > 0); i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private requireDef(queue: string): QueueDefinition {
    const def = this.defs.get(queue);
    if (!def) throw new Error(`Queue "${queue}" is not defined`);
    return def;
  }

  private schedulePump(queue: string, delayMs: number): void {
    if (!this.running || this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.pump(queue);
    }, Math.max(0, delayMs));
    this.timers.add(t);
  }

  private pump(queue: string): void {
    const def = this.requireDef(queue);
    const list = this.waiting.get(queue)!;
    const now = Date.now();
    list.sort((a, b) => a.runAt - b.runAt);
    while ((this.active.get(queue) ?? 0) < def.concurrency && list.length && list[0].runAt <= now) {
      if (def.limiter) {
        const starts = (this.recentStarts.get(queue) ?? []).filter((t) => t > now - def.limiter!.durationMs);
        this.recentStarts.set(queue, starts);
        if (starts.length >= def.limiter.max) {
          this.schedulePump(queue, starts[0] + def.limiter.durationMs - now);
          return;
        }
        starts.push(now);
      }
      const job = list.shift()!;
      void this.run(def, job);
    }
    if (list.length) this.schedulePump(queue, Math.max(0, list[0].runAt - now));
  }

  private async run(def: QueueDefinition, job: InlineJob): Promise<void> {
    const handler = this.handlers.get(`${def.name}:${job.name}`);
    this.active.set(def.name, (this.active.get(def.name) ?? 0) + 1);
    const key = `${def.name}:${job.id}`;
    try {
      if (!handler) throw new Error(`No handler for job ${def.name}:${job.name}`);
      await handler(job.data, { jobId: job.id, attempt: job.attempt });
      this.pendingIds.delete(key);
    } catch (err) {
      const attempts = def.attempts ?? 3;
      if (err instanceof RetryAfterError) {
        this.requeue(def, job, err.delayMs, job.attempt);
      } else if (job.attempt < attempts && !this.closed) {
        this.requeue(def, job, backoffDelay(def.backoffMs ?? 1000, job.attempt), job.attempt + 1);
      } else {
        this.pendingIds.delete(key);
        this.logger.warn(`job ${def.name}:${job.name} failed after ${job.attempt} attempt(s): ${(err as Error).message}`);
      }
    } finally {
      this.active.set(def.name, (this.active.get(def.name) ?? 1) - 1);
      this.schedulePump(def.name, 0);
    }
  }

  private requeue(def: QueueDefinition, job: InlineJob, delayMs: number, attempt: number): void {
    this.waiting.get(def.name)!.push({ ...job, attempt, runAt: Date.now() + delayMs });
    this.schedulePump(def.name, delayMs);
  }
}
