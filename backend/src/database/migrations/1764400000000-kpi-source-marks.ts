import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second per-brand version, for the KPI inputs read outside the rollups and the comments:
 * followers (account_daily_stats), tracked links (tracked_links, link_clicks, conversions) and
 * share of voice (mention_matches, watch_queries, brands). The KPI API keeps those answers while
 * it holds instead of reading them on every request. Apart from kpi_activity_marks so that
 * listening and link clicks do not invalidate the inbox pages kept under the activity version.
 *
 * Share of voice counts the competitor brands' mentions too, so listening writes mark every brand
 * of the workspace. Mentions need no trigger: a mention counts only through its matches (deleted
 * with it) and is_own_content is set once, at insert. Statement triggers for the bulk writers;
 * row triggers with WHEN for the rare updates that matter (a transition table cannot be combined
 * with an UPDATE OF column list). Same append-only sum as kpi_activity_marks.
 */
export class KpiSourceMarks1764400000000 implements MigrationInterface {
  name = 'KpiSourceMarks1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Same columns, identity and (brand_id) INCLUDE (weight) index as the activity marks.
      CREATE TABLE kpi_source_marks (LIKE kpi_activity_marks INCLUDING ALL);

      -- TG_ARGV[0] says how a changed row leads to its brands.
      CREATE FUNCTION kpi_source_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_ARGV[0] = 'brand' THEN
          INSERT INTO kpi_source_marks (brand_id, weight) SELECT DISTINCT brand_id, 1 FROM changed_rows;
        ELSIF TG_ARGV[0] = 'link' THEN
          INSERT INTO kpi_source_marks (brand_id, weight)
          SELECT DISTINCT l.brand_id, 1 FROM changed_rows r JOIN tracked_links l ON l.id = r.link_id;
        ELSIF TG_ARGV[0] = 'channel' THEN
          INSERT INTO kpi_source_marks (brand_id, weight)
          SELECT DISTINCT c.brand_id, 1 FROM changed_rows r JOIN channel_accounts c ON c.id = r.channel_account_id;
        ELSE
          INSERT INTO kpi_source_marks (brand_id, weight)
          SELECT b.id, 1 FROM brands b WHERE b.workspace_id IN (SELECT DISTINCT workspace_id FROM changed_rows);
        END IF;
        RETURN NULL;
      END $$;

      CREATE FUNCTION kpi_source_mark_workspace_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO kpi_source_marks (brand_id, weight) SELECT b.id, 1 FROM brands b WHERE b.workspace_id = NEW.workspace_id;
        RETURN NULL;
      END $$;

      CREATE TRIGGER watch_queries_kpi_source_update AFTER UPDATE ON watch_queries FOR EACH ROW
        WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.brand_id IS DISTINCT FROM NEW.brand_id)
        EXECUTE FUNCTION kpi_source_mark_workspace_row();
      CREATE TRIGGER brands_kpi_source_update AFTER UPDATE ON brands FOR EACH ROW
        WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION kpi_source_mark_workspace_row();

      -- Every mark of one brand folded into one of the same sum; a deleted brand's marks dropped.
      -- Marks appended meanwhile by uncommitted writers are not seen by the DELETE, so kept.
      CREATE FUNCTION compact_kpi_source_marks() RETURNS integer LANGUAGE sql AS $$
        WITH gone AS (
          DELETE FROM kpi_source_marks RETURNING brand_id, weight
        ), kept AS (
          INSERT INTO kpi_source_marks (brand_id, weight)
          SELECT g.brand_id, sum(g.weight) FROM gone g JOIN brands b ON b.id = g.brand_id GROUP BY 1
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM gone)::int - (SELECT count(*) FROM kept)::int
      $$;
    `);
    for (const [table, ops, via] of STATEMENT_TRIGGERS) {
      for (const op of ops) {
        await q.query(`
          CREATE TRIGGER ${table}_kpi_source_${op} AFTER ${op.toUpperCase()} ON ${table}
            REFERENCING ${op === 'delete' ? 'OLD' : 'NEW'} TABLE AS changed_rows FOR EACH STATEMENT
            EXECUTE FUNCTION kpi_source_mark('${via}');`);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, ops] of STATEMENT_TRIGGERS) {
      for (const op of ops) await q.query(`DROP TRIGGER ${table}_kpi_source_${op} ON ${table}`);
    }
    await q.query(`
      DROP TRIGGER watch_queries_kpi_source_update ON watch_queries;
      DROP TRIGGER brands_kpi_source_update ON brands;
      DROP FUNCTION compact_kpi_source_marks(); DROP FUNCTION kpi_source_mark_workspace_row(); DROP FUNCTION kpi_source_mark();
      DROP TABLE kpi_source_marks;`);
  }
}

const ALL = ['insert', 'update', 'delete'] as const;

/** Table, the statements that mark, and how a row leads to its brands (kpi_source_mark's argument). */
const STATEMENT_TRIGGERS: ReadonlyArray<readonly [string, readonly string[], 'brand' | 'link' | 'channel' | 'workspace']> = [
  ['account_daily_stats', ALL, 'channel'],
  ['tracked_links', ALL, 'brand'],
  ['link_clicks', ALL, 'link'],
  ['conversions', ALL, 'link'],
  ['mention_matches', ALL, 'workspace'],
  ['watch_queries', ['insert', 'delete'], 'workspace'],
  ['brands', ['insert', 'delete'], 'workspace'],
];
