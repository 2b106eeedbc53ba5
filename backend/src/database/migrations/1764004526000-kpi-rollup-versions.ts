import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter per brand, raised in the same transaction as every change of the brand's KPI
 * rollups (KpiRollupService). API processes keep the rollup part of a KPI answer while the
 * counter they read before computing it is unchanged. No foreign key: a brand's deletion
 * cascades to its rollups first, and the row of a deleted brand is never read again.
 */
export class KpiRollupVersions1764004526000 implements MigrationInterface {
  name = 'KpiRollupVersions1764004526000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE kpi_rollup_versions (brand_id uuid PRIMARY KEY, version bigint NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE kpi_rollup_versions');
  }
}
