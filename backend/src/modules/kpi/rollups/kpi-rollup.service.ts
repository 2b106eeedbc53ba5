import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { insertDailySql, insertHourlySql, LOCAL_DAY_SQL, LOCAL_HOUR_SQL } from './rollup-sql';

const KEY_SOURCE = `
  unnest($1::uuid[], $2::date[]) AS k(account_id, day)
  JOIN channel_accounts ca ON ca.id = k.account_id
  JOIN workspaces w ON w.id = ca.workspace_id
  JOIN posts p ON p.brand_id = ca.brand_id AND p.channel_account_id = k.account_id
    AND p.published_at >= (k.day::timestamp AT TIME ZONE w.timezone)
    AND p.published_at < ((k.day + 1)::timestamp AT TIME ZONE w.timezone)`;

/**
 * Keeps kpi_daily_rollups / kpi_hourly_rollups in step with posts. Ingestion calls
 * refreshForPosts after each written batch; `npm run kpi:rebuild -w backend` recomputes all.
 */
@Injectable()
export class KpiRollupService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Recomputes every (channel account, local day) touched by these posts: the day they are
   * published on now and the day they were last counted on (a post whose date, content type
   * or account changed, or that was deleted, leaves its old day right too).
   */
  async refreshForPosts(postIds: readonly (string | number)[]): Promise<{ days: number }> {
    const ids = [...new Set(postIds.map(String))];
    if (ids.length === 0) return { days: 0 };
    return this.db.transaction(async (m) => {
      const keys = (await m.query(
        `SELECT DISTINCT channel_account_id, day::text AS day FROM (
           SELECT p.channel_account_id, ${LOCAL_DAY_SQL} AS day
           FROM posts p JOIN workspaces w ON w.id = p.workspace_id
           WHERE p.id = ANY($1::bigint[])
           UNION
           SELECT channel_account_id, day FROM kpi_rollup_post_days WHERE post_id = ANY($1::bigint[])
         ) k ORDER BY 1, 2`,
        [ids],
      )) as Array<{ channel_account_id: string; day: string }>;
      // Serialises concurrent refreshes of one account (delete + insert of the same keys).
      const accounts = [...new Set(keys.map((k) => k.channel_account_id))].sort();
      for (const account of accounts) {
        await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kpi-rollup:${account}`]);
      }
      const params = [keys.map((k) => k.channel_account_id), keys.map((k) => k.day)];
      const brands = new Set<string>();
      for (const table of ['kpi_daily_rollups', 'kpi_hourly_rollups']) {
        const deleted = (await m.query(
          `DELETE FROM ${table} r USING unnest($1::uuid[], $2::date[]) AS k(account_id, day)
           WHERE r.channel_account_id = k.account_id AND r.day = k.day RETURNING r.brand_id`,
          params,
        )) as [Array<{ brand_id: string }>, number];
        for (const r of deleted[0]) brands.add(r.brand_id);
      }
      await m.query(insertDailySql(KEY_SOURCE, 'k.day'), params);
      await m.query(insertHourlySql(KEY_SOURCE, 'k.day', LOCAL_HOUR_SQL), params);
      const owners = (await m.query('SELECT DISTINCT brand_id FROM channel_accounts WHERE id = ANY($1::uuid[])', [
        accounts,
      ])) as Array<{ brand_id: string }>;
      for (const r of owners) brands.add(r.brand_id);
      await bumpVersions(m, [...brands]);
      await m.query('DELETE FROM kpi_rollup_post_days WHERE post_id = ANY($1::bigint[])', [ids]);
      await m.query(
        `INSERT INTO kpi_rollup_post_days (post_id, channel_account_id, day)
         SELECT p.id, p.channel_account_id, ${LOCAL_DAY_SQL}
         FROM posts p JOIN workspaces w ON w.id = p.workspace_id WHERE p.id = ANY($1::bigint[])`,
        [ids],
      );
      return { days: keys.length };
    });
  }

  /**
   * Recomputes all rollups (or one workspace's: needed after its time zone changes, since
   * local days move). One INSERT … SELECT … GROUP BY per table.
   */
  async rebuild(workspaceId?: string): Promise<{ dailyRows: number; hourlyRows: number }> {
    return this.db.transaction((m) => rebuildRollups(m, workspaceId));
  }
}

/** Also used by the kpi:rebuild command, which runs without Nest. */
export async function rebuildRollups(
  m: Pick<EntityManager, 'query'>,
  workspaceId?: string,
): Promise<{ dailyRows: number; hourlyRows: number }> {
  const scoped = workspaceId !== undefined;
  const where = scoped ? 'WHERE p.workspace_id = $1' : '';
  const params = scoped ? [workspaceId] : [];
  const source = `posts p JOIN workspaces w ON w.id = p.workspace_id ${where}`;
  if (scoped) {
    for (const table of ['kpi_daily_rollups', 'kpi_hourly_rollups']) {
      await m.query(`DELETE FROM ${table} WHERE workspace_id = $1`, params);
    }
    await m.query(
      `DELETE FROM kpi_rollup_post_days d USING channel_accounts ca
       WHERE ca.id = d.channel_account_id AND ca.workspace_id = $1`,
      params,
    );
  } else {
    await m.query('TRUNCATE kpi_daily_rollups, kpi_hourly_rollups, kpi_rollup_post_days');
  }
  await m.query(insertDailySql(source, LOCAL_DAY_SQL), params);
  await m.query(insertHourlySql(source, LOCAL_DAY_SQL, LOCAL_HOUR_SQL), params);
  await m.query(
    `INSERT INTO kpi_rollup_post_days (post_id, channel_account_id, day)
     SELECT p.id, p.channel_account_id, ${LOCAL_DAY_SQL} FROM ${source}`,
    params,
  );
  const brands = (await m.query(`SELECT id FROM brands ${scoped ? 'WHERE workspace_id = $1' : ''}`, params)) as Array<{
    id: string;
  }>;
  await bumpVersions(
    m,
    brands.map((b) => b.id),
  );
  // Fresh statistics after a bulk load, so the dashboard queries get sensible plans at once.
  await m.query('ANALYZE kpi_daily_rollups, kpi_hourly_rollups');
  const count = async (table: string) => {
    const [row] = (await m.query(
      `SELECT count(*)::int AS n FROM ${table} ${scoped ? 'WHERE workspace_id = $1' : ''}`,
      params,
    )) as Array<{ n: number }>;
    return row.n;
  };
  return { dailyRows: await count('kpi_daily_rollups'), hourlyRows: await count('kpi_hourly_rollups') };
}

/**
 * Raises the brands' rollup versions (kpi_rollup_versions), inside the transaction that changed
 * their rollups: KPI answers cached by API processes for an older version are recomputed. One
 * statement in brand order, at the end of the transaction, so concurrent refreshes cannot
 * deadlock on these rows.
 */
async function bumpVersions(m: Pick<EntityManager, 'query'>, brandIds: readonly string[]): Promise<void> {
  if (brandIds.length === 0) return;
  await m.query(
    `INSERT INTO kpi_rollup_versions (brand_id, version)
     SELECT b, 1 FROM unnest($1::uuid[]) AS b ORDER BY b
     ON CONFLICT (brand_id) DO UPDATE SET version = kpi_rollup_versions.version + 1`,
    [[...new Set(brandIds)]],
  );
}
