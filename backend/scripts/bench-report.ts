/**
 * Time to build one month's report (data + HTML + PDF) for a brand with 1 M interactions that
 * month (target < 10 s). Run: `npm run bench -- bench-report` from the repo root, or
 * `node -r ../scripts/ts-register.cjs scripts/bench-report.ts` in backend/.
 *
 * What is generated (SQL generate_series, real rows): brand "Bench", 3 channel accounts;
 * March 2025: 10,000 posts × 100 interactions (70 reactions + 20 comments + 10 shares) = 1,000,000
 * interactions, hashtags in the texts; the 11 months before: 2,000 posts each; daily follower
 * counts; 100,000 community comments in March (7 request types, sentiments, 2,000 authors)
 * with their inbox items (60 % answered, 3 services); one competitor with 1,000 posts in March.
 * Rollups are built by the product's own rebuild. Then ReportsService.generate (every section,
 * through the KPI and inbox services), the HTML page and the PDF (headless Chromium).
 */
import type { DataSource } from 'typeorm';
import { runBench, withBenchApi } from './lib/bench-api';
import { KpiRollupService } from '../src/modules/kpi/rollups/kpi-rollup.service';
import { ReportOutputs } from '../src/modules/reports/report-outputs.service';
import { ReportsService } from '../src/modules/reports/reports.service';

const TYPES = ['question', 'lead', 'job_application', 'invitation', 'partnership', 'complaint', 'praise'];

async function seed(db: DataSource) {
  const [{ id: ws }] = await db.query(`INSERT INTO workspaces (name, timezone, language) VALUES ('bench', 'Europe/Paris', 'fr') RETURNING id`);
  const [{ id: brand }] = await db.query(`INSERT INTO brands (workspace_id, name, kind) VALUES ($1, 'Bench', 'own') RETURNING id`, [ws]);
  const [{ id: rival }] = await db.query(`INSERT INTO brands (workspace_id, name, kind) VALUES ($1, 'Rival', 'competitor') RETURNING id`, [ws]);
  const accounts: string[] = [];
  for (const platform of ['facebook', 'instagram', 'linkedin']) {
    const [{ id }] = await db.query(`INSERT INTO channel_accounts (workspace_id, brand_id, platform, handle) VALUES ($1, $2, $3, $4) RETURNING id`, [
      ws,
      brand,
      platform,
      `bench-${platform}`,
    ]);
    accounts.push(id);
    await db.query(
      `INSERT INTO account_daily_stats (channel_account_id, day, followers)
       SELECT $1, d::date, 10000 + (d::date - '2024-03-01'::date) * 10 FROM generate_series('2024-03-01'::date, '2025-03-31', '1 day') d`,
      [id],
    );
  }
  const [{ id: rivalAccount }] = await db.query(
    `INSERT INTO channel_accounts (workspace_id, brand_id, platform, handle) VALUES ($1, $2, 'facebook', 'rival') RETURNING id`,
    [ws, rival],
  );
  const posts = (brandId: string, accountIds: string[], prefix: string, from: string, days: number, n: number) =>
    db.query(
      `INSERT INTO posts (workspace_id, brand_id, channel_account_id, external_id, published_at, content_type, text,
         impressions, reach, reactions, comments, shares, clicks, impressions_definition)
       SELECT $1, $2, ($3::uuid[])[1 + g % cardinality($3::uuid[])], $4 || '-' || g,
         $5::timestamptz + (g::float8 / $7) * ($6 || ' days')::interval,
         (ARRAY['photo', 'video', 'link', 'status', 'reel'])[1 + g % 5],
         'Publication ' || g || (ARRAY[' #printemps', ' #promo', ' #coulisses', '', ' #recette'])[1 + g % 5],
         2000 + g % 500, 1000 + g % 400, 70, 20, 10, 20 + g % 7, 'impressions'
       FROM generate_series(0, $7 - 1) g`,
      [ws, brandId, accountIds, prefix, from, String(days), n],
    );
  // March: 70 + 20 + 10 = 100 interactions per post, spread over 30.5 days (all inside local March).
  await posts(brand, accounts, 'mar', '2025-03-01T00:00:00+01:00', 30.5, 10_000);
  for (let m = 1; m <= 11; m++) {
    const start = new Date(Date.UTC(2025, 2 - m, 1));
    await posts(brand, accounts, `m${m}`, start.toISOString(), 27, 2_000);
  }
  await posts(rival, [rivalAccount], 'rival', '2025-03-01T00:00:00+01:00', 30.5, 1_000);
  await db.query(
    `INSERT INTO authors (workspace_id, platform, external_id, handle, display_name, pseudonym)
     SELECT $1, 'facebook', 'a' || g, 'h' || g, 'Name ' || g, 'Utilisateur ' || lpad(g::text, 4, '0') FROM generate_series(1, 2000) g`,
    [ws],
  );
  const services: string[] = [];
  for (const [name, kind] of [['SAV', 'sav'], ['Commercial', 'commercial'], ['RH', 'rh']]) {
    const [{ id }] = await db.query(`INSERT INTO services (workspace_id, name, kind) VALUES ($1, $2, $3) RETURNING id`, [ws, name, kind]);
    services.push(id);
  }
  await db.query(
    `INSERT INTO comments (workspace_id, brand_id, channel_account_id, post_id, external_id, author_id, text, published_at,
       language, sentiment, request_type, toxic, enriched_at)
     SELECT $1, $2, p.channel_account_id, p.id, 'c' || g, (SELECT min(id) FROM authors WHERE workspace_id = $1) + g % 2000,
       'Message ' || g, p.published_at + interval '1 hour', 'fr',
       (ARRAY['positive', 'neutral', 'negative'])[1 + g % 3], ($3::text[])[1 + g % 7], false, now()
     FROM generate_series(0, 99999) g
     JOIN LATERAL (SELECT id, channel_account_id, published_at FROM posts WHERE brand_id = $2 AND external_id = 'mar-' || (g % 10000)) p ON true`,
    [ws, brand, TYPES],
  );
  await db.query(
    `INSERT INTO inbox_items (workspace_id, brand_id, channel_account_id, comment_id, published_at, type, needs_attention,
       status, service_id, answered_at, first_response_minutes, answered_by)
     SELECT c.workspace_id, c.brand_id, c.channel_account_id, c.id, c.published_at, c.request_type, c.request_type <> 'praise',
       CASE WHEN c.id % 5 < 3 THEN 'answered' ELSE 'open' END, ($2::uuid[])[1 + c.id % 3],
       CASE WHEN c.id % 5 < 3 THEN c.published_at + (c.id % 600) * interval '1 minute' END,
       CASE WHEN c.id % 5 < 3 THEN (c.id % 600)::float8 END,
       CASE WHEN c.id % 5 < 3 THEN 'platform_reply' END
     FROM comments c WHERE c.workspace_id = $1`,
    [ws, services],
  );
  const [{ interactions }] = await db.query(
    `SELECT sum(reactions + comments + shares)::bigint AS interactions FROM posts
     WHERE brand_id = $1 AND published_at >= '2025-03-01T00:00:00+01:00' AND published_at < '2025-04-01T00:00:00+02:00'`,
    [brand],
  );
  return { ws: ws as string, brand: brand as string, interactions: Number(interactions) };
}

async function main() {
  await withBenchApi({ name: 'report', env: { VIGIE_ROLE: 'api' } }, async ({ app, db }) => {
    let t0 = Date.now();
    const w = await seed(db);
    await app.get(KpiRollupService).rebuild(w.ws);
    await db.query('ANALYZE');
    console.log(`seeded ${w.interactions.toLocaleString('en-US')} interactions in March 2025 (+100,000 inbound comments) and built rollups in ${Date.now() - t0} ms`);

    const reports = app.get(ReportsService);
    const outputs = app.get(ReportOutputs);
    for (const run of ['first run', 'second run (regenerate)']) {
      t0 = Date.now();
      const report = await reports.generate(w.ws, w.brand, '2025-03', null);
      const dataMs = Date.now() - t0;
      t0 = Date.now();
      const html = outputs.html(report);
      const htmlMs = Date.now() - t0;
      let pdfMs: number | null = null;
      let pdfBytes = 0;
      if (outputs.pdf.available()) {
        t0 = Date.now();
        pdfBytes = (await outputs.pdfOf(report)).length;
        pdfMs = Date.now() - t0;
      }
      const total = dataMs + htmlMs + (pdfMs ?? 0);
      const interactions = report.figures.indicators.rows.find((r) => r.key === 'interactions')?.value;
      console.log(
        `${run}: data ${dataMs} ms + HTML ${htmlMs} ms (${html.length.toLocaleString('en-US')} chars) + PDF ${pdfMs === null ? 'skipped (no /usr/bin/chromium)' : `${pdfMs} ms (${pdfBytes.toLocaleString('en-US')} bytes)`}` +
          ` = ${total} ms — report shows ${interactions?.toLocaleString('en-US')} interactions — target < 10 s: ${total < 10_000 ? 'OK' : 'MISSED'}`,
      );
    }
  });
}

runBench(main);
