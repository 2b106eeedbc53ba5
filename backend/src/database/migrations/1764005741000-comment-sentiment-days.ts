import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Community comments counted per brand, channel account, local day and sentiment ('' = not
 * classified yet; the brand's own replies left out), for the KPI sentiment counts: a year of a
 * brand is a few thousand rows instead of ~20 k comments.
 *
 * Kept exact by statement triggers on comments, whatever code path writes them (ingestion,
 * enrichment, erasure, retention, cascades): each statement appends signed count rows for the
 * groups it changed, without updating shared rows (no row lock, so concurrent writers cannot
 * deadlock). compact_comment_sentiment_days() folds a group's rows into one; readers sum.
 * Local days follow the workspace's time zone: changing it recomputes the workspace's rows.
 * No foreign keys: rows are written while a brand or workspace deletion cascades (they are
 * never read again, and compaction drops them).
 */
export class CommentSentimentDays1764005741000 implements MigrationInterface {
  name = 'CommentSentimentDays1764005741000';

  async up(q: QueryRunner): Promise<void> {
    const day = `(c.published_at AT TIME ZONE w.timezone)::date`;
    const from = (rows: string, sign: string) => `
      SELECT c.workspace_id, c.brand_id, c.channel_account_id, ${day} AS day, coalesce(c.sentiment, '') AS sentiment, ${sign} AS n
      FROM ${rows} c JOIN workspaces w ON w.id = c.workspace_id WHERE NOT c.is_from_brand`;
    const append = (source: string) => `
      INSERT INTO comment_sentiment_days (workspace_id, brand_id, channel_account_id, day, sentiment, n)
      SELECT workspace_id, brand_id, channel_account_id, day, sentiment, sum(n) FROM (${source}) x
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0`;
    await q.query(`
      CREATE TABLE comment_sentiment_days (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL,
        brand_id uuid NOT NULL,
        channel_account_id uuid NOT NULL,
        day date NOT NULL,
        sentiment text NOT NULL,
        n integer NOT NULL
      );
      CREATE INDEX comment_sentiment_days_brand_day_idx ON comment_sentiment_days (brand_id, day)
        INCLUDE (workspace_id, channel_account_id, sentiment, n);

      CREATE FUNCTION comment_sentiment_days_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${append(from('new_rows', '1'))};
        RETURN NULL;
      END $$;
      CREATE FUNCTION comment_sentiment_days_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${append(`${from('old_rows', '-1')} UNION ALL ${from('new_rows', '1')}`)};
        RETURN NULL;
      END $$;
      CREATE FUNCTION comment_sentiment_days_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${append(from('old_rows', '-1'))};
        RETURN NULL;
      END $$;
      CREATE TRIGGER comment_sentiment_days_insert AFTER INSERT ON comments
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comment_sentiment_days_insert();
      CREATE TRIGGER comment_sentiment_days_update AFTER UPDATE ON comments
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comment_sentiment_days_update();
      CREATE TRIGGER comment_sentiment_days_delete AFTER DELETE ON comments
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comment_sentiment_days_delete();

      -- Local days move with the time zone: recount the workspace.
      CREATE FUNCTION comment_sentiment_days_timezone() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM comment_sentiment_days WHERE workspace_id = NEW.id;
        ${append(from('comments', '1')).replace('WHERE NOT c.is_from_brand', 'WHERE NOT c.is_from_brand AND c.workspace_id = NEW.id')};
        RETURN NULL;
      END $$;
      CREATE TRIGGER comment_sentiment_days_timezone AFTER UPDATE OF timezone ON workspaces
        FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone) EXECUTE FUNCTION comment_sentiment_days_timezone();

      -- One row per group. Rows appended meanwhile by uncommitted writers are not seen, so kept.
      CREATE FUNCTION compact_comment_sentiment_days() RETURNS integer LANGUAGE sql AS $$
        WITH groups AS (
          SELECT brand_id, channel_account_id, day, sentiment FROM comment_sentiment_days
          GROUP BY 1, 2, 3, 4
          HAVING count(*) > 1 OR sum(n) = 0 OR NOT EXISTS (SELECT 1 FROM brands b WHERE b.id = brand_id)
        ), gone AS (
          DELETE FROM comment_sentiment_days d USING groups g
          WHERE d.brand_id = g.brand_id AND d.channel_account_id = g.channel_account_id AND d.day = g.day AND d.sentiment = g.sentiment
          RETURNING d.*
        ), kept AS (
          INSERT INTO comment_sentiment_days (workspace_id, brand_id, channel_account_id, day, sentiment, n)
          SELECT workspace_id, brand_id, channel_account_id, day, sentiment, sum(n) FROM gone
          WHERE EXISTS (SELECT 1 FROM brands b WHERE b.id = gone.brand_id)
          GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM gone)::int - (SELECT count(*) FROM kept)::int
      $$;
    `);
    // The comments already stored.
    await q.query(append(from('comments', '1')));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER comment_sentiment_days_timezone ON workspaces;
      DROP TRIGGER comment_sentiment_days_insert ON comments;
      DROP TRIGGER comment_sentiment_days_update ON comments;
      DROP TRIGGER comment_sentiment_days_delete ON comments;
      DROP FUNCTION compact_comment_sentiment_days();
      DROP FUNCTION comment_sentiment_days_timezone();
      DROP FUNCTION comment_sentiment_days_insert();
      DROP FUNCTION comment_sentiment_days_update();
      DROP FUNCTION comment_sentiment_days_delete();
      DROP TABLE comment_sentiment_days;
    `);
  }
}
