/**
 * Ingest throughput of the pipeline's write path (issue: ≥ 0.6× a raw COPY). Run:
 * `npm run bench -- bench-ingest` from the repo root, or
 * `node -r ../scripts/ts-register.cjs scripts/bench-ingest.ts` in backend/ (DATABASE_URL to use
 * an existing Postgres, else an embedded one in a temp dir; BENCH_COMMENTS / BENCH_POSTS to resize).
 *
 * Same rows three ways, each into its own channel account of the same tables (same indexes):
 *  1. the IngestionWriter (batched INSERT … ON CONFLICT … WHERE changed, authors upserted,
 *     post ids resolved in SQL, snapshots) — one stream, then two parallel streams (the sync
 *     queue runs several accounts at once);
 *  2. a raw COPY of the same posts and comments (post_id given, no authors: the floor);
 *  3. a naive per-row ORM upsert (findOne by natural key, then insert) on a sample, extrapolated.
 * Rows are generated (100 k posts, 10 comments each, 50 k distinct commenters, French text).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { loadConfig } from '../src/config/app-config';
import { createDataSource } from '../src/database/data-source';
import { startEmbeddedDatabase } from '../src/infra/embedded-database';
import type { NormalizedComment, NormalizedPost } from '../src/modules/channels/connectors/channel-connector';
import { IngestionEvents } from '../src/modules/ingestion/ingestion-events';
import { IngestionWriter, type WriteTarget } from '../src/modules/ingestion/writer/ingestion-writer.service';
import { runMigrations } from '../src/runtime';

const POSTS = Number(process.env.BENCH_POSTS ?? 100_000);
const COMMENTS_PER_POST = Math.round(Number(process.env.BENCH_COMMENTS ?? 1_000_000) / POSTS);
const COMMENTS = POSTS * COMMENTS_PER_POST;
const AUTHORS = 50_000;
const BATCH = 5000;
const ORM_SAMPLE = 2000;
const quiet = { log: () => undefined, warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };

const WORDS = ['super', 'produit', 'livraison', 'commande', 'merci', 'retard', 'qualité', 'prix', 'magasin', 'service', 'client', 'bravo'];
const textOf = (i: number) => Array.from({ length: 6 + (i % 7) }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
const dateOf = (i: number) => new Date(Date.UTC(2024, 0, 1) + (i % 365) * 86_400_000 + (i % 1440) * 60_000).toISOString();

function post(i: number): NormalizedPost {
  return {
    externalId: `p${i}`,
    publishedAt: dateOf(i),
    contentType: 'photo',
    text: textOf(i),
    permalink: `https://example.test/p/${i}`,
    author: { externalId: 'page', handle: 'brand', displayName: 'Brand', followers: 10_000 },
    metrics: { impressions: 1000 + (i % 500), reach: 800 + (i % 400), reactions: 70 + (i % 21), comments: COMMENTS_PER_POST, shares: i % 5, saves: null, clicks: 20 + (i % 7), videoViews: null },
    impressionsDefinition: 'impressions',
  };
}

function comment(j: number): NormalizedComment {
  const p = Math.floor(j / COMMENTS_PER_POST);
  const a = (j * 7919) % AUTHORS;
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

const copyText = (v: string | number | boolean | null) =>
  v === null ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

async function copyRows(pool: Pool, sql: string, rows: () => Generator<Array<string | number | boolean | null>>) {
  const client = await pool.connect();
  try {
    const gen = rows();
    const src = Readable.from(
      (function* () {
        let buf = '';
        for (const r of gen) {
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
  const pool = new Pool({ connectionString: url, max: 2 });
  const config = loadConfig({ NODE_ENV: 'test', VIGIE_SECRET_KEY: randomBytes(32).toString('hex'), DATABASE_URL: url, VIGIE_DATA_DIR: os.tmpdir() });
  const writer = new IngestionWriter(ds, new IngestionEvents(), config);
  try {
    const [{ id: ws }] = await ds.query(`INSERT INTO workspaces (name) VALUES ('bench') RETURNING id`);
    const [{ id: brand }] = await ds.query(`INSERT INTO brands (workspace_id, name, kind) VALUES ($1, 'bench', 'own') RETURNING id`, [ws]);
    const account = async (h: string): Promise<WriteTarget> => {
      const [{ id }] = await ds.query(
        `INSERT INTO channel_accounts (workspace_id, brand_id, platform, handle) VALUES ($1, $2, 'facebook', $3) RETURNING id`,
        [ws, brand, h],
      );
      return { workspaceId: ws, brandId: brand, channelAccountId: id, platform: 'facebook' };
    };
    const total = POSTS + COMMENTS;
    console.log(`rows: ${POSTS.toLocaleString('en')} posts + ${COMMENTS.toLocaleString('en')} comments (${AUTHORS.toLocaleString('en')} commenters), batches of ${BATCH}`);

    // 2. Raw COPY (the floor): posts, then comments with post ids already known.
    const copyTarget = await account('copy');
    let t0 = Date.now();
    await copyRows(
      pool,
      `COPY posts (workspace_id, brand_id, channel_account_id, external_id, published_at, content_type, text, permalink,
        impressions, reach, reactions, comments, shares, clicks, impressions_definition) FROM STDIN`,
      function* () {
        for (let i = 0; i < POSTS; i++) {
          const p = post(i);
          const m = p.metrics;
          yield [ws, brand, copyTarget.channelAccountId, p.externalId, p.publishedAt, p.contentType, p.text, p.permalink, m.impressions, m.reach, m.reactions, m.comments, m.shares, m.clicks, 'impressions'];
        }
      },
    );
    const [{ first }] = await ds.query(`SELECT min(id)::int AS first FROM posts WHERE channel_account_id = $1`, [copyTarget.channelAccountId]);
    await copyRows(
      pool,
      `COPY comments (workspace_id, brand_id, channel_account_id, post_id, external_id, is_from_brand, text, likes, published_at) FROM STDIN`,
      function* () {
        for (let j = 0; j < COMMENTS; j++) {
          const c = comment(j);
          yield [ws, brand, copyTarget.channelAccountId, first + Math.floor(j / COMMENTS_PER_POST), c.externalId, false, c.text, c.likes, c.publishedAt];
        }
      },
    );
    const copyMs = Date.now() - t0;
    const copyRate = total / (copyMs / 1000);
    console.log(`COPY (raw, no upsert, no authors)          ${(copyMs / 1000).toFixed(1).padStart(6)} s  ${Math.round(copyRate).toLocaleString('en').padStart(9)} records/s`);

    // 1. The writer: one stream.
    const run = async (target: WriteTarget, part: number, parts: number) => {
      const per = POSTS / parts;
      for (let s = part * per; s < (part + 1) * per; s += BATCH) {
        await writer.writePosts(target, Array.from({ length: Math.min(BATCH, (part + 1) * per - s) }, (_, k) => post(s + k)), new Date(), BATCH);
      }
      const cper = COMMENTS / parts;
      for (let s = part * cper; s < (part + 1) * cper; s += BATCH) {
        await writer.writeComments(target, Array.from({ length: Math.min(BATCH, (part + 1) * cper - s) }, (_, k) => comment(s + k)), BATCH);
      }
    };
    const single = await account('writer-1');
    t0 = Date.now();
    await run(single, 0, 1);
    const w1 = Date.now() - t0;
    const w1Rate = total / (w1 / 1000);
    console.log(`IngestionWriter, 1 stream                  ${(w1 / 1000).toFixed(1).padStart(6)} s  ${Math.round(w1Rate).toLocaleString('en').padStart(9)} records/s  = ${(w1Rate / copyRate).toFixed(2)}× COPY`);

    const dual = await account('writer-2');
    t0 = Date.now();
    await Promise.all([run(dual, 0, 2), run(dual, 1, 2)]);
    const w2 = Date.now() - t0;
    const w2Rate = total / (w2 / 1000);
    console.log(`IngestionWriter, 2 parallel streams        ${(w2 / 1000).toFixed(1).padStart(6)} s  ${Math.round(w2Rate).toLocaleString('en').padStart(9)} records/s  = ${(w2Rate / copyRate).toFixed(2)}× COPY`);

    // Replaying a page already written: the idempotent no-op path.
    t0 = Date.now();
    for (let s = 0; s < 100_000; s += BATCH) await writer.writeComments(single, Array.from({ length: BATCH }, (_, k) => comment(s + k)), BATCH);
    const replay = Date.now() - t0;
    console.log(`IngestionWriter, replay of 100 k comments  ${(replay / 1000).toFixed(1).padStart(6)} s  ${Math.round(100_000 / (replay / 1000)).toLocaleString('en').padStart(9)} records/s  (nothing rewritten)`);

    // 3. Naive ORM: per row, look the record up by its natural key, then insert it.
    const orm = await account('orm');
    const posts = ds.createQueryBuilder();
    t0 = Date.now();
    const ormPosts = ORM_SAMPLE / (COMMENTS_PER_POST + 1);
    for (let i = 0; i < ormPosts; i++) {
      const p = post(i);
      const found = await ds.query(`SELECT id FROM posts WHERE channel_account_id = $1 AND external_id = $2`, [orm.channelAccountId, p.externalId]);
      if (!found.length) {
        await posts.insert().into('posts').values({ workspace_id: ws, brand_id: brand, channel_account_id: orm.channelAccountId, external_id: p.externalId, published_at: p.publishedAt, content_type: p.contentType, text: p.text, permalink: p.permalink, reactions: p.metrics.reactions, comments: p.metrics.comments }).execute();
      }
      for (let k = 0; k < COMMENTS_PER_POST; k++) {
        const c = comment(i * COMMENTS_PER_POST + k);
        const [parent] = await ds.query(`SELECT id FROM posts WHERE channel_account_id = $1 AND external_id = $2`, [orm.channelAccountId, c.postExternalId]);
        const exists = await ds.query(`SELECT id FROM comments WHERE channel_account_id = $1 AND external_id = $2`, [orm.channelAccountId, c.externalId]);
        if (!exists.length) {
          await ds.createQueryBuilder().insert().into('comments').values({ workspace_id: ws, brand_id: brand, channel_account_id: orm.channelAccountId, post_id: parent.id, external_id: c.externalId, text: c.text, likes: c.likes, published_at: c.publishedAt }).execute();
        }
      }
    }
    const ormMs = Date.now() - t0;
    const ormRate = ORM_SAMPLE / (ormMs / 1000);
    console.log(`naive per-row ORM (sample of ${ORM_SAMPLE}, extrapolated) ${((total / ormRate)).toFixed(0).padStart(4)} s  ${Math.round(ormRate).toLocaleString('en').padStart(9)} records/s  = ${(ormRate / copyRate).toFixed(2)}× COPY`);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM comments WHERE channel_account_id = $1`, [single.channelAccountId]);
    if (n !== COMMENTS) throw new Error(`writer wrote ${n} comments, expected ${COMMENTS}`);
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
