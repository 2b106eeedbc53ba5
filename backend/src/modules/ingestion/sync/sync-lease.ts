import type { DataSource } from 'typeorm';

/**
 * One sync run per account at a time, across processes: a lease row lock-free in Postgres.
 * Taken at start (and `last_sync_at` stamped), renewed after every page, cleared at the end.
 * A worker killed mid-run leaves the lease to expire (VIGIE_SYNC_LEASE_MS), then any worker
 * may resume from the last persisted cursor.
 */
export class SyncLease {
  constructor(
    private readonly db: DataSource,
    private readonly accountId: string,
    private readonly ttlMs: number,
  ) {}

  async acquire(): Promise<boolean> {
    const rows = (await this.db.query(
      `UPDATE channel_accounts SET sync_lease_until = now() + $2::int * interval '1 millisecond', last_sync_at = now()
       WHERE id = $1 AND (sync_lease_until IS NULL OR sync_lease_until < now()) RETURNING id`,
      [this.accountId, this.ttlMs],
    )) as [unknown[], number] | unknown[];
    return rowsOf(rows).length > 0;
  }

  async renew(): Promise<void> {
    await this.db.query(`UPDATE channel_accounts SET sync_lease_until = now() + $2::int * interval '1 millisecond' WHERE id = $1`, [
      this.accountId,
      this.ttlMs,
    ]);
  }
}

/** TypeORM returns [rows, count] for UPDATE … RETURNING on Postgres. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
