/**
 * Ingest throughput of the pipeline's write path (issue: ≥ 0.6× a raw COPY). Run:
 * `npm run bench -- bench-ingest` from the repo root, or
 * `node -r ../scripts/ts-register.cjs scripts/bench-ingest.ts` in backend/ (DATABASE_URL to use
 * an existing Postgres, else an embedded one in a temp dir). Knobs: BENCH_POSTS (100 000),
 * BENCH_COMMENTS (1 000 000), BENCH_STREAMS (1; 2 = two accounts written in parallel, as the sync
 * queue does — the COPY then runs as two parallel streams too), BENCH_BATCH (the writer's default),
 * BENCH_BARE_COPY=1 (also a COPY of posts and comments alone: no authors, author ids, snapshots).
 *
 * Same rows two ways, each into its own workspace of the same tables (same indexes, FKs, triggers):
 *  - a raw COPY of exactly the rows the writer ends with (authors, posts with author ids, one
 *    metric snapshot per post, comments with post and author ids), ids read back with one query:
 *    the floor, no upsert, no idempotence;
 *  - the IngestionWriter, page by page as a sync calls it (authors upserted, post ids resolved
 *    in SQL, ON CONFLICT … WHERE changed, snapshots, one transaction per batch).
 * The machine may be busy: the methods are interleaved slice by slice (5 000 posts and their
 * comments; which goes first rotates), so all see the same load and the same table sizes.
 * Then: a replay of already written comments (the no-op path), and a naive per-row ORM save
 * on a sample, extrapolated. Rows are generated (10 comments a post, 50 k commenters, French text).
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { createDataSource } from '../src/database/data-source';
import { startEmbeddedDatabase } from '../src/infra/embedded-database';
import type { NormalizedComment, NormalizedPost } from '../src/modules/channels/connectors/channel-connector';
import { IngestionEvents } from '../src/modules/ingestion/ingestion-events';
import { DEFAULT_BATCH_SIZE, IngestionWriter, type WriteTarget } from '../src/modules/ingestion/writer/ingestion-writer.service';
import { pseudonymSalt } from '../src/common/crypto/pseudonym';
import { AccountStatsRepository } from '../src/modules/posts/account-stats.repository';
import { AuthorsRepository } from '../src/modules/posts/authors.repository';
import { CommentsRepository } from '../src/modules/posts/comments.repository';
import { PostsRepository } from '../src/modules/posts/posts.repository';
import { runMigrations } from '../src/runtime';

const POSTS = Number(process.env.BENCH_POSTS ?? 100_000);
const COMMENTS_PER_POST = Math.round(Number(process.env.BENCH_COMMENTS ?? 1_000_000) / POSTS);
const COMMENTS = POSTS * COMMENTS_PER_POST;
const STREAMS = Number(process.env.BENCH_STREAMS ?? 1);
const BATCH = Number(process.env.BENCH_BATCH ?? DEFAULT_BATCH_SIZE);
const SLICE = 5000; // posts per interleaved slice
const AUTHORS = 50_000;
const REPLAY = Math.min(100_000, COMMENTS);
const ORM_SAMPLE = 2000;
const BARE = process.env.BENCH_BARE_COPY === '1';
const CAPTURED_AT = new Date('2025-01-01T00:00:00Z');
const quiet = { log: () => undefined, warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };

const WORDS = ['super', 'produit', 'livraison', 'commande', 'merci', 'retard', 'qualité', 'prix', 'magasin', 'service', 'client', 'bravo'];
const textOf = (i: number) => Array.from({ length: 6 + (i % 7) }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
const dateOf = (i: number) => new Date(Date.UTC(2024, 0, 1) + (i % 365) * 86_400_000 + (i % 1440) * 60_000).toISOString();
const PAGE = { externalId: 'page', handle: 'brand', displayName: 'Brand', followers: 10_000 };

function post(i: number): NormalizedPost {
  return {
    externalId: `p${i}`,
    publishedAt: dateOf(i),
    contentType: 'photo',
    text: textOf(i),
    permalink: `https://example.test/p/${i}`,
    author: PAGE,
    metrics: { impressions: 1000 + (i % 500), reach: 800 + (i % 400), reactions: 70 + (i % 21), comments: COMMENTS_PER_POST, shares: i % 5, saves: null, clicks: 20 + (i % 7), videoViews: null },
    impressionsDefinition: 'impressions',
  };
}

const authorOf = (j: number) => (j * 7919) % AUTHORS;

function comment(j: number): NormalizedComment {
  const p = Math.floor(j / COMMENTS_PER_POST);
  const a = authorOf(j);
  return {
    externalId: `c${j}`,
    postExternalId: `p${p}`,
    parentExternalId: null,
    author: { externalId: `u${a}`, handle: null, displayName: `Personne ${a}`, followers: null },
    text: textOf(j),
    publishedAt: dateOf(p + j),
    isFromBrand: false,
    likes: j % 4,
  };
}

type Cell = string | number | boolean | null;
const copyText = (v: Cell) => (v === null ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));

async function copyRows(pool: Pool, sql: string, rows: Iterable<Cell[]>): Promise<void> {
  const client = await pool.connect();
  try {
    const src = Readable.from(
      (function* () {
        let buf = '';
        for (const r of rows) {
          buf += `${r.map(copyText).join('\t')}\n`;
          if (buf.length > 1 << 20) {
            yield buf;
            buf = '';
          }
        }
        if (buf) yield buf;
      })(),
    );
    await pipeline(src, client.query(copyFrom(sql)));
  } finally {
    client.release();
  }
}

function* range(from: number, to: number): Generator<number> {
  for (let i = from; i < to; i++) yield i;
}

function* map<T, U>(it: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of it) yield f(x);
}

/** Splits [from, to) into `n` contiguous parts. */
const parts = (from: number, to: number, n: number) =>
  Array.from({ length: n }, (_, k) => [from + Math.floor(((to - from) * k) / n), from + Math.floor(((to - from) * (k + 1)) / n)] as const);

/** The raw COPY of what the writer ends with, for posts [from, to) and their comments. */
class CopyLoader {
  constructor(
    private readonly pool: Pool,
    private readonly t: WriteTarget,
    private readonly salt: string,
    /** Shared by the streams of one workspace. */
    private readonly authorIds: Map<string, string>,
    /** Posts and comments only: no authors, no author ids, no snapshots. */
    private readonly bare = false,
  ) {}

  private pseudonym(ext: string): string {
    return `Utilisateur ${createHash('md5').update(`${this.salt}:${this.t.platform}:${ext}`).digest('hex').slice(0, 4).toUpperCase()}`;
  }

  /** Every author the data set uses (the writer upserts them batch by batch). */
  async authors(): Promise<void> {
    const used = new Set<number>();
    for (let j = 0; j < COMMENTS && used.size < AUTHORS; j++) used.add(authorOf(j));
    const rows: Cell[][] = [[this.t.workspaceId, this.t.platform, PAGE.externalId, PAGE.handle, PAGE.displayName, this.pseudonym(PAGE.externalId), PAGE.followers]];
    for (const a of [...used].sort((x, y) => x - y)) rows.push([this.t.workspaceId, this.t.platform, `u${a}`, null, `Personne ${a}`, this.pseudonym(`u${a}`), null]);
    await copyRows(this.pool, `COPY authors (workspace_id, platform, external_id, handle, display_name, pseudonym, followers) FROM STDIN`, rows);
    const got = await this.pool.query<{ external_id: string; id: string }>(`SELECT external_id, id FROM authors WHERE workspace_id = $1`, [this.t.workspaceId]);
    for (const r of got.rows) this.authorIds.set(r.external_id, r.id);
  }

  async slice(from: number, to: number): Promise<void> {
    const t = this.t;
    const page = this.bare ? null : (this.authorIds.get(PAGE.externalId) ?? null);
    await copyRows(
      this.pool,
      `COPY posts (workspace_id, brand_id, channel_account_id, external_id, published_at, content_type, text, permalink, author_id,
        impressions, reach, reactions, comments, shares, saves, clicks, video_views, impressions_definition) FROM STDIN`,
      map(range(from, to), (i) => {
        const p = post(i);
        const m = p.metrics;
        return [t.workspaceId, t.brandId, t.channelAccountId, p.externalId, p.publishedAt, p.contentType, p.text, p.permalink, page, m.impressions, m.reach, m.reactions, m.comments, m.shares, m.saves, m.clicks, m.videoViews, p.impressionsDefinition];
      }),
    );
    const got = await this.pool.query<{ external_id: string; id: string }>(`SELECT external_id, id FROM posts WHERE channel_account_id = $1 AND external_id = ANY($2::text[])`, [
      t.channelAccountId,
      Array.from(range(from, to), (i) => `p${i}`),
    ]);
    const postIds = new Map(got.rows.map((r) => [r.external_id, r.id]));
    const captured = CAPTURED_AT.toISOString();
    if (!this.bare) {
      await copyRows(
        this.pool,
        `COPY post_metric_snapshots (post_id, captured_at, impressions, reach, reactions, comments, shares, saves, clicks, video_views, impressions_definition) FROM STDIN`,
        map(range(from, to), (i) => {
          const p = post(i);
          const m = p.metrics;
          return [postIds.get(p.externalId) ?? null, captured, m.impressions, m.reach, m.reactions, m.comments, m.shares, m.saves, m.clicks, m.videoViews, p.impressionsDefinition];
        }),
      );
    }
    await copyRows(
      this.pool,
      `COPY comments (workspace_id, brand_id, channel_account_id, post_id, external_id, parent_external_id, author_id, is_from_brand, text, likes, published_at) FROM STDIN`,
      map(range(from * COMMENTS_PER_POST, to * COMMENTS_PER_POST), (j) => {
        const c = comment(j);
        return [t.workspaceId, t.brandId, t.channelAccountId, postIds.get(c.postExternalId) ?? null, c.externalId, c.parentExternalId, this.authorIds.get(c.author?.externalId ?? '') ?? null, c.isFromBrand, c.text, c.likes, c.publishedAt];
      }),
    );
  }
}

/** The writer, called page by page as a sync does: posts [from, to), then their comments. */
async function writeSlice(writer: IngestionWriter, t: WriteTarget, from: number, to: number): Promise<void> {
  for (let s = from; s < to; s += BATCH) {
    await writer.writePosts(t, Array.from({ length: Math.min(BATCH, to - s) }, (_, k) => post(s + k)), CAPTURED_AT, BATCH);
  }
  const [cf, ct] = [from * COMMENTS_PER_POST, to * COMMENTS_PER_POST];
  for (let s = cf; s < ct; s += BATCH) {
    await writer.writeComments(t, Array.from({ length: Math.min(BATCH, ct - s) }, (_, k) => comment(s + k)), BATCH);
  }
}

/** Order-independent content fingerprint of a workspace's ingested rows (ids and clocks left out). */
async function fingerprint(ds: DataSource, ws: string): Promise<string> {
  const [r] = (await ds.query(
    `SELECT
       (SELECT count(*) || ':' || sum(hashtext(concat_ws('|', external_id, handle, display_name, followers))::bigint) FROM authors WHERE workspace_id = $1) AS authors,
       (SELECT count(*) || ':' || sum(hashtext(concat_ws('|', p.external_id, p.published_at, p.text, p.permalink, a.external_id, p.impressions, p.reach, p.reactions, p.comments, p.shares, p.saves, p.clicks, p.video_views, p.impressions_definition))::bigint)
          FROM posts p LEFT JOIN authors a ON a.id = p.author_id WHERE p.workspace_id = $1) AS posts,
       (SELECT count(*) || ':' || sum(hashtext(concat_ws('|', p.external_id, s.captured_at, s.impressions, s.reach, s.reactions, s.comments, s.shares, s.clicks))::bigint)
          FROM post_metric_snapshots s JOIN posts p ON p.id = s.post_id WHERE p.workspace_id = $1) AS snapshots,
       (SELECT count(*) || ':' || sum(hashtext(concat_ws('|', c.external_id, p.external_id, a.external_id, c.is_from_brand, c.text, c.likes, c.published_at))::bigint)
          FROM comments c JOIN posts p ON p.id = c.post_id LEFT JOIN authors a ON a.id = c.author_id WHERE c.workspace_id = $1) AS comments`,
    [ws],
  )) as Array<Record<string, string>>;
  return JSON.stringify(r);
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en').padStart(9)} records/s`;

async function main() {
  let stop = async () => undefined as void;
  let url = process.env.DATABASE_URL ?? '';
  if (!url) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-ingest-'));
    chmodSync(dir, 0o755);
    const pg = await startEmbeddedDatabase(dir, quiet, { port: 0 });
    url = pg.url;
    stop = async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  await runMigrations(url);
  const ds = createDataSource(url);
  await ds.initialize();
  const pool = new Pool({ connectionString: url, max: STREAMS });
  const config = loadConfig({ NODE_ENV: 'test', VIGIE_SECRET_KEY: randomBytes(32).toString('hex'), DATABASE_URL: url, VIGIE_DATA_DIR: os.tmpdir() });
  const writer = new IngestionWriter(
    new PostsRepository(ds),
    new CommentsRepository(ds),
    new AuthorsRepository(ds),
    new AccountStatsRepository(ds),
    new IngestionEvents(),
    config,
  );
  try {
    /** A workspace, brand and `n` facebook accounts of its own. */
    const setup = async (name: string, n: number): Promise<WriteTarget[]> => {
      const [{ id: ws }] = (await ds.query(`INSERT INTO workspaces (name) VALUES ($1) RETURNING id`, [name])) as Array<{ id: string }>;
      const [{ id: brand }] = (await ds.query(`INSERT INTO brands (workspace_id, name, kind) VALUES ($1, $2, 'own') RETURNING id`, [ws, name])) as Array<{ id: string }>;
      const out: WriteTarget[] = [];
      for (let k = 0; k < n; k++) {
        const [{ id }] = (await ds.query(`INSERT INTO channel_accounts (workspace_id, brand_id, platform, handle) VALUES ($1, $2, 'facebook', $3) RETURNING id`, [ws, brand, `${name}-${k}`])) as Array<{ id: string }>;
        out.push({ workspaceId: ws, brandId: brand, channelAccountId: id, platform: 'facebook' });
      }
      return out;
    };
    const total = POSTS + COMMENTS;
    const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
    console.log(`rows: ${POSTS.toLocaleString('en')} posts + ${COMMENTS.toLocaleString('en')} comments (${AUTHORS.toLocaleString('en')} commenters) = ${total.toLocaleString('en')} records per method`);
    console.log(`writer batches of ${BATCH}; ${STREAMS} stream(s) for both COPY and writer (${STREAMS > 1 ? `${STREAMS} accounts written in parallel` : 'one account'}); COPY and writer interleaved by slices of ${SLICE} posts`);
    console.log(`machine: ${os.cpus().length} cores, load average ${load} at start`);

    // Each stream is one channel account (the sync queue runs accounts in parallel); posts are
    // dealt to streams by contiguous ranges so a stream's comments find their posts.
    const copyTargets = await setup('copy', STREAMS);
    const writerTargets = await setup('writer', STREAMS);
    const authorIds = new Map<string, string>();
    const copy = copyTargets.map((t) => new CopyLoader(pool, t, pseudonymSalt(config.secretKey, t.workspaceId), authorIds));
    const bareTargets = BARE ? await setup('bare-copy', STREAMS) : [];
    const bare = bareTargets.map((t) => new CopyLoader(pool, t, '', new Map(), true));
    const timed = async (f: () => Promise<unknown>) => {
      const t0 = process.hrtime.bigint();
      await f();
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    const methods: Array<{ slice: (from: number, to: number) => Promise<unknown>; ms: number }> = [
      { slice: (from, to) => Promise.all(parts(from, to, STREAMS).map(([a, b], k) => copy[k].slice(a, b))), ms: 0 },
      { slice: (from, to) => Promise.all(parts(from, to, STREAMS).map(([a, b], k) => writeSlice(writer, writerTargets[k], a, b))), ms: 0 },
      ...(BARE ? [{ slice: (from: number, to: number) => Promise.all(parts(from, to, STREAMS).map(([a, b], k) => bare[k].slice(a, b))), ms: 0 }] : []),
    ];
    // The streams' accounts share one workspace, so one COPY of its authors.
    methods[0].ms += await timed(() => copy[0].authors());
    for (let s = 0, k = 0; s < POSTS; s += SLICE, k++) {
      const e = Math.min(POSTS, s + SLICE);
      for (let m = 0; m < methods.length; m++) {
        const method = methods[(m + k) % methods.length];
        method.ms += await timed(() => method.slice(s, e));
      }
    }
    const [copyMs, writerMs] = [methods[0].ms, methods[1].ms];
    console.log(`COPY (raw: same final rows incl. authors, snapshots, ids; no upsert)  ${secs(copyMs)}  ${rate(total, copyMs)}`);
    console.log(`IngestionWriter (idempotent upsert, page by page)                  ${secs(writerMs)}  ${rate(total, writerMs)}  = ${(copyMs / writerMs).toFixed(2)}× COPY`);
    if (BARE) {
      const bareMs = methods[2].ms;
      console.log(`COPY of posts + comments alone (no authors, author ids, snapshots: fewer rows and FK checks)  ${secs(bareMs)}  ${rate(total, bareMs)}  writer = ${(bareMs / writerMs).toFixed(2)}× this`);
    }

    const [a, b] = [await fingerprint(ds, copyTargets[0].workspaceId), await fingerprint(ds, writerTargets[0].workspaceId)];
    if (a !== b) throw new Error(`COPY and writer did not end with the same rows:\n${a}\n${b}`);
    console.log(`same rows checked: authors, posts, snapshots and comments of both workspaces have equal content fingerprints`);

    // Replaying pages already written: the idempotent no-op path.
    const replayMs = await timed(async () => {
      for (let s = 0; s < REPLAY; s += BATCH) await writer.writeComments(writerTargets[0], Array.from({ length: Math.min(BATCH, REPLAY - s) }, (_, k) => comment(s + k)), BATCH);
    });
    const [c, d] = [await fingerprint(ds, writerTargets[0].workspaceId), b];
    if (c !== d) throw new Error('the replay changed rows');
    console.log(`IngestionWriter, replay of ${REPLAY.toLocaleString('en')} comments        ${secs(replayMs)}  ${rate(REPLAY, replayMs)}  (nothing rewritten)`);

    // Naive ORM: per row, look the record up by its natural key, then insert it.
    const [orm] = await setup('orm', 1);
    const ormMs = await timed(async () => {
      const ormPosts = Math.ceil(ORM_SAMPLE / (COMMENTS_PER_POST + 1));
      for (let i = 0; i < ormPosts; i++) {
        const p = post(i);
        const found = (await ds.query(`SELECT id FROM posts WHERE channel_account_id = $1 AND external_id = $2`, [orm.channelAccountId, p.externalId])) as unknown[];
        if (!found.length) {
          await ds.createQueryBuilder().insert().into('posts').values({ workspace_id: orm.workspaceId, brand_id: orm.brandId, channel_account_id: orm.channelAccountId, external_id: p.externalId, published_at: p.publishedAt, content_type: p.contentType, text: p.text, permalink: p.permalink, reactions: p.metrics.reactions, comments: p.metrics.comments }).execute();
        }
        for (let k = 0; k < COMMENTS_PER_POST; k++) {
          const cm = comment(i * COMMENTS_PER_POST + k);
          const [parent] = (await ds.query(`SELECT id FROM posts WHERE channel_account_id = $1 AND external_id = $2`, [orm.channelAccountId, cm.postExternalId])) as Array<{ id: string }>;
          const exists = (await ds.query(`SELECT id FROM comments WHERE channel_account_id = $1 AND external_id = $2`, [orm.channelAccountId, cm.externalId])) as unknown[];
          if (!exists.length) {
            await ds.createQueryBuilder().insert().into('comments').values({ workspace_id: orm.workspaceId, brand_id: orm.brandId, channel_account_id: orm.channelAccountId, post_id: parent.id, external_id: cm.externalId, text: cm.text, likes: cm.likes, published_at: cm.publishedAt }).execute();
          }
        }
      }
    });
    const ormN = Math.ceil(ORM_SAMPLE / (COMMENTS_PER_POST + 1)) * (COMMENTS_PER_POST + 1);
    console.log(`naive per-row ORM (sample of ${ormN}, one stream; extrapolated: ${Math.round((total / ormN) * (ormMs / 1000))} s)  ${rate(ormN, ormMs)}  = ${(copyMs / ((ormMs / ormN) * total)).toFixed(3)}× COPY`);
    console.log(`machine: load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at end`);
  } finally {
    await pool.end();
    await ds.destroy();
    await stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
