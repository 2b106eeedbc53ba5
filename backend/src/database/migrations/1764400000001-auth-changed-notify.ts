import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each API process keeps the session lookups of read requests (auth/session-lookup-cache.ts) and
 * drops them when notified on `vigie_auth_changed`: raised, at commit, by every statement that
 * updates, deletes or truncates sessions or users, or writes memberships (a new membership
 * changes a cached "no role here" too). A new session changes nothing already cached.
 */
export class AuthChangedNotify1764400000001 implements MigrationInterface {
  name = 'AuthChangedNotify1764400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(NOTIFY_FUNCTION);
    for (const [table, events] of TRIGGERS) {
      await q.query(`CREATE TRIGGER ${table}_auth_changed AFTER ${events} ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of TRIGGERS) await q.query(`DROP TRIGGER ${table}_auth_changed ON ${table}`);
    await q.query('DROP FUNCTION notify_auth_changed()');
  }
}

const TRIGGERS = [
  ['sessions', 'UPDATE OR DELETE OR TRUNCATE'],
  ['users', 'UPDATE OR DELETE OR TRUNCATE'],
  ['memberships', 'INSERT OR UPDATE OR DELETE OR TRUNCATE'],
] as const;

/** The payload names the table, for whoever debugs with LISTEN in psql; listeners ignore it. */
const NOTIFY_FUNCTION = `CREATE FUNCTION notify_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN PERFORM pg_notify('vigie_auth_changed', TG_TABLE_NAME); RETURN NULL; END $$`;
