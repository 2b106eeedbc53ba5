/**
 * KPI endpoint latency with 100 k and with 10 M interactions for one brand (issue: the 10 M
 * time must stay within 2× the 100 k time). Run: `npm run bench -- bench-kpi` from the repo
 * root, or `node -r ../scripts/ts-register.cjs scripts/bench-kpi.ts` in backend/.
 *
 * What is generated (honestly): real rows in `posts` with generate_series — 1,000 posts for
 * the small brand and 100,000 posts for the large one, over 2024, 3 channel accounts, 5 content
 * types, ~100 interactions per post (reactions + comments + shares) — then the rollups are
 * built by the product's own rebuild. The endpoint reads rollups (≤ accounts × days × types
 * rows), so its cost does not grow with the number of interactions. No comments, no links.
 * Calls go through HTTP (session cookie), GET /kpis for the whole year, day granularity.
 */
import type { DataSource } from 'typeorm';
import { runBench, signInMember, withBenchApi } from './lib/bench-api';
import { KpiRollupService } from '../src/modules/kpi/rollups/kpi-rollup.service';

const CALLS = 40;
const WARMUP = 5;

async function seedBrand(db: DataSource, ws: string, name: string, posts: number) {
  const [{ id: brand }] = await db.query(`INSERT INTO brands (workspace_id, name, kind) VALUES ($1, $2, 'own') RETURNING id`, [ws, name]);
  const accounts: string[] = [];
  for (const platform of ['facebook', 'instagram', 'linkedin']) {
    const [{ id }] = await db.query(
      `INSERT INTO channel_accounts (workspace_id, brand_id, platform, handle) VALUES ($1, $2, $3, $4) RETURNING id`,
      [ws, brand, platform, `${name}-${platform}`],
    );
    accounts.push(id);
    await db.query(
      `INSERT INTO account_daily_stats (channel_account_id, day, followers)
       SELECT $1, d::date, 10000 + (d::date - '2023-12-01'::date) * 10 FROM generate_series('2023-12-01'::date, '2024-12-31', '1 day') d`,
      [id],
    );
  }
  await db.query(
    `INSERT INTO posts (workspace_id, brand_id, channel_account_id, external_id, published_at, content_type,
       impressions, reach, reactions, comments, shares, clicks, impressions_definition)
     SELECT $1, $2, ($3::uuid[])[1 + g % 3], $4 || '-' || g,
       '2024-01-01T00:00:00Z'::timestamptz + (g::float8 / $5) * interval '366 days',
       (ARRAY['photo', 'video', 'link', 'status', 'reel'])[1 + g % 5],
       1000 + g % 500, 800 + g % 400, 70 + g % 21, 10 + g % 11, 3 + g % 5, 20 + g % 7, 'impressions'
     FROM generate_series(0, $5 - 1) g`,
    [ws, brand, accounts, name, posts],
  );
  const [{ n, interactions }] = await db.query(
    `SELECT count(*)::int AS n, sum(reactions + comments + shares)::bigint AS interactions FROM posts WHERE brand_id = $1`,
    [brand],
  );
  return { brand: brand as string, posts: n as number, interactions: Number(interactions) };
}

async function timeCalls(url: string, cookie: string): Promise<{ p50: number; p95: number; bytes: number }> {
  const once = async () => {
    const t0 = process.hrtime.bigint();
    const res = await fetch(url, { headers: { cookie } });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${res.status} ${text.slice(0, 200)}`);
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, bytes: text.length };
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < CALLS; i++) {
    const r = await once();
    times.push(r.ms);
    bytes = r.bytes;
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
  return { p50: at(50), p95: at(95), bytes };
}

async function main() {
  await withBenchApi({ name: 'kpi', listen: true }, async (api) => {
    const { app, db, base } = api;
    const [{ id: ws }] = await db.query(`INSERT INTO workspaces (name) VALUES ('bench') RETURNING id`);
    const { cookie } = await signInMember(api, ws, 'bench@kpi.test', 'viewer');

    let t0 = Date.now();
    const small = await seedBrand(db, ws, 'small', 1_000);
    const large = await seedBrand(db, ws, 'large', 100_000);
    const seedMs = Date.now() - t0;
    const rollups = app.get(KpiRollupService);
    t0 = Date.now();
    const built = await rollups.rebuild(ws);
    const rebuildMs = Date.now() - t0;
    const [{ ids }] = await db.query(`SELECT array_agg(id::text) AS ids FROM (SELECT id FROM posts WHERE brand_id = $1 LIMIT 5000) x`, [large.brand]);
    t0 = Date.now();
    await rollups.refreshForPosts(ids);
    const refreshMs = Date.now() - t0;

    const url = (brand: string) => `${base}/api/workspaces/${ws}/kpis?brandId=${brand}&from=2024-01-01&to=2024-12-31&granularity=day`;
    if (process.argv.includes('--explain')) {
      for (const [label, sql] of [
        ['hourly', `SELECT extract(isodow FROM r.day)::int, u.hour, sum(u.posts), sum(u.interactions::float8), sum(u.reach::float8) FROM kpi_hourly_rollups r, unnest(r.hours, r.posts, r.interactions, r.reach) AS u(hour, posts, interactions, reach) WHERE r.workspace_id = '${ws}' AND r.brand_id = '${large.brand}' AND r.day BETWEEN '2024-01-01' AND '2024-12-31' GROUP BY 1, 2`],
        ['daily', `SELECT GROUPING(r.channel_account_id), r.channel_account_id, r.content_type, r.day, sum(r.posts), sum(r.reach), sum(r.reach_known) FROM kpi_daily_rollups r WHERE r.workspace_id = '${ws}' AND r.brand_id = '${large.brand}' AND r.day BETWEEN '2024-01-01' AND '2024-12-31' GROUP BY GROUPING SETS ((r.channel_account_id), (r.content_type), (r.day), ())`],
      ]) {
        for (let i = 0; i < 4; i++) await db.query(sql);
        const plan = await db.query(`EXPLAIN ANALYZE ${sql}`);
        console.log(label, plan.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
      }
    }
    const a = await timeCalls(url(small.brand), cookie);
    const b = await timeCalls(url(large.brand), cookie);
    const fmt = (n: number) => n.toLocaleString('en-US');
    console.log(`seeded ${fmt(small.posts + large.posts)} posts in ${seedMs} ms; rollup rebuild ${rebuildMs} ms ` +
      `(${built.dailyRows} daily rows + ${built.hourlyRows} heatmap day rows); incremental refresh of 5,000 posts ${refreshMs} ms`);
    console.log(`GET /kpis, year 2024 by day, ${CALLS} calls after ${WARMUP} warm-up, through HTTP:`);
    console.log(`  ${fmt(small.interactions).padStart(12)} interactions (${fmt(small.posts)} posts): p50 ${a.p50.toFixed(1)} ms, p95 ${a.p95.toFixed(1)} ms (${fmt(a.bytes)} bytes)`);
    console.log(`  ${fmt(large.interactions).padStart(12)} interactions (${fmt(large.posts)} posts): p50 ${b.p50.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms (${fmt(b.bytes)} bytes)`);
    const ratio = b.p50 / a.p50;
    console.log(`  ratio 10 M / 100 k (p50): ${ratio.toFixed(2)}× — target ≤ 2×: ${ratio <= 2 ? 'OK' : 'MISSED'}`);
  });
}

runBench(main);
