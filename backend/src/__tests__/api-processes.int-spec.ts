import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/app-config';
import { freePort } from '../infra/embedded-database';
import { findRedisServer, startPrivateRedis, type PrivateRedis } from '../infra/private-redis';
import { createTestDatabase } from '../test-utils/test-app';
import { until } from '../test-utils/wait';

const MAIN = path.join(__dirname, '..', 'test-utils', 'main-from-source.cjs');
const base = { NODE_ENV: 'test', VIGIE_SECRET_KEY: 'ab'.repeat(32), DATABASE_URL: 'postgres://x@localhost/x', REDIS_URL: 'redis://localhost:6379' };

describe('VIGIE_API_PROCESSES (configuration)', () => {
  it.each<[string, Record<string, string>, number]>([
    ['unset', { VIGIE_ROLE: 'api' }, 1],
    ['a number', { VIGIE_ROLE: 'api', VIGIE_API_PROCESSES: '3' }, 3],
    ['auto: one per core', { VIGIE_ROLE: 'api', VIGIE_API_PROCESSES: 'auto' }, os.availableParallelism()],
    ['1 for the all-in-one process', { VIGIE_API_PROCESSES: '1' }, 1],
  ])('%s', (_what, env, expected) => {
    expect(loadConfig({ ...base, ...env }).apiProcesses).toBe(expected);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['not a number', { VIGIE_ROLE: 'api', VIGIE_API_PROCESSES: 'two' }, /auto or a whole number from 1 to 64, got "two"/],
    ['zero', { VIGIE_ROLE: 'api', VIGIE_API_PROCESSES: '0' }, /from 1 to 64/],
    ['several with the all-in-one role', { VIGIE_API_PROCESSES: '2' }, /needs VIGIE_ROLE=api .* got role all/],
    ['several workers', { VIGIE_ROLE: 'worker', VIGIE_API_PROCESSES: '2' }, /got role worker/],
    ['several without a shared queue', { VIGIE_ROLE: 'api', VIGIE_API_PROCESSES: '2', REDIS_URL: '' }, /needs DATABASE_URL and REDIS_URL/],
  ])('refuses %s with a clear message', (_what, env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });
});

/** Pids of the live child processes of `pid`. */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when there is none
  }
}

const redisBin = findRedisServer();
// Several API processes need a shared queue: this machine must have a redis-server (CI installs one).
(redisBin ? describe : describe.skip)('VIGIE_API_PROCESSES=2 (two real API processes on one port)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vigie-api-processes-'));
  let redis: PrivateRedis;
  let api: ChildProcess;
  let url: string;
  let out = '';
  // Bounded: a request handed to a process that is being killed must not hang the test.
  const health = async () => (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).catch(() => null))?.status ?? 0;
  /** A failure says where it stopped and what the processes printed (a bare jest timeout says neither). */
  const withOutput = async <T>(what: string, step: Promise<T>, timeoutMs: number): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([step, late]);
    } catch (e) {
      throw new Error(`${what}: ${e instanceof Error ? e.message : String(e)}\n--- API processes output (last 4000 chars) ---\n${out.slice(-4000)}`);
    } finally {
      clearTimeout(timer);
    }
  };

  beforeAll(async () => {
    redis = await startPrivateRedis(redisBin!, dataDir);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        VIGIE_ROLE: 'api',
        VIGIE_API_PROCESSES: '2',
        DATABASE_URL: await createTestDatabase(),
        REDIS_URL: redis.url,
        VIGIE_SECRET_KEY: randomBytes(32).toString('hex'),
        VIGIE_DATA_DIR: dataDir,
        VIGIE_DEMO: 'false',
        VIGIE_STATIC_DIR: '/nonexistent',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout?.on('data', (b: Buffer) => (out += b.toString()));
    api.stderr?.on('data', (b: Buffer) => (out += b.toString()));
    await withOutput('start', until('2 API processes listening', async () => out.includes('2 API processes listening'), 90_000), 95_000);
  }, 120_000);

  afterAll(async () => {
    if (api.exitCode === null) api.kill('SIGKILL');
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves from two processes, replaces one that dies, and stops them all on SIGTERM', async () => {
    const first = childrenOf(api.pid!);
    expect(first).toHaveLength(2);
    expect(await health()).toBe(200);
    // One banner for the group, not one per process.
    expect(out.match(/Vigie is running/g)).toHaveLength(1);

    process.kill(first[0], 'SIGKILL');
    expect(await health()).toBe(200); // the other one answers meanwhile
    const replaced = until('a replacement process', async () => {
      const now = childrenOf(api.pid!);
      return now.length === 2 && !now.includes(first[0]);
    }, 40_000);
    await withOutput('replacement', replaced, 45_000);
    await withOutput('health after the replacement', until('health 200', async () => (await health()) === 200, 20_000), 25_000);

    const exited = new Promise<number | null>((r) => api.once('exit', (code) => r(code)));
    const children = childrenOf(api.pid!);
    api.kill('SIGTERM');
    expect(await withOutput('exit on SIGTERM', exited, 30_000)).toBe(0);
    for (const pid of children) expect(() => process.kill(pid, 0)).toThrow(); // gone
  }, 120_000);
});
