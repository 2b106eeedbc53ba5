import type { LoggerService } from '@nestjs/common';
import { type AppConfig } from './config/app-config';
import { createDataSource } from './database/data-source';
import { BullmqJobQueue } from './common/queue/bullmq-job-queue';
import { InlineJobQueue } from './common/queue/inline-job-queue';
import type { JobQueue } from './common/queue/job-queue';
import { startEmbeddedDatabase } from './infra/embedded-database';
import { findRedisServer, startPrivateRedis } from './infra/private-redis';

/** The external parts one process needs, resolved before Nest boots (and stopped after it). */
export interface Runtime {
  config: AppConfig;
  databaseUrl: string;
  queue: JobQueue;
  embeddedDatabase: boolean;
  stop(): Promise<void>;
}

export async function prepareRuntime(config: AppConfig, logger: LoggerService): Promise<Runtime> {
  const stops: Array<() => Promise<void>> = [];
  const log = { log: (m: string) => logger.log(m, 'runtime'), warn: (m: string) => logger.warn(m, 'runtime'), error: (m: string) => logger.error(m, undefined, 'runtime') };
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const db = await startEmbeddedDatabase(config.dataDir, log);
    databaseUrl = db.url;
    stops.push(db.stop);
  }
  let redisUrl = config.redisUrl;
  if (!redisUrl) {
    const bin = findRedisServer();
    if (bin) {
      const redis = await startPrivateRedis(bin, config.dataDir);
      redisUrl = redis.url;
      stops.push(redis.stop);
      log.log(`Started a private redis-server on ${redis.url}`);
    }
  }
  let queue: JobQueue;
  if (redisUrl) queue = new BullmqJobQueue(redisUrl);
  else {
    queue = new InlineJobQueue();
    log.warn(
      'Single-machine mode: no REDIS_URL and no redis-server on PATH, jobs run in this process (in-memory queue, not shared across processes).',
    );
  }
  if (config.role !== 'worker') await runMigrations(databaseUrl, log);
  return {
    config,
    databaseUrl,
    queue,
    embeddedDatabase: !config.databaseUrl,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  };
}

/**
 * Only API processes migrate; an advisory lock keeps two replicas from migrating at once.
 * Boot plumbing, not a module: it runs on its own short-lived DataSource before Nest (and so any
 * repository) exists, and touches no table — only the session-level advisory lock around TypeORM's
 * migration runner. That is why its two statements stay here rather than in a repository.
 */
export async function runMigrations(url: string, log?: { log(m: string): void }): Promise<void> {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock(727274)');
    const done = await ds.runMigrations({ transaction: 'each' });
    if (done.length && log) log.log(`Applied migrations: ${done.map((m) => m.name).join(', ')}`);
    await ds.query('SELECT pg_advisory_unlock(727274)');
  } finally {
    await ds.destroy();
  }
}
