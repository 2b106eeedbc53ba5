/**
 * Load held (issue 9): 50 concurrent sessions on the KPI, posts, mentions and inbox endpoints
 * while the worker ingests, on a year of data for 5 brands. Run: `npm run bench -- bench-load`
 * from the repo root, or `node -r ../scripts/ts-register.cjs scripts/bench-load.ts` in backend/.
 * Knobs: BENCH_LOAD_SECONDS (30), BENCH_LOAD_CONNECTIONS (50), BENCH_LOAD_COMMENTS_PER_POST (6),
 * BENCH_LOAD_API_PROCESSES (VIGIE_API_PROCESSES of the API: 1 as by default; `auto` = one per
 * core), DATABASE_URL (an existing, empty Postgres; else an
 * embedded one in a temp dir).
 * Profiling: BENCH_LOAD_API_NODE_ARGS (extra node flags for the API process, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof`); BENCH_LOAD_SQL_STATS=1 prints the top statements of
 * the load window from pg_stat_statements (the embedded server preloads it then; an external one must).
 * Targets: 0 errors, p99 < 500 ms overall, inbox list p99 < 300 ms. Loopback only; bounded in time; stops by itself.
 *
 * What runs (honestly):
 *  - seeded with SQL generate_series for the last 365 days: 5 own brands × 3 imported channel
 *    accounts (3 posts a day each, ~16 k posts), ~6 comments a post (~100 k, texts from the
 *    realistic message generator, 15 k commenters), 30 k mentions, daily follower stats; then
 *    the product's own enrichment (language, sentiment, request type → inbox items) and the KPI
 *    rollup rebuild;
 *  - an API process and a worker process (src/main.ts, VIGIE_ROLE=api / worker), BullMQ on a
 *    private redis-server when one is on PATH, the worker syncing 10 sandbox accounts (first
 *    syncs read 90 days of history, then every 5 s) and enriching what it writes;
 *  - 50 users logged in (one session per connection), autocannon on 127.0.0.1, the four
 *    endpoints side by side (connections split between them), brand picked per request.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { analyze } from '@vigie/text';
import { type SandboxAccountWithUrl, startSandbox } from '@vigie/platform-sandbox';
import type { DataSource } from 'typeorm';
import { SecretBox } from '../src/common/crypto/secret-box';
import { InlineJobQueue } from '../src/common/queue/inline-job-queue';
import { loadConfig } from '../src/config/app-config';
import { createHttpApp } from '../src/http-app';
import { freePort, startEmbeddedDatabase } from '../src/infra/embedded-database';
import { findRedisServer, startPrivateRedis } from '../src/infra/private-redis';
import { hashPassword } from '../src/modules/users/passwords';
import { EnrichmentService } from '../src/modules/enrichment/enrichment.service';
import { KpiCountsCompactor } from '../src/modules/kpi/contributors/kpi-counts-compactor';
import { KpiRollupService } from '../src/modules/kpi/rollups/kpi-rollup.service';
import { runMigrations } from '../src/runtime';
import { cpuShares, cpuSnapshot, pidsWithCommandLine } from './lib/cpu-usage';
import { createMessageGenerator } from './lib/realistic-messages';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
const COMMENTS_PER_POST = Number(process.env.BENCH_LOAD_COMMENTS_PER_POST ?? 6);
const BRANDS = ['Maison Lumière', 'Café Brûlé', 'Atelier Nord', 'Verde Bio', 'Orbe Sport'];
// The API and worker run with the node flags of docker/Dockerfile and npm start, then any extra ones.
const PRODUCT_NODE_ARGS = ['--max-semi-space-size=64'];
/** Bytes on the wire of one reply to a browser-like request, and their content-encoding. */
function wireSize(url: string, cookie: string): Promise<{ bytes: number; encoding: string | null }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { cookie, 'accept-encoding': BROWSER_ACCEPT_ENCODING } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ bytes, encoding: (res.headers['content-encoding'] as string | undefined) ?? null }));
      })
      .on('error', reject);
  });
}

/** The dashboard runs in browsers, which all send this (Chromium's value). */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
const API_NODE_ARGS = [...PRODUCT_NODE_ARGS, ...(process.env.BENCH_LOAD_API_NODE_ARGS ?? '').split(' ').filter(Boolean)];
const SQL_STATS = process.env.BENCH_LOAD_SQL_STATS === '1';
const API_PROCESSES_ASKED = process.env.BENCH_LOAD_API_PROCESSES ?? '1';
const POSTS_PER_DAY = 3; // per channel account
const AUTHORS = 15_000;
const MENTIONS = 30_000;
const TEXT_POOL = 5_000;
const PASSWORD = 'bench-load-password-1';
/** Live accounts synced by the worker during the load: [sandbox brand, platform] per brand. */
const LIVE: Array<Array<[string, SandboxAccountWithUrl['platform']]>> = [
  [['maison-lumiere', 'facebook'], ['maison-lumiere', 'mastodon']],
  [['cafe-brule', 'facebook'], ['cafe-brule', 'bluesky']],
  [['eclat-paris', 'facebook'], ['eclat-paris', 'mastodon']],
  [['grain-noir', 'facebook'], ['grain-noir', 'bluesky']],
  [['maison-lumiere', 'bluesky'], ['maison-lumiere', 'reddit']],
];
const quiet = { log: () => undefined, warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };
const MAIN = path.join(__dirname, '..', 'src', 'test-utils', 'main-from-source.cjs');

// autocannon ships no types: the part used here.
interface AcRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}
interface AcOptions {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: Array<{ method: 'GET'; setupRequest: (req: AcRequest, context: Record<string, string>) => AcRequest }>;
}
interface AcInstance extends PromiseLike<{ errors: number; timeouts: number; non2xx: number }> {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: AcOptions) => AcInstance;

const day = (d: Date) => d.toISOString().slice(0, 10);
const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

async function seed(db: DataSource, ws: string): Promise<{ brandIds: string[]; counts: Record<string, number> }> {
  const gen = createMessageGenerator(9);
  const pool = Array.from({ length: TEXT_POOL }, (_, i) => gen(i));
  const texts = pool.map((m) => m.text);
  const fromBrand = pool.map((m) => m.isFromBrand);
  // Mentions are written analysed by the listening pipeline: same analysis, once per pooled text.
  const analysed = texts.map((t, i) => analyze(t, { languageHint: pool[i].hint }));
  const brandIds: string[] = [];
  const end = new Date();
  const start = new Date(end.getTime() - 365 * 86_400_000);
  const accounts: string[] = [];
  for (const name of BRANDS) {
    const [{ id: brand }] = (await db.query(`INSERT INTO brands (workspace_id, name, kind) VALUES ($1, $2, 'own') RETURNING id`, [ws, name])) as Array<{ id: string }>;
    brandIds.push(brand);
    for (const platform of ['facebook', 'instagram', 'linkedin']) {
      const [{ id }] = (await db.query(
        `INSERT INTO channel_accounts (workspace_id, brand_id, platform, handle, kind) VALUES ($1, $2, $3, $4, 'import') RETURNING id`,
        [ws, brand, platform, `${name}-${platform}`],
      )) as Array<{ id: string }>;
      accounts.push(id);
      await db.query(
        `INSERT INTO account_daily_stats (channel_account_id, day, followers)
         SELECT $1, d::date, 10000 + (d::date - $2::date) * 7 FROM generate_series($2::date, $3::date, '1 day') d`,
        [id, day(start), day(end)],
      );
    }
  }
  await db.query(
    `INSERT INTO authors (workspace_id, platform, external_id, handle, display_name, pseudonym, followers)
     SELECT $1, 'facebook', 'seed-a' || g, 'user' || g, 'Utilisateur ' || g, 'Utilisateur ' || upper(to_hex(40000 + g)), 50 + g % 5000
     FROM generate_series(1, $2) g`,
    [ws, AUTHORS],
  );
  const [{ min: firstAuthor }] = (await db.query(`SELECT min(id)::bigint AS min FROM authors WHERE workspace_id = $1`, [ws])) as Array<{ min: string }>;
  const perAccount = 365 * POSTS_PER_DAY;
  await db.query(
    `INSERT INTO posts (workspace_id, brand_id, channel_account_id, external_id, published_at, content_type, text,
       impressions, reach, reactions, comments, shares, clicks, impressions_definition)
     SELECT ca.workspace_id, ca.brand_id, ca.id, 'seed-p' || g, $2::timestamptz + (g::float8 / $3) * interval '365 days',
       (ARRAY['photo', 'video', 'link', 'status', 'reel'])[1 + g % 5], ($5::text[])[1 + g % $6],
       1000 + g % 900, 800 + g % 700, 40 + g % 61, $4, 2 + g % 9, 10 + g % 23, 'impressions'
     FROM channel_accounts ca, generate_series(0, $3 - 1) g WHERE ca.workspace_id = $1 AND ca.kind = 'import'`,
    [ws, start.toISOString(), perAccount, COMMENTS_PER_POST, texts, TEXT_POOL],
  );
  await db.query(
    `INSERT INTO comments (workspace_id, brand_id, channel_account_id, post_id, external_id, parent_external_id, author_id,
       is_from_brand, text, likes, published_at)
     SELECT p.workspace_id, p.brand_id, p.channel_account_id, p.id, p.external_id || '-c' || k, NULL,
       CASE WHEN ($4::boolean[])[1 + ((p.id * 7 + k) % $5)] THEN NULL ELSE $2::bigint + ((p.id * 31 + k * 17) % $3) END,
       ($4::boolean[])[1 + ((p.id * 7 + k) % $5)], ($6::text[])[1 + ((p.id * 7 + k) % $5)], (p.id + k) % 40,
       least(now(), p.published_at + ((k * 37 + p.id % 60) * interval '1 minute'))
     FROM posts p, generate_series(1, $7) k WHERE p.workspace_id = $1`,
    [ws, firstAuthor, AUTHORS, fromBrand, TEXT_POOL, texts, COMMENTS_PER_POST],
  );
  await db.query(
    `INSERT INTO mentions (workspace_id, platform, source, external_id, kind, origin, text, author_handle, author_name,
       author_followers, reach, engagement, language, sentiment, sentiment_score, published_at)
     SELECT $1, (ARRAY['x', 'bluesky', 'mastodon', 'reddit', 'youtube'])[1 + g % 5], 'search', 'seed-m' || g, 'post', 'search',
       ($4::text[])[1 + g % $5], 'voice' || (g % 3000), 'Voix ' || (g % 3000), 100 + g % 9000, 200 + g % 20000, g % 300,
       ($6::text[])[1 + g % $5], ($7::text[])[1 + g % $5], ($8::real[])[1 + g % $5],
       $2::timestamptz + (g::float8 / $3) * interval '365 days'
     FROM generate_series(0, $3 - 1) g`,
    [ws, start.toISOString(), MENTIONS, texts, TEXT_POOL, analysed.map((a) => a.language), analysed.map((a) => a.sentiment.label), analysed.map((a) => a.sentiment.score)],
  );
  const counts: Record<string, number> = {};
  for (const t of ['posts', 'comments', 'mentions', 'authors', 'account_daily_stats']) {
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM ${t}`)) as Array<{ n: number }>;
    counts[t] = n;
  }
  return { brandIds, counts };
}

interface Child {
  proc: ChildProcess;
  out(): string;
  stop(): Promise<void>;
}

async function startMain(role: 'api' | 'worker', env: Record<string, string>, ready: (out: string) => Promise<boolean>, nodeArgs: string[] = []): Promise<Child> {
  let out = '';
  const proc = spawn(process.execPath, [...nodeArgs, MAIN], {
    env: { PATH: process.env.PATH, NODE_ENV: 'development', VIGIE_ROLE: role, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const child: Child = {
    proc,
    out: () => out,
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
  const deadline = Date.now() + 120_000;
  while (!(await ready(out))) {
    if (proc.exitCode !== null || Date.now() > deadline) {
      await child.stop();
      throw new Error(`${role} did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return child;
}

async function main() {
  const t0 = Date.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-load-'));
  chmodSync(dir, 0o755);
  const stops: Array<() => Promise<void>> = [];
  try {
    const pg = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, stop: async () => undefined } : await startEmbeddedDatabase(dir, quiet, {
          port: 0,
          // pg_stat_statements ships with the embedded server; loaded only when asked (it costs a little).
          postgresFlags: SQL_STATS ? ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track_planning=on'] : [],
        });
    stops.push(pg.stop);
    await runMigrations(pg.url);
    const redisBin = findRedisServer();
    const redis = redisBin ? await startPrivateRedis(redisBin, dir) : null;
    if (redis) stops.push(redis.stop);
    const sandbox = await startSandbox({ port: 0, rateLimits: false });
    stops.push(() => sandbox.close());

    // Seeding through the product's own services (enrichment, rollups), in a process of its own.
    const secretKey = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256)).toString('hex');
    const config = loadConfig({ NODE_ENV: 'test', VIGIE_ROLE: 'api', VIGIE_SECRET_KEY: secretKey, VIGIE_DATA_DIR: dir, VIGIE_DEMO: 'false', VIGIE_STATIC_DIR: '/nonexistent', DATABASE_URL: pg.url, LOG_LEVEL: 'error' });
    const app: INestApplication = await createHttpApp({ config, databaseUrl: pg.url, queue: new InlineJobQueue(), embeddedDatabase: false, stop: async () => undefined }, false);
    await app.init();
    const db = app.get<DataSource>(getDataSourceToken());
    const [{ id: ws }] = (await db.query(`INSERT INTO workspaces (name, timezone) VALUES ('bench load', 'Europe/Paris') RETURNING id`)) as Array<{ id: string }>;
    let t = Date.now();
    const { brandIds, counts } = await seed(db, ws);
    const seedMs = Date.now() - t;
    t = Date.now();
    const enriched = { comments: 0, posts: 0 };
    for (;;) {
      const r = await app.get(EnrichmentService).drain(60_000);
      enriched.comments += r.comments;
      enriched.posts += r.posts;
      if (!r.more) break;
    }
    const enrichMs = Date.now() - t;
    t = Date.now();
    const rollups = await app.get(KpiRollupService).rebuild(ws);
    // The sentiment day counts, folded as the worker does after comment writes.
    await app.get(KpiCountsCompactor).compact();
    const rollupMs = Date.now() - t;
    // Tables as autovacuum leaves them a minute after a bulk load (the enrichment rewrote every
    // comment): statistics (else the planner guesses from an empty table) and the visibility map
    // (a year of settled rows is all-visible in a live instance; index-only scans rely on it).
    await db.query('VACUUM ANALYZE');
    const [{ n: inboxItems }] = (await db.query(`SELECT count(*)::int AS n FROM inbox_items`)) as Array<{ n: number }>;
    const hash = await hashPassword(PASSWORD);
    await db.query(
      `WITH u AS (INSERT INTO users (email, name, password_hash) SELECT 'load' || g || '@bench.test', 'load ' || g, $2 FROM generate_series(1, $3) g RETURNING id)
       INSERT INTO memberships (workspace_id, user_id, role) SELECT $1, id, 'viewer' FROM u`,
      [ws, hash, CONNECTIONS],
    );
    const box = new SecretBox(Buffer.from(secretKey, 'hex'));
    let live = 0;
    for (const [i, pairs] of LIVE.entries()) {
      for (const [slug, platform] of pairs) {
        const a = sandbox.accounts.find((x) => x.brandSlug === slug && x.platform === platform);
        if (!a) throw new Error(`no sandbox account ${slug}/${platform}`);
        await db.query(
          `INSERT INTO channel_accounts (workspace_id, brand_id, platform, handle, external_id, base_url, credentials_encrypted)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [ws, brandIds[i], platform, a.handle, a.externalId, sandbox.baseUrls[platform], box.sealJson({ accessToken: a.token })],
        );
        live++;
      }
    }
    await app.close();
    console.log(
      `seeded ${Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')} in ${seedMs} ms; ` +
        `enriched ${enriched.comments.toLocaleString('en-US')} comments + ${enriched.posts.toLocaleString('en-US')} posts in ${enrichMs} ms ` +
        `(${inboxItems.toLocaleString('en-US')} inbox items); rollups ${rollups.dailyRows} daily rows in ${rollupMs} ms`,
    );

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      DATABASE_URL: pg.url,
      ...(redis ? { REDIS_URL: redis.url } : {}),
      VIGIE_SECRET_KEY: secretKey,
      VIGIE_DATA_DIR: dir,
      VIGIE_DEMO: 'false',
      VIGIE_STATIC_DIR: '/nonexistent',
      VIGIE_ALLOW_PRIVATE_URLS: 'true',
      VIGIE_SYNC_TICK_MS: '1000',
      VIGIE_SYNC_INTERVAL_MS: '5000',
    };
    // Several API processes share the queue: without a redis-server, one.
    const API_PROCESSES = redis ? API_PROCESSES_ASKED : '1';
    const api = await startMain('api', { ...env, PORT: String(port), VIGIE_API_PROCESSES: API_PROCESSES }, async () => (await fetch(`${base}/api/health`).catch(() => null))?.status === 200, API_NODE_ARGS);
    stops.push(api.stop);

    const sessions: string[] = [];
    for (let i = 1; i <= CONNECTIONS; i++) {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `load${i}@bench.test`, password: PASSWORD }),
      });
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
      if (res.status !== 200 || !cookie) throw new Error(`login ${i} failed: ${res.status}`);
      sessions.push(cookie);
    }

    const from = day(new Date(Date.now() - 365 * 86_400_000));
    const to = day(new Date());
    const brand = () => brandIds[Math.floor(Math.random() * brandIds.length)];
    const endpoints: Array<[string, () => string]> = [
      ['GET /kpis (year, by day)', () => `/api/workspaces/${ws}/kpis?brandId=${brand()}&from=${from}&to=${to}&granularity=day`],
      ['GET /posts (year, 50)', () => `/api/workspaces/${ws}/posts?brandId=${brand()}&from=${from}&to=${to}&limit=50`],
      ['GET /mentions (50)', () => `/api/workspaces/${ws}/mentions?from=${from}&to=${to}&limit=50`],
      ['GET /inbox (50)', () => `/api/workspaces/${ws}/inbox?brandId=${brand()}&view=all&limit=50`],
    ];
    const sizes: string[] = [];
    // Sanity first: every endpoint answers 200 with data (a fast 4xx would flatter the figures).
    for (const [label, url] of endpoints) {
      const res = await fetch(`${base}${url()}`, { headers: { cookie: sessions[0] } });
      const body = await res.text();
      if (res.status !== 200 || body.length < 200) throw new Error(`${label}: ${res.status} ${body.slice(0, 300)}`);
      const wire = await wireSize(`${base}${url()}`, sessions[0]);
      sizes.push(`${label} ${(Buffer.byteLength(body) / 1024).toFixed(1)} KiB${wire.encoding ? ` (${(wire.bytes / 1024).toFixed(1)} KiB ${wire.encoding})` : ''}`);
    }
    console.log(`response sizes: ${sizes.join(', ')}`);
    const ingested = async () => {
      const r = (await fetch(`${base}/api/workspaces/${ws}/channels`, { headers: { cookie: sessions[0] } }).then((x) => x.json())) as Array<{ lastSuccessAt: string | null }>;
      return r.filter((c) => c.lastSuccessAt).length;
    };
    const rowsNow = async () => {
      const { Client } = await import('pg');
      const c = new Client({ connectionString: pg.url });
      await c.connect();
      const r = await c.query(`SELECT (SELECT count(*) FROM posts)::int AS posts, (SELECT count(*) FROM comments)::int AS comments,
        (SELECT count(*) FROM inbox_items)::int AS inbox, (SELECT count(*) FROM comments WHERE enriched_at IS NOT NULL)::int AS enriched`);
      await c.end();
      return r.rows[0] as { posts: number; comments: number; inbox: number; enriched: number };
    };
    const sqlStats = async (reset: boolean) => {
      const { Client } = await import('pg');
      const c = new Client({ connectionString: pg.url });
      await c.connect();
      try {
        if (reset) {
          await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
          await c.query('SELECT pg_stat_statements_reset()');
          return;
        }
        const r = await c.query(
          `SELECT calls, round(total_exec_time)::int AS total_ms, round(total_plan_time)::int AS plan_ms,
             round(mean_exec_time::numeric, 2)::float8 AS mean_ms,
             shared_blks_hit + shared_blks_read AS blocks, left(regexp_replace(query, '\\s+', ' ', 'g'), 150) AS query
           FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 25`,
        );
        // Planning times need pg_stat_statements.track_planning = on (0 otherwise).
        console.log('\npg_stat_statements, load window (top 25 by execution + planning time):');
        console.log('  calls  exec ms  plan ms  exec ms/call   blocks  query');
        for (const x of r.rows as Array<{ calls: string; total_ms: number; plan_ms: number; mean_ms: number; blocks: string; query: string }>) {
          console.log(
            `${String(x.calls).padStart(7)} ${String(x.total_ms).padStart(8)} ${String(x.plan_ms).padStart(8)} ${x.mean_ms.toFixed(2).padStart(13)} ${String(x.blocks).padStart(8)}  ${x.query}`,
          );
        }
      } finally {
        await c.end();
      }
    };
    if (SQL_STATS) await sqlStats(true);
    const before = await rowsNow();
    // The worker starts last: its first syncs (90 days of sandbox history each) run under the load.
    const worker = await startMain('worker', env, async (out) => out.includes('Vigie is running'), PRODUCT_NODE_ARGS);
    stops.push(worker.stop);

    // Who used the CPU during the load: the machine is shared, the figures depend on it.
    const cpuGroups = () => ({
      api: [api.proc.pid ?? -1],
      worker: [worker.proc.pid ?? -1],
      postgres: process.env.DATABASE_URL ? [] : pidsWithCommandLine(path.join(dir, 'postgres')),
      'bench (autocannon)': [process.pid],
    });
    const cpuBefore = cpuSnapshot(cpuGroups());
    let next = 0;
    const per = endpoints.map(() => ({ lat: [] as number[], codes: new Map<number, number>() }));
    const runs = endpoints.map(([, url], i) => {
      const connections = Math.floor(CONNECTIONS / endpoints.length) + (i < CONNECTIONS % endpoints.length ? 1 : 0);
      const inst = autocannon({
        url: base,
        connections,
        duration: SECONDS,
        timeout: 10,
        requests: [
          {
            method: 'GET',
            setupRequest: (req, context) => {
              // One logged-in user per connection, kept for the whole run; what every browser accepts.
              if (!context.cookie) context.cookie = sessions[next++ % sessions.length];
              return { ...req, path: url(), headers: { ...req.headers, cookie: context.cookie, 'accept-encoding': BROWSER_ACCEPT_ENCODING } };
            },
          },
        ],
      });
      inst.on('response', (_c, status, _b, ms) => {
        per[i].lat.push(ms);
        per[i].codes.set(status, (per[i].codes.get(status) ?? 0) + 1);
      });
      return inst;
    });
    const results = await Promise.all(runs.map((r) => Promise.resolve(r)));
    const cpu = cpuShares(cpuBefore, cpuSnapshot(cpuGroups()));
    if (SQL_STATS) await sqlStats(false);
    const after = await rowsNow();
    const synced = await ingested();

    const rows = endpoints.map(([label], i) => {
      const lat = [...per[i].lat].sort((a, b) => a - b);
      const non2xx = [...per[i].codes.entries()].filter(([c]) => c < 200 || c >= 300).reduce((s, [, n]) => s + n, 0);
      const errors = results[i].errors + results[i].timeouts + non2xx;
      return { label, n: lat.length, lat, errors };
    });
    const all = rows.flatMap((r) => r.lat).sort((a, b) => a - b);
    const fmt = (label: string, n: number, lat: number[], errors: number) =>
      `${label.padEnd(26)} ${(n / SECONDS).toFixed(1).padStart(8)} ${pct(lat, 50).toFixed(0).padStart(7)} ${pct(lat, 99).toFixed(0).padStart(7)} ${(lat.at(-1) ?? NaN).toFixed(0).padStart(7)} ${String(errors).padStart(7)}`;
    const apiProcesses = API_PROCESSES === 'auto' ? os.availableParallelism() : Number(API_PROCESSES);
    console.log(
      `\n${CONNECTIONS} sessions, ${SECONDS} s, autocannon on 127.0.0.1, API in ${apiProcesses} process${apiProcesses > 1 ? 'es' : ''} (VIGIE_API_PROCESSES=${API_PROCESSES}), while the worker ingests:`,
    );
    console.log(`${'endpoint'.padEnd(26)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'errors'.padStart(7)}`);
    for (const r of rows) console.log(fmt(r.label, r.n, r.lat, r.errors));
    const errors = rows.reduce((s, r) => s + r.errors, 0);
    console.log(fmt('overall', all.length, all, errors));
    console.log(
      `ingested during the run: +${after.posts - before.posts} posts, +${after.comments - before.comments} comments, ` +
        `+${after.enriched - before.enriched} enriched, +${after.inbox - before.inbox} inbox items; ${synced}/${live} live accounts synced`,
    );
    if (cpu) {
      const shares = Object.entries(cpu).map(([k, v]) => `${k} ${v.toFixed(0)}%`).join(', ');
      console.log(`CPU during the load (% of one core, ${os.cpus().length} cores): ${shares}`);
    }
    // The product's own priorities (VIGIE_WORKER_NICE), relative to this script's.
    const niceOf = (pid: number | undefined) => (pid === undefined ? '?' : String(os.getPriority(pid)));
    console.log(`niceness: bench ${os.getPriority()}, api ${niceOf(api.proc.pid)}, worker ${niceOf(worker.proc.pid)} (VIGIE_WORKER_NICE)`);
    const p99 = pct(all, 99);
    // Issue 13: the inbox list is what a CM opens first; its own target is tighter.
    const inbox = rows.find((r) => r.label.startsWith('GET /inbox'))!;
    const inboxP99 = pct(inbox.lat, 99);
    console.log(`target inbox list p99 < 300 ms: ${inbox.errors === 0 && inboxP99 < 300 ? 'OK' : 'MISSED'} (p99 ${inboxP99.toFixed(0)} ms)`);
    console.log(`target 0 errors and p99 < 500 ms: ${errors === 0 && p99 < 500 ? 'OK' : 'MISSED'} (total ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
