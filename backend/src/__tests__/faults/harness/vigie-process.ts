import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../../infra/embedded-database';
import { until } from '../../../test-utils/wait';

/** The backend entry point (src/main.ts) run from TypeScript, as the kill -9 test does. */
const ENTRY = path.resolve(__dirname, '../../../test-utils/main-from-source.cjs');

export interface VigieProcess {
  role: 'api' | 'worker';
  child: ChildProcess;
  /** API only: http://127.0.0.1:PORT */
  url: string;
  /** Last lines the process wrote (diagnostics when a test fails). */
  output(): string;
  alive(): boolean;
  kill(signal: NodeJS.Signals): Promise<void>;
  /** SIGTERM (graceful shutdown), SIGKILL if it lingers. */
  stop(): Promise<void>;
}

export interface VigieEnv {
  databaseUrl: string;
  redisUrl: string;
  secretKeyHex: string;
  dataDir: string;
  extra?: Record<string, string>;
}

/**
 * Starts a real Vigie process: `api` serves HTTP (and migrates), `worker` consumes the queues
 * and runs the sync scheduler. Resolves once it is ready (API: /api/health answers; worker:
 * its start banner is printed).
 */
export async function startVigie(role: 'api' | 'worker', env: VigieEnv): Promise<VigieProcess> {
  const port = role === 'api' ? await freePort() : 0;
  let out = '';
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      VIGIE_ROLE: role,
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: env.redisUrl,
      VIGIE_SECRET_KEY: env.secretKeyHex,
      VIGIE_DATA_DIR: env.dataDir,
      VIGIE_DEMO: 'false',
      VIGIE_STATIC_DIR: '/nonexistent',
      VIGIE_ADMIN_EMAIL: 'faults@example.test',
      VIGIE_ADMIN_PASSWORD: 'faults-password-1234',
      VIGIE_SYNC_TICK_MS: '300',
      VIGIE_SYNC_LEASE_MS: '1500',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env.extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const url = `http://127.0.0.1:${port}`;
  const p: VigieProcess = {
    role,
    child,
    url,
    output: () => out,
    alive,
    kill: async (signal) => {
      if (!alive()) return;
      child.kill(signal);
      await exited;
    },
    stop: async () => {
      if (!alive()) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
  try {
    await until(
      `the ${role} process to be ready`,
      async () => {
        if (!alive()) throw new Error(`${role} exited during boot:\n${out}`);
        if (role === 'worker') return out.includes('Vigie is running');
        const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
        return res?.status === 200;
      },
      90_000,
      100,
    );
  } catch (e) {
    await p.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n--- ${role} output ---\n${out}`);
  }
  return p;
}
