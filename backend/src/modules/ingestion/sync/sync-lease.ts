import type { ChannelAccountsRepository } from '../../channels/channel-accounts.repository';

/**
 * One sync run per account at a time, across processes: a lease row lock-free in Postgres.
 * Taken at start (and `last_sync_at` stamped), renewed after every page, cleared at the end.
 * A worker killed mid-run leaves the lease to expire (VIGIE_SYNC_LEASE_MS), then any worker
 * may resume from the last persisted cursor.
 */
export class SyncLease {
  constructor(
    private readonly accounts: Pick<ChannelAccountsRepository, 'acquireLease' | 'renewLease'>,
    private readonly accountId: string,
    private readonly ttlMs: number,
  ) {}

  acquire(): Promise<boolean> {
    return this.accounts.acquireLease(this.accountId, this.ttlMs);
  }

  renew(): Promise<void> {
    return this.accounts.renewLease(this.accountId, this.ttlMs);
  }
}
