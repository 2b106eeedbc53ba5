import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { findRedisServer } from '../../../infra/private-redis';
import { freePort } from '../../../infra/embedded-database';
import { until } from '../../../test-utils/wait';

/** A redis-server of the test's own, persisted with AOF (as the README recommends), that can be killed and restarted. */
export interface OwnRedis {
  url: string;
  port: number;
  kill(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const redisAvailable = (): boolean => findRedisServer() !== null;

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port });
    s.once('connect', () => s.write('PING\r\n'));
    s.once('data', (d) => {
      s.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    s.once('error', () => resolve(false));
  });

export async function startOwnRedis(dir: string): Promise<OwnRedis> {
  const bin = findRedisServer();
  if (!bin) throw new Error('redis-server not on PATH');
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(bin, ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'yes'], {
      stdio: 'ignore',
    });
    await until('redis to answer', () => answers(port), 10_000, 50);
  };
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const c = child as ChildProcess | null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill(signal);
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, kill, start, stop: () => kill('SIGTERM') };
}
