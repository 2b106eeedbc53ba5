import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { KpiRollupsRepository } from '../kpi-rollups.repository';

/**
 * Keeps kpi_daily_rollups / kpi_hourly_rollups in step with posts. Ingestion calls
 * refreshForPosts after each written batch; `npm run kpi:rebuild -w backend` recomputes all.
 */
@Injectable()
export class KpiRollupService {
  constructor(private readonly rollups: KpiRollupsRepository) {}

  /**
   * Recomputes every (channel account, local day) touched by these posts: the day they are
   * published on now and the day they were last counted on (a post whose date, content type
   * or account changed, or that was deleted, leaves its old day right too).
   */
  async refreshForPosts(postIds: readonly (string | number)[]): Promise<{ days: number }> {
    const ids = [...new Set(postIds.map(String))];
    if (ids.length === 0) return { days: 0 };
    return this.rollups.transaction(async (tx) => {
      const keys = await this.rollups.keysOfPosts(ids, tx);
      // Serialises concurrent refreshes of one account (delete + insert of the same keys).
      const accounts = [...new Set(keys.map((k) => k.channel_account_id))].sort();
      for (const account of accounts) await this.rollups.lockAccount(account, tx);
      const [keyAccounts, keyDays] = [keys.map((k) => k.channel_account_id), keys.map((k) => k.day)];
      const brands = new Set<string>();
      for (const table of ['kpi_daily_rollups', 'kpi_hourly_rollups'] as const) {
        for (const brand of await this.rollups.deleteDays(table, keyAccounts, keyDays, tx)) brands.add(brand);
      }
      await this.rollups.insertDailyDays(keyAccounts, keyDays, tx);
      await this.rollups.insertHourlyDays(keyAccounts, keyDays, tx);
      for (const brand of await this.rollups.brandsOfAccounts(accounts, tx)) brands.add(brand);
      await this.rollups.bumpVersions([...brands], tx);
      await this.rollups.deletePostDays(ids, tx);
      await this.rollups.insertPostDays(ids, tx);
      return { days: keys.length };
    });
  }

  /**
   * Recomputes all rollups (or one workspace's: needed after its time zone changes, since
   * local days move). One INSERT … SELECT … GROUP BY per table.
   */
  async rebuild(workspaceId?: string): Promise<{ dailyRows: number; hourlyRows: number }> {
    return this.rollups.transaction((tx) => this.rebuildIn(tx, workspaceId));
  }

  /** rebuild() inside the caller's transaction. */
  async rebuildIn(tx: EntityManager, workspaceId?: string): Promise<{ dailyRows: number; hourlyRows: number }> {
    if (workspaceId !== undefined) {
      for (const table of ['kpi_daily_rollups', 'kpi_hourly_rollups'] as const) {
        await this.rollups.deleteWorkspace(table, workspaceId, tx);
      }
      await this.rollups.deleteWorkspacePostDays(workspaceId, tx);
    } else {
      await this.rollups.truncateAll(tx);
    }
    await this.rollups.rebuildDaily(workspaceId, tx);
    await this.rollups.rebuildHourly(workspaceId, tx);
    await this.rollups.rebuildPostDays(workspaceId, tx);
    await this.rollups.bumpVersions(await this.rollups.brandIds(workspaceId, tx), tx);
    await this.rollups.analyze(tx);
    return {
      dailyRows: await this.rollups.countRows('kpi_daily_rollups', workspaceId, tx),
      hourlyRows: await this.rollups.countRows('kpi_hourly_rollups', workspaceId, tx),
    };
  }
}

/** Also used by the kpi:rebuild command, which runs without Nest: rebuild() in transaction `m`. */
export function rebuildRollups(m: EntityManager, workspaceId?: string): Promise<{ dailyRows: number; hourlyRows: number }> {
  return new KpiRollupService(new KpiRollupsRepository(m.connection)).rebuildIn(m, workspaceId);
}
