import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunningSandbox, startSandbox } from '@vigie/platform-sandbox';
import { DataSource } from 'typeorm';
import { SecretBox } from '../../../common/crypto/secret-box';
import { createTestApp, createTestDatabase, type TestApp } from '../../../test-utils/test-app';
import { ChannelSyncService } from '../sync/channel-sync.service';
import { contentChecksums, seedAccount } from './db-checksums';
import { slowProxy } from '../../../test-utils/slow-proxy';
import { sandboxCredentials } from './sandbox-accounts';
import { until } from '../../../test-utils/wait';


/**
 * kill -9 proof: a real worker process (src/main.ts, VIGIE_ROLE=worker) syncs a Facebook page
 * from the sandbox; it is SIGKILLed mid-sync, restarted, and the database it leaves must hold
 * exactly what a clean single run writes (row counts and content checksums of every table).
 */
describe('a worker killed with SIGKILL mid-sync, then restarted', () => {
  let sb: RunningSandbox;
  let clean: TestApp;
  let killed: DataSource;
  let child: ChildProcess | null = null;
  let killedUrl = '';
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vigie-kill-'));
  const secretKey = randomBytes(32).toString('hex');

  beforeAll(async () => {
    const frozen = new Date();
    sb = await startSandbox({ port: 0, now: () => frozen, rateLimits: false });
    clean = await createTestApp();
    killedUrl = await createTestDatabase();
    killed = new DataSource({ type: 'postgres', url: killedUrl });
    await killed.initialize();
  }, 60_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    // A private redis-server the worker may have started (machines with redis on PATH).
    const pidfile = path.join(dataDir, 'redis', 'redis.pid');
    if (existsSync(pidfile)) process.kill(Number(readFileSync(pidfile, 'utf8').trim()), 'SIGTERM');
    await killed.destroy();
    await clean.close();
    await sb.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const startWorker = (): ChildProcess => {
    const c = spawn(process.execPath, [path.join(__dirname, '../../../test-utils/main-from-source.cjs')], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        VIGIE_ROLE: 'worker',
        DATABASE_URL: killedUrl,
        VIGIE_SECRET_KEY: secretKey,
        VIGIE_DATA_DIR: dataDir,
        VIGIE_DEMO: 'false',
        VIGIE_STATIC_DIR: '/nonexistent',
        VIGIE_SYNC_TICK_MS: '300',
        VIGIE_SYNC_LEASE_MS: '1500',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    c.stderr?.on('data', () => undefined);
    return c;
  };

  it('ends with exactly the rows of a clean run', async () => {
    const account = sb.accounts.find((a) => a.brandSlug === 'maison-lumiere' && a.platform === 'facebook')!;
    const seed = async (db: DataSource, baseUrl: string, box: SecretBox) => {
      const s = await seedAccount(db, { platform: 'facebook', handle: account.handle, baseUrl });
      await db.query(`UPDATE channel_accounts SET external_id = $2, credentials_encrypted = $3 WHERE id = $1`, [
        s.channelAccountId,
        account.externalId,
        box.sealJson(sandboxCredentials(account)!),
      ]);
      return s.channelAccountId;
    };

    // The reference: one clean run, in-process.
    const cleanId = await seed(clean.db, sb.baseUrls.facebook, clean.app.get(SecretBox));
    const summary = await clean.app.get(ChannelSyncService).run(cleanId);
    expect(summary.skipped).toBeUndefined();
    const reference = await contentChecksums(clean.db);
    expect(reference.posts.count).toBeGreaterThan(20);
    expect(reference.comments.count).toBeGreaterThan(100);

    // The same account in another database, synced by a worker process through a slow proxy.
    const proxy = await slowProxy(sb.url, 15);
    try {
      const id = await seed(killed, `${proxy.url}/facebook`, new SecretBox(Buffer.from(secretKey, 'hex')));
      child = startWorker();
      // Kill as soon as the first page of posts is committed (the next page is being read).
      await until('a first page of posts', async () => {
        const [r] = (await killed.query(`SELECT count(*)::int AS n FROM posts`)) as Array<{ n: number }>;
        return r.n > 0 && r.n;
      }, 60_000);
      // The worker yields the CPU to the API: its JavaScript thread (tid = pid) runs at VIGIE_WORKER_NICE's default.
      expect(os.getPriority(child.pid!)).toBe(Math.max(10, os.getPriority()));
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      const partial = await contentChecksums(killed);
      const [state] = (await killed.query(`SELECT sync_cursor, last_success_at FROM channel_accounts WHERE id = $1`, [id])) as Array<{
        sync_cursor: unknown;
        last_success_at: Date | null;
      }>;
      // Really mid-sync: some rows, not all, and no cursor saved.
      expect(partial.posts.count).toBeGreaterThan(0);
      expect(partial.posts.count).toBeLessThan(reference.posts.count);
      expect(partial.comments.count).toBe(0);
      expect(state).toEqual({ sync_cursor: null, last_success_at: null });

      // Restart: the lease of the dead worker expires, the scheduler picks the account up again.
      child = startWorker();
      await until('the resumed sync to succeed', async () => {
        const [r] = (await killed.query(`SELECT last_success_at FROM channel_accounts WHERE id = $1`, [id])) as Array<{ last_success_at: Date | null }>;
        return r.last_success_at !== null;
      }, 90_000);
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      expect(await contentChecksums(killed)).toEqual(reference);
    } finally {
      await proxy.close();
    }
  }, 180_000);
});
