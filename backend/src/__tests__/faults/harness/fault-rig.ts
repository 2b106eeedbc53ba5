import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { SecretBox } from '../../../common/crypto/secret-box';
import { syncQueueName } from '../../../modules/ingestion/sync/platform-queues';
import { createTestDatabase } from '../../../test-utils/test-app';
import { type AccountState, allSyncedOk, type Checksums, contentChecksums, type FaultWorld, printChecksumTable, seedAccounts, watchStatuses } from './fault-world';
import { type HealthPoller, pollHealth } from './health-poller';
import { type OwnRedis, startOwnRedis } from './redis-server';
import { type SlowProxy, slowProxy } from '../../../test-utils/slow-proxy';
import { startVigie, type VigieProcess } from './vigie-process';
import { until } from '../../../test-utils/wait';

export interface RigOptions {
  /** A database of the test's own (Postgres restart); default: a fresh one on the shared test server. */
  databaseUrl?: string;
  /** Delay per platform request: stretches the syncs so faults land mid-run. */
  proxyDelayMs?: number;
  /** Extra environment for the worker (and API). */
  env?: Record<string, string>;
}

/**
 * The system under fault: an API process and a worker process (src/main.ts), BullMQ on a Redis
 * of the test's own (AOF on), the faults world's accounts pointed at the sandbox through a slow
 * proxy. The API's health is polled and the accounts' statuses watched from the start.
 */
export interface FaultRig {
  db: DataSource;
  api: VigieProcess;
  redis: OwnRedis;
  proxy: SlowProxy;
  health: HealthPoller;
  statuses: ReturnType<typeof watchStatuses>;
  worker: VigieProcess | null;
  startWorker(): Promise<VigieProcess>;
  /** Waits until every account synced ok by itself, stops the worker (graceful) and returns the final checksums. */
  settle(timeoutMs?: number): Promise<{ after: Checksums; states: AccountState[] }>;
  /** Failed + still pending jobs per sync queue (from Redis). */
  queueCounts(): Promise<Record<string, Record<string, number>>>;
  report(title: string, during: Checksums | null, after: Checksums, notes?: string[]): void;
  close(): Promise<void>;
}

export const SYNC_INTERVAL_MS = '4000';

export async function startRig(world: FaultWorld, opts: RigOptions = {}): Promise<FaultRig> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigie-faults-'));
  const redis = await startOwnRedis(path.join(dir, 'redis'));
  const databaseUrl = opts.databaseUrl ?? (await createTestDatabase());
  const env = {
    databaseUrl,
    redisUrl: redis.url,
    secretKeyHex: world.secretKeyHex,
    dataDir: path.join(dir, 'data'),
    // Accounts come due again every few seconds: the scheduler is part of the recovery under test.
    extra: { VIGIE_SYNC_INTERVAL_MS: SYNC_INTERVAL_MS, ...opts.env },
  };
  const api = await startVigie('api', env); // migrates an empty database
  const db = new DataSource({ type: 'postgres', url: databaseUrl, extra: { connectionTimeoutMillis: 2000 } });
  await db.initialize();
  const proxy = await slowProxy(world.sb.url, opts.proxyDelayMs ?? 15);
  const key = Buffer.from(world.secretKeyHex, 'hex');
  await seedAccounts(db, world.accounts, new SecretBox(key), (p) => `${proxy.url}/${p}`);
  const health = pollHealth(api.url);
  const statuses = watchStatuses(db);
  const platforms = [...new Set(world.accounts.map((a) => a.platform))];

  const rig: FaultRig = {
    db,
    api,
    redis,
    proxy,
    health,
    statuses,
    worker: null,
    startWorker: async () => {
      rig.worker = await startVigie('worker', env);
      return rig.worker;
    },
    settle: async (timeoutMs = 90_000) => {
      let states: AccountState[];
      try {
        states = await until('every account synced ok', () => allSyncedOk(db, world.accounts.length), timeoutMs, 200);
      } catch (e) {
        throw new Error(`${(e as Error).message}\n${JSON.stringify(await db.query('SELECT platform, status, last_error, last_success_at FROM channel_accounts'))}\n--- worker ---\n${rig.worker?.output().slice(-4000)}`);
      }
      await rig.worker?.stop();
      return { after: await contentChecksums(db), states };
    },
    queueCounts: async () => {
      const out: Record<string, Record<string, number>> = {};
      const connection = new IORedis(redis.url, { maxRetriesPerRequest: null });
      try {
        for (const p of platforms) {
          const q = new Queue(syncQueueName(p), { connection, prefix: 'vigie' });
          out[p] = await q.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed');
          await q.close();
        }
      } finally {
        await connection.quit();
      }
      return out;
    },
    report: (title, during, after, notes = []) =>
      printChecksumTable(title, world.reference, during, after, [
        `health polls: ${JSON.stringify(health.summary())}`,
        `account statuses seen: ${statuses.lines().join(', ')}`,
        ...notes,
      ]),
    close: async () => {
      await health.stop();
      await statuses.stop();
      await rig.worker?.kill('SIGKILL');
      await api.kill('SIGKILL');
      await db.destroy().catch(() => undefined);
      await proxy.close();
      await redis.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return rig;
}
