import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './embedded-database';

export function findRedisServer(): string | null {
  const r = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = r.stdout.trim();
  return r.status === 0 && bin ? bin : null;
}

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
}

/** Starts a loopback-only redis-server under dataDir (no persistence: jobs are re-enqueued by the scheduler). */
export async function startPrivateRedis(bin: string, dataDir: string): Promise<PrivateRedis> {
  const dir = path.join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = await freePort(63799);
  const pidfile = path.join(dir, 'redis.pid');
  // A previous run killed with SIGKILL leaves its daemonized redis behind: stop it, do not pile up.
  await stopLeftover(pidfile);
  rmSync(pidfile, { force: true });
  const res = spawnSync(
    bin,
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir,
      '--daemonize', 'yes', '--pidfile', pidfile, '--logfile', path.join(dir, 'redis.log')],
    { encoding: 'utf8' },
  );
  if (res.status !== 0) throw new Error(`redis-server failed to start: ${res.stderr || res.stdout}`);
  const url = `redis://127.0.0.1:${port}`;
  await waitForPidFile(pidfile);
  return {
    url,
    stop: async () => {
      if (!existsSync(pidfile)) return;
      const pid = Number(readFileSync(pidfile, 'utf8').trim());
      if (pid > 0) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
      }
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopLeftover(pidfile: string): Promise<void> {
  if (!existsSync(pidfile)) return;
  const pid = Number(readFileSync(pidfile, 'utf8').trim());
  if (!(pid > 0) || !alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 20));
}

async function waitForPidFile(file: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (existsSync(file)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

