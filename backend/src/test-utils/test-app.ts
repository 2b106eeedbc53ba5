import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { type AppConfig, loadConfig } from '../config/app-config';
import { BullmqJobQueue } from '../common/queue/bullmq-job-queue';
import { InlineJobQueue } from '../common/queue/inline-job-queue';
import type { JobQueue } from '../common/queue/job-queue';
import { createHttpApp } from '../http-app';
import { hashPassword } from '../modules/users/passwords';
import { runMigrations, type Runtime } from '../runtime';

const TEMPLATE_DB = 'vigie_template';

function dbUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh migrated database per test file, cloned from a template migrated once per run. */
export async function createTestDatabase(): Promise<string> {
  if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL missing: run through jest (globalSetup)');
  await admin(async (c) => {
    await c.query('SELECT pg_advisory_lock(4242)');
    try {
      const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE_DB]);
      if (!exists.rowCount) {
        await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
        await runMigrations(dbUrl(TEMPLATE_DB));
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock(4242)');
    }
  });
  const name = `vigie_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
  return dbUrl(name);
}

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  db: DataSource;
  config: AppConfig;
  queue: JobQueue;
  close(): Promise<void>;
}

export async function createTestApp(
  opts: { queue?: 'inline' | 'bullmq'; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    VIGIE_SECRET_KEY: randomBytes(32).toString('hex'),
    VIGIE_DATA_DIR: path.join(os.tmpdir(), `vigie-test-data-${randomBytes(4).toString('hex')}`),
    VIGIE_DEMO: 'false',
    VIGIE_STATIC_DIR: '/nonexistent',
    DATABASE_URL: databaseUrl,
    VIGIE_VERIFY_CHANNELS: 'false',
    ...opts.env,
  });
  const queue: JobQueue =
    opts.queue === 'bullmq' && process.env.TEST_REDIS_URL
      ? new BullmqJobQueue(process.env.TEST_REDIS_URL, `vigie-${randomBytes(4).toString('hex')}`)
      : new InlineJobQueue();
  const runtime: Runtime = { config, databaseUrl, queue, embeddedDatabase: false, stop: async () => undefined };
  const app = await createHttpApp(runtime, false);
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    db: app.get<DataSource>(getDataSourceToken()),
    config,
    queue,
    close: async () => {
      await queue.close();
      await app.close();
    },
  };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

/** Creates a user directly (fixtures), optionally as a member of a workspace. */
export async function createUser(db: DataSource, email: string, opts: { instanceAdmin?: boolean } = {}): Promise<TestUser> {
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const [row] = (await db.query(
    'INSERT INTO users (email, name, password_hash, is_instance_admin) VALUES ($1, $2, $3, $4) RETURNING id',
    [email, email.split('@')[0], await hashPassword(password), opts.instanceAdmin ?? false],
  )) as Array<{ id: string }>;
  return { id: row.id, email, password };
}

export async function createWorkspace(db: DataSource, name: string, members: Array<[TestUser, 'admin' | 'cm' | 'viewer']>) {
  const [ws] = (await db.query('INSERT INTO workspaces (name) VALUES ($1) RETURNING id', [name])) as Array<{ id: string }>;
  for (const [u, role] of members) {
    await db.query('INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)', [ws.id, u.id, role]);
  }
  return ws.id;
}

/** A logged-in HTTP client: keeps the session cookie and sends the CSRF token on writes. */
export async function login(t: TestApp, user: TestUser) {
  const agent = request.agent(t.app.getHttpServer());
  const res = await agent.post('/api/auth/login').send({ email: user.email, password: user.password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  const csrf = res.body.csrfToken as string;
  return {
    agent,
    csrf,
    get: (url: string) => agent.get(url),
    post: (url: string, body?: object) => agent.post(url).set('X-CSRF-Token', csrf).send(body ?? {}),
    patch: (url: string, body?: object) => agent.patch(url).set('X-CSRF-Token', csrf).send(body ?? {}),
    put: (url: string, body?: object) => agent.put(url).set('X-CSRF-Token', csrf).send(body ?? {}),
    delete: (url: string) => agent.delete(url).set('X-CSRF-Token', csrf),
  };
}
export type LoggedIn = Awaited<ReturnType<typeof login>>;
