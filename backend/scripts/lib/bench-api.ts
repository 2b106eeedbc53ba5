/**
 * What the HTTP benchmarks share: a throw-away data dir, an embedded Postgres with the migrations,
 * the real Nest application on a free port, and a signed-in member. Each benchmark keeps only
 * its own seeding and measuring.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InlineJobQueue } from '../../src/common/queue/inline-job-queue';
import { loadConfig } from '../../src/config/app-config';
import { createHttpApp } from '../../src/http-app';
import { startEmbeddedDatabase } from '../../src/infra/embedded-database';
import { hashPassword } from '../../src/modules/users/passwords';
import { runMigrations } from '../../src/runtime';

export const quiet = { log: () => undefined, warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };

export interface BenchApi {
  dir: string;
  app: INestApplication;
  db: DataSource;
  /** `http://127.0.0.1:<port>`; empty when the app was not asked to listen. */
  base: string;
}

export interface BenchApiOptions {
  /** Names the temp folder (`vigie-bench-<name>-…`). */
  name: string;
  /** Extra environment (e.g. NODE_ENV, VIGIE_STATIC_DIR, VIGIE_ROLE). */
  env?: Record<string, string>;
  /** Listen on a free port (HTTP benchmarks) or only init (service-level ones). */
  listen?: boolean;
  /** Runs after the data dir exists and before the app starts (e.g. copy the built dashboard); may add env. */
  prepare?: (dir: string) => Record<string, string> | void;
}

/** Runs `fn` against a fresh API and always cleans up (app, Postgres, temp folder). */
export async function withBenchApi<T>(opts: BenchApiOptions, fn: (api: BenchApi) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `vigie-bench-${opts.name}-`));
  chmodSync(dir, 0o755);
  const preparedEnv = opts.prepare?.(dir) ?? {};
  const pg = await startEmbeddedDatabase(dir, quiet, { port: 0 });
  let app: INestApplication | null = null;
  try {
    await runMigrations(pg.url);
    const config = loadConfig({
      NODE_ENV: 'test',
      VIGIE_SECRET_KEY: randomBytes(32).toString('hex'),
      VIGIE_DATA_DIR: dir,
      VIGIE_DEMO: 'false',
      VIGIE_STATIC_DIR: '/nonexistent',
      DATABASE_URL: pg.url,
      LOG_LEVEL: 'error',
      ...opts.env,
      ...preparedEnv,
    });
    app = await createHttpApp({ config, databaseUrl: pg.url, queue: new InlineJobQueue(), embeddedDatabase: false, stop: async () => undefined }, false);
    let base = '';
    if (opts.listen) {
      await app.listen(0, '127.0.0.1');
      base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    } else {
      await app.init();
    }
    return await fn({ dir, app, db: app.get<DataSource>(getDataSourceToken()), base });
  } finally {
    if (app) await app.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Creates a user who is a member of `workspaceId` with `role`, signs in through HTTP and returns the session cookies. */
export async function signInMember(api: BenchApi, workspaceId: string, email: string, role: 'viewer' | 'cm' | 'admin') {
  const password = 'bench-password-1';
  const [{ id: user }] = await api.db.query(`INSERT INTO users (email, name, password_hash) VALUES ($1, 'bench', $2) RETURNING id`, [
    email,
    await hashPassword(password),
  ]);
  await api.db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)`, [workspaceId, user, role]);
  const login = await fetch(`${api.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const cookies = login.headers.getSetCookie().map((c) => {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    return { name: pair.slice(0, i), value: pair.slice(i + 1) };
  });
  /** `Cookie:` header value for fetch. */
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookies, cookie };
}

/** Prints the error and exits 1: the benchmarks' entry point. */
export function runBench(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
