import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type FaultRig, startRig } from './harness/fault-rig';
import { contentChecksums, type FaultWorld, startFaultWorld } from './harness/fault-world';
import { type HealthSample } from './harness/health-poller';
import { startOwnPostgres } from './harness/own-postgres';
import { sleep, until } from '../../test-utils/wait';

/**
 * Faults survived, end to end: real API and worker processes (src/main.ts), BullMQ on a Redis
 * of the test's own, real Postgres, the platform sandbox behind a slow proxy. Each fault lands
 * in the middle of the syncs of five accounts; afterwards the database must hold exactly what
 * one clean uninterrupted run writes (row counts + content checksums per ingested table), every
 * account must have synced to the end by itself (cursor saved, status `ok`), no queue job may
 * have failed for good, and the API must have answered its health check all along.
 * (The kill -9 during the posts phase: modules/ingestion/__tests__/kill-worker.int-spec.ts.)
 */
let world: FaultWorld;
beforeAll(async () => {
  world = await startFaultWorld({ timeoutHoldMs: 300 });
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const count = async (rig: FaultRig, table: string): Promise<number> => {
  const [r] = (await rig.db.query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>;
  return r.n;
};
const unfinished = async (rig: FaultRig): Promise<number> => {
  const [r] = (await rig.db.query(`SELECT count(*)::int AS n FROM channel_accounts WHERE last_success_at IS NULL`)) as Array<{ n: number }>;
  return r.n;
};
const keys = (samples: HealthSample[]) => [...new Set(samples.map((s) => (s.code === 'unreachable' ? 'unreachable' : `${s.code} ${s.status}`)))].sort();

describe('fault: worker SIGKILLed during the comments phase, then restarted', () => {
  let rig: FaultRig;
  beforeAll(async () => {
    rig = await startRig(world);
  }, 120_000);
  afterAll(async () => rig?.close());

  it('ends with the rows of a clean run, every account ok, API up', async () => {
    const killed = await rig.startWorker();
    // Comments are being written while others (and other accounts) are still to come.
    await until('comments being written', async () => (await count(rig, 'comments')) > 0, 60_000, 20);
    await killed.kill('SIGKILL');
    const during = await contentChecksums(rig.db);
    expect(during.comments.count).toBeGreaterThan(0);
    expect(during.comments.count).toBeLessThan(world.reference.comments.count);
    expect(await unfinished(rig)).toBeGreaterThan(0);

    await rig.startWorker();
    const { after, states } = await rig.settle();
    await rig.health.stop();
    const queues = await rig.queueCounts();
    rig.report('worker SIGKILL in the comments phase, restarted', during, after, [`queues: ${JSON.stringify(queues)}`]);

    expect(after).toEqual(world.reference);
    expect(states.every((s) => s.status === 'ok' && s.cursor)).toBe(true);
    for (const q of Object.values(queues)) expect(q.failed).toBe(0);
    // The API never noticed: every poll answered 200 ok.
    expect(rig.health.samples.length).toBeGreaterThan(10);
    expect(keys(rig.health.samples)).toEqual(['200 ok']);
    expect(rig.api.alive()).toBe(true);
  }, 180_000);
});

describe('fault: Postgres stopped and restarted during ingestion', () => {
  let rig: FaultRig;
  let pg: Awaited<ReturnType<typeof startOwnPostgres>>;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vigie-faults-pg-'));
    pg = await startOwnPostgres(dir);
    rig = await startRig(world, { databaseUrl: pg.url });
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
    await pg?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the API answers 503 down while it is away, the worker retries and finishes, rows equal a clean run', async () => {
    await rig.startWorker();
    await until('posts being written', async () => (await count(rig, 'posts')) > 0, 60_000, 20);
    const during = await contentChecksums(rig.db);
    const downAt = Date.now();
    await pg.stop();
    await sleep(3000);
    const upAt = Date.now();
    await pg.start();
    expect(during.posts.count).toBeLessThan(world.reference.posts.count);

    const { after, states } = await rig.settle();
    await rig.health.stop();
    const queues = await rig.queueCounts();
    rig.report('Postgres stopped 3 s mid-sync, restarted', during, after, [
      `health while down: ${JSON.stringify(keys(rig.health.between(downAt + 500, upAt)))}`,
      `queues: ${JSON.stringify(queues)}`,
    ]);

    expect(after).toEqual(world.reference);
    expect(states.every((s) => s.status === 'ok' && s.cursor)).toBe(true);
    for (const q of Object.values(queues)) expect(q.failed).toBe(0);
    // While the database was away the API kept answering, and said so.
    expect(keys(rig.health.between(downAt + 500, upAt))).toEqual(['503 down']);
    expect(keys(rig.health.samples)).toEqual(['200 ok', '503 down']);
    expect(rig.health.samples.at(-1)).toMatchObject({ code: 200, status: 'ok' });
    expect(rig.api.alive()).toBe(true);
  }, 180_000);
});

describe('fault: Redis killed and restarted with jobs in flight', () => {
  let rig: FaultRig;
  beforeAll(async () => {
    rig = await startRig(world);
  }, 120_000);
  afterAll(async () => rig?.close());

  it('jobs in flight finish or are retried, nothing lost or duplicated, health degraded meanwhile', async () => {
    await rig.startWorker();
    await until('posts being written', async () => (await count(rig, 'posts')) > 0, 60_000, 20);
    const during = await contentChecksums(rig.db);
    const [running] = (await rig.db.query(`SELECT count(*)::int AS n FROM channel_accounts WHERE sync_lease_until > now()`)) as Array<{ n: number }>;
    expect(running.n).toBeGreaterThan(0); // sync jobs in flight
    const downAt = Date.now();
    await rig.redis.kill('SIGKILL');
    await sleep(3000);
    const upAt = Date.now();
    await rig.redis.start(); // same port, same directory: the AOF brings the queues back
    expect(await unfinished(rig)).toBeGreaterThan(0);

    const { after, states } = await rig.settle();
    await rig.health.stop();
    const queues = await rig.queueCounts();
    rig.report('Redis SIGKILLed 3 s mid-sync, restarted (AOF)', during, after, [
      `health while down: ${JSON.stringify(keys(rig.health.between(downAt + 500, upAt)))}`,
      `queues: ${JSON.stringify(queues)}`,
    ]);

    expect(after).toEqual(world.reference);
    expect(states.every((s) => s.status === 'ok' && s.cursor)).toBe(true);
    for (const q of Object.values(queues)) expect(q.failed).toBe(0);
    expect(keys(rig.health.between(downAt + 500, upAt))).toEqual(['200 degraded']);
    expect(keys(rig.health.samples)).toEqual(['200 degraded', '200 ok']);
    expect(rig.health.samples.at(-1)).toMatchObject({ code: 200, status: 'ok' });
    expect(rig.api.alive()).toBe(true);
    expect(rig.worker).not.toBeNull();
  }, 180_000);
});

describe('fault: platforms answering 429 / 500 / timeouts / garbage for a while', () => {
  let rig: FaultRig;
  beforeAll(async () => {
    rig = await startRig(world);
  }, 120_000);
  afterAll(async () => {
    world.sb.clearFaults();
    await rig?.close();
  });

  it('accounts go degraded (failing for garbage), come back ok by themselves, rows equal a clean run', async () => {
    await rig.startWorker();
    await until('posts being written', async () => (await count(rig, 'posts')) > 0, 60_000, 20);
    const during = await contentChecksums(rig.db);
    world.sb.setFault({ platform: 'facebook', kind: '429', count: 3, retryAfterSeconds: 1 });
    world.sb.setFault({ platform: 'mastodon', kind: '500', count: 2 });
    world.sb.setFault({ platform: 'bluesky', kind: 'timeout', count: 2 });
    world.sb.setFault({ platform: 'reddit', kind: 'garbage', count: 1 });

    const { after, states } = await rig.settle();
    await rig.health.stop();
    const queues = await rig.queueCounts();
    const faulted = world.sb.requests().filter((r) => r.fault);
    rig.report('429 ×3 (facebook), 500 ×2 (mastodon), timeout ×2 (bluesky), garbage ×1 (reddit)', during, after, [
      `faulty answers served: ${faulted.length} (${faulted.map((r) => `${r.platform}:${r.fault}`).join(', ')})`,
      `queues: ${JSON.stringify(queues)}`,
    ]);

    expect(after).toEqual(world.reference);
    expect(states.every((s) => s.status === 'ok' && s.cursor)).toBe(true);
    expect(faulted).toHaveLength(8);
    const seen = (platform: string) => new Set([...rig.statuses.seen.entries()].filter(([k]) => k.startsWith(`${platform}:`)).flatMap(([, v]) => v));
    // Transient faults: degraded while the queue retries; garbage is permanent (failing) until the scheduler's next try.
    expect(seen('mastodon').has('degraded')).toBe(true);
    expect(seen('bluesky').has('degraded')).toBe(true);
    expect(seen('facebook').has('degraded')).toBe(true);
    expect(seen('reddit').has('failing')).toBe(true);
    for (const q of Object.values(queues)) expect(q.failed).toBe(0);
    expect(keys(rig.health.samples)).toEqual(['200 ok']);
    expect(rig.api.alive()).toBe(true);
  }, 180_000);
});
