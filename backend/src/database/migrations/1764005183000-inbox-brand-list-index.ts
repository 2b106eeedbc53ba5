import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox list of one brand (newest first, keyset on published_at, id) reads its page from
 * one index range instead of walking the workspace's items and dropping other brands' (four in
 * five with five brands). Same key as inbox_items_brand_idx plus the id, which it replaces: the
 * period queries on (brand_id, published_at) are served as before.
 */
export class InboxBrandListIndex1764005183000 implements MigrationInterface {
  name = 'InboxBrandListIndex1764005183000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX inbox_items_brand_list_idx ON inbox_items (brand_id, published_at, id);
      DROP INDEX inbox_items_brand_idx;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX inbox_items_brand_idx ON inbox_items (brand_id, published_at);
      DROP INDEX inbox_items_brand_list_idx;
    `);
  }
}
