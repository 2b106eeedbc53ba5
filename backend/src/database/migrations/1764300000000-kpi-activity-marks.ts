import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-brand version of the KPI inputs that live outside the rollups: the brand's comments
 * (sentiment counts, unclassified messages) and inbox items (requests, answers, response times).
 * The API keeps the comment-derived KPI contributions while this version holds.
 *
 * Each statement writing comments or inbox_items appends one mark per brand it touched (statement
 * triggers: every writer is covered — ingestion, enrichment, inbox actions, erasure, retention,
 * cascades). Append-only like comment_sentiment_days, so concurrent writers never wait on a shared
 * row. The version is the brand's sum of weights: every committed write adds to it, whatever the
 * commit order (a max of sequence values would miss a write committed after a later one).
 * compact_kpi_activity_marks() folds a brand's marks into one with the same sum.
 */
export class KpiActivityMarks1764300000000 implements MigrationInterface {
  name = 'KpiActivityMarks1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const triggers = ['comments', 'inbox_items'].flatMap((table) => [
      `CREATE TRIGGER ${table}_kpi_activity_insert AFTER INSERT ON ${table}
         REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_activity_mark();`,
      `CREATE TRIGGER ${table}_kpi_activity_update AFTER UPDATE ON ${table}
         REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_activity_mark();`,
      `CREATE TRIGGER ${table}_kpi_activity_delete AFTER DELETE ON ${table}
         REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_activity_mark();`,
    ]);
    await q.query(`
      CREATE TABLE kpi_activity_marks (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        brand_id uuid NOT NULL,
        weight bigint NOT NULL
      );
      CREATE INDEX kpi_activity_marks_brand_idx ON kpi_activity_marks (brand_id) INCLUDE (weight);

      CREATE FUNCTION kpi_activity_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO kpi_activity_marks (brand_id, weight) SELECT DISTINCT brand_id, 1 FROM changed_rows;
        RETURN NULL;
      END $$;
      ${triggers.join('\n')}

      -- One mark per brand, same sum. Marks appended meanwhile by uncommitted writers are not seen, so kept.
      CREATE FUNCTION compact_kpi_activity_marks() RETURNS integer LANGUAGE sql AS $$
        WITH brands_to_fold AS (
          SELECT brand_id FROM kpi_activity_marks GROUP BY 1
          HAVING count(*) > 1 OR NOT EXISTS (SELECT 1 FROM brands b WHERE b.id = brand_id)
        ), gone AS (
          DELETE FROM kpi_activity_marks m USING brands_to_fold f WHERE m.brand_id = f.brand_id RETURNING m.brand_id, m.weight
        ), kept AS (
          INSERT INTO kpi_activity_marks (brand_id, weight)
          SELECT brand_id, sum(weight) FROM gone WHERE EXISTS (SELECT 1 FROM brands b WHERE b.id = gone.brand_id) GROUP BY 1
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM gone)::int - (SELECT count(*) FROM kept)::int
      $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['comments', 'inbox_items']) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_kpi_activity_${op} ON ${table}`);
    }
    await q.query(`DROP FUNCTION compact_kpi_activity_marks(); DROP FUNCTION kpi_activity_mark(); DROP TABLE kpi_activity_marks;`);
  }
}
