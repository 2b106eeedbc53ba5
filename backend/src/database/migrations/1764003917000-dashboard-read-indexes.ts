import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the dashboard's year-long reads (bench-load): the KPI contributors count a
 * brand's comments by sentiment and its inbox requests over the period, ~20 k and ~5 k rows a
 * brand-year. Both become index-only scans instead of visiting every row's heap page.
 * - comments: same key as comments_brand_published_idx (which it replaces, so ingestion still
 *   maintains one index), plus the columns the sentiment count filters and counts on;
 * - inbox_items: only the request types that need an answer (REQUEST_TYPES_NEEDING_ANSWER in
 *   inbox/attention-rules.ts — the contributor's `type IN (…)` must stay within this list for
 *   the planner to use the index; a test checks it).
 */
export class DashboardReadIndexes1764003917000 implements MigrationInterface {
  name = 'DashboardReadIndexes1764003917000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX comments_brand_published_cover_idx ON comments (brand_id, published_at)
        INCLUDE (workspace_id, channel_account_id, is_from_brand, sentiment);
      DROP INDEX comments_brand_published_idx;
      CREATE INDEX inbox_items_requests_idx ON inbox_items (brand_id, published_at)
        INCLUDE (workspace_id, channel_account_id, status, first_response_minutes)
        WHERE type IN ('question', 'complaint', 'lead', 'job_application', 'partnership', 'invitation', 'subscription');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX inbox_items_requests_idx;
      CREATE INDEX comments_brand_published_idx ON comments (brand_id, published_at);
      DROP INDEX comments_brand_published_cover_idx;
    `);
  }
}
