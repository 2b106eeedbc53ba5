import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { insertDailySql, insertHourlySql, LOCAL_DAY_SQL, LOCAL_HOUR_SQL } from './rollups/rollup-sql';

/** A rolled-up table keyed by (channel account, local day). */
export type RollupTable = 'kpi_daily_rollups' | 'kpi_hourly_rollups';

/** A row of kpi_rollup_post_days: where a post was last counted. */
export interface RollupPostDayRow {
  post_id: string;
  channel_account_id: string;
  day: string;
}

/** An (account, local day) pair to recompute. */
export type RollupKeyRow = Pick<RollupPostDayRow, 'channel_account_id' | 'day'>;

/** A row of kpi_rollup_versions: raised with every rollup change of the brand. */
export interface RollupVersionRow {
  brand_id: string;
  version: string;
}

const KEY_SOURCE = `
  unnest($1::uuid[], $2::date[]) AS k(account_id, day)
  JOIN channel_accounts ca ON ca.id = k.account_id
  JOIN workspaces w ON w.id = ca.workspace_id
  JOIN posts p ON p.brand_id = ca.brand_id AND p.channel_account_id = k.account_id
    AND p.published_at >= (k.day::timestamp AT TIME ZONE w.timezone)
    AND p.published_at < ((k.day + 1)::timestamp AT TIME ZONE w.timezone)`;

/** Posts of every workspace, or of the one in $1. */
const rebuildSource = (scoped: boolean) => `posts p JOIN workspaces w ON w.id = p.workspace_id ${scoped ? 'WHERE p.workspace_id = $1' : ''}`;
const workspaceParams = (workspaceId: string | undefined) => (workspaceId !== undefined ? [workspaceId] : []);

/**
 * The rollup writes: kpi_daily_rollups, kpi_hourly_rollups, kpi_rollup_post_days and
 * kpi_rollup_versions, computed from posts (read-only joins on posts, channel_accounts,
 * workspaces for the time zone, brands). Every method takes the caller's transaction.
 */
@Injectable()
export class KpiRollupsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** The (account, local day) pairs the posts are on now and were last counted on, in order. */
  keysOfPosts(postIds: readonly string[], tx?: EntityManager): Promise<RollupKeyRow[]> {
    return (tx ?? this.db).query(
      `SELECT DISTINCT channel_account_id, day::text AS day FROM (
           SELECT p.channel_account_id, ${LOCAL_DAY_SQL} AS day
           FROM posts p JOIN workspaces w ON w.id = p.workspace_id
           WHERE p.id = ANY($1::bigint[])
           UNION
           SELECT channel_account_id, day FROM kpi_rollup_post_days WHERE post_id = ANY($1::bigint[])
         ) k ORDER BY 1, 2`,
      [postIds],
    ) as Promise<RollupKeyRow[]>;
  }

  /** Serialises concurrent refreshes of one account (until the transaction ends). */
  async lockAccount(channelAccountId: string, tx: EntityManager): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kpi-rollup:${channelAccountId}`]);
  }

  /** Deletes the (account, day) rows of `table`; the brands they belonged to. */
  async deleteDays(table: RollupTable, accounts: readonly string[], days: readonly string[], tx: EntityManager): Promise<string[]> {
    const deleted = (await tx.query(
      `DELETE FROM ${table} r USING unnest($1::uuid[], $2::date[]) AS k(account_id, day)
           WHERE r.channel_account_id = k.account_id AND r.day = k.day RETURNING r.brand_id`,
      [accounts, days],
    )) as [Array<{ brand_id: string }>, number];
    return deleted[0].map((r) => r.brand_id);
  }

  async insertDailyDays(accounts: readonly string[], days: readonly string[], tx: EntityManager): Promise<void> {
    await tx.query(insertDailySql(KEY_SOURCE, 'k.day'), [accounts, days]);
  }

  async insertHourlyDays(accounts: readonly string[], days: readonly string[], tx: EntityManager): Promise<void> {
    await tx.query(insertHourlySql(KEY_SOURCE, 'k.day', LOCAL_HOUR_SQL), [accounts, days]);
  }

  /** Read-only: the brands of these channel accounts. */
  async brandsOfAccounts(accounts: readonly string[], tx: EntityManager): Promise<string[]> {
    const owners = (await tx.query('SELECT DISTINCT brand_id FROM channel_accounts WHERE id = ANY($1::uuid[])', [
      accounts,
    ])) as Array<{ brand_id: string }>;
    return owners.map((r) => r.brand_id);
  }

  async deletePostDays(postIds: readonly string[], tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM kpi_rollup_post_days WHERE post_id = ANY($1::bigint[])', [postIds]);
  }

  async insertPostDays(postIds: readonly string[], tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO kpi_rollup_post_days (post_id, channel_account_id, day)
         SELECT p.id, p.channel_account_id, ${LOCAL_DAY_SQL}
         FROM posts p JOIN workspaces w ON w.id = p.workspace_id WHERE p.id = ANY($1::bigint[])`,
      [postIds],
    );
  }

  /** Empties a workspace's rollups of `table`. */
  async deleteWorkspace(table: RollupTable, workspaceId: string, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM ${table} WHERE workspace_id = $1`, [workspaceId]);
  }

  async deleteWorkspacePostDays(workspaceId: string, tx: EntityManager): Promise<void> {
    await tx.query(
      `DELETE FROM kpi_rollup_post_days d USING channel_accounts ca
       WHERE ca.id = d.channel_account_id AND ca.workspace_id = $1`,
      [workspaceId],
    );
  }

  async truncateAll(tx: EntityManager): Promise<void> {
    await tx.query('TRUNCATE kpi_daily_rollups, kpi_hourly_rollups, kpi_rollup_post_days');
  }

  /** Rolls up every post (of the workspace when given): one INSERT … SELECT … GROUP BY. */
  async rebuildDaily(workspaceId: string | undefined, tx: EntityManager): Promise<void> {
    await tx.query(insertDailySql(rebuildSource(workspaceId !== undefined), LOCAL_DAY_SQL), workspaceParams(workspaceId));
  }

  async rebuildHourly(workspaceId: string | undefined, tx: EntityManager): Promise<void> {
    await tx.query(
      insertHourlySql(rebuildSource(workspaceId !== undefined), LOCAL_DAY_SQL, LOCAL_HOUR_SQL),
      workspaceParams(workspaceId),
    );
  }

  async rebuildPostDays(workspaceId: string | undefined, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO kpi_rollup_post_days (post_id, channel_account_id, day)
     SELECT p.id, p.channel_account_id, ${LOCAL_DAY_SQL} FROM ${rebuildSource(workspaceId !== undefined)}`,
      workspaceParams(workspaceId),
    );
  }

  /** Read-only: every brand (of the workspace when given). */
  async brandIds(workspaceId: string | undefined, tx: EntityManager): Promise<string[]> {
    const brands = (await tx.query(
      `SELECT id FROM brands ${workspaceId !== undefined ? 'WHERE workspace_id = $1' : ''}`,
      workspaceParams(workspaceId),
    )) as Array<{ id: string }>;
    return brands.map((b) => b.id);
  }

  /**
   * Raises the brands' rollup versions (kpi_rollup_versions), inside the transaction that changed
   * their rollups: KPI answers cached by API processes for an older version are recomputed. One
   * statement in brand order, at the end of the transaction, so concurrent refreshes cannot
   * deadlock on these rows.
   */
  async bumpVersions(brandIds: readonly string[], tx: EntityManager): Promise<void> {
    if (brandIds.length === 0) return;
    await tx.query(
      `INSERT INTO kpi_rollup_versions (brand_id, version)
     SELECT b, 1 FROM unnest($1::uuid[]) AS b ORDER BY b
     ON CONFLICT (brand_id) DO UPDATE SET version = kpi_rollup_versions.version + 1`,
      [[...new Set(brandIds)]],
    );
  }

  /** Fresh statistics after a bulk load, so the dashboard queries get sensible plans at once. */
  async analyze(tx: EntityManager): Promise<void> {
    await tx.query('ANALYZE kpi_daily_rollups, kpi_hourly_rollups');
  }

  async countRows(table: RollupTable, workspaceId: string | undefined, tx: EntityManager): Promise<number> {
    const [row] = (await tx.query(
      `SELECT count(*)::int AS n FROM ${table} ${workspaceId !== undefined ? 'WHERE workspace_id = $1' : ''}`,
      workspaceParams(workspaceId),
    )) as Array<{ n: number }>;
    return row.n;
  }
}
