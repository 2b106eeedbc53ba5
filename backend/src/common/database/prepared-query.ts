import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { type DataSource, QueryFailedError } from 'typeorm';

/**
 * A hot read (run on every request of a list page) as a named prepared statement: Postgres
 * parses and plans it once per pooled connection — then reuses a generic plan — instead of at
 * every request. Measured in bench-load: planning was half of the inbox list's database time.
 * For reads outside transactions only (it takes any pooled connection); same rows as
 * `DataSource.query`. Keep limits and other plan-shaping values as literals in `sql`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by the caller, as with DataSource.query
export async function preparedQuery<T = any>(db: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  const pool = (db.driver as unknown as { master?: Pool }).master;
  if (!pool || typeof pool.query !== 'function') return (await db.query(sql, params)) as T[];
  try {
    const res = await pool.query({ name: statementName(sql), text: sql, values: params });
    return res.rows as T[];
  } catch (err) {
    // The same error as DataSource.query: the HTTP filter maps Postgres data exceptions (an
    // impossible date, a NUL byte, a number out of range) to a 400 from its driverError code.
    throw new QueryFailedError(sql, params, err as Error);
  }
}

const names = new Map<string, string>();

/** One name per distinct SQL text (a filter combination is its own statement). */
function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `vigie_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    names.set(sql, name);
  }
  return name;
}
