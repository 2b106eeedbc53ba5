import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The brand activity version (kpi_activity_marks, 1764300000000) also moves with the other tables
 * an inbox page is read from, so the API can keep a page while it holds: inbox_notes (brand of
 * the item), posts (the excerpt and link shown per item), authors and services (workspace-wide:
 * every brand of the workspace). Same statement triggers, append-only.
 */
export class ActivityMarksInboxSources1764300000001 implements MigrationInterface {
  name = 'ActivityMarksInboxSources1764300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION kpi_activity_mark_via_item() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO kpi_activity_marks (brand_id, weight)
        SELECT DISTINCT i.brand_id, 1 FROM changed_rows r JOIN inbox_items i ON i.id = r.item_id;
        RETURN NULL;
      END $$;
      CREATE FUNCTION kpi_activity_mark_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO kpi_activity_marks (brand_id, weight)
        SELECT b.id, 1 FROM brands b WHERE b.workspace_id IN (SELECT DISTINCT workspace_id FROM changed_rows);
        RETURN NULL;
      END $$;
    `);
    for (const [table, fn] of [
      ['inbox_notes', 'kpi_activity_mark_via_item'],
      ['posts', 'kpi_activity_mark'],
      ['authors', 'kpi_activity_mark_workspace'],
      ['services', 'kpi_activity_mark_workspace'],
    ]) {
      await q.query(`
        CREATE TRIGGER ${table}_kpi_activity_insert AFTER INSERT ON ${table}
          REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
        CREATE TRIGGER ${table}_kpi_activity_update AFTER UPDATE ON ${table}
          REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
        CREATE TRIGGER ${table}_kpi_activity_delete AFTER DELETE ON ${table}
          REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['inbox_notes', 'posts', 'authors', 'services']) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_kpi_activity_${op} ON ${table}`);
    }
    await q.query('DROP FUNCTION kpi_activity_mark_via_item(); DROP FUNCTION kpi_activity_mark_workspace();');
  }
}
