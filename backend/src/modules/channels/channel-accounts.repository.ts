import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { ChannelAccount, type ChannelStatus } from './channel-account.entity';
import type { Platform, SyncCursor } from './connectors/channel-connector';
import { preparedQuery } from '../../common/database/prepared-query';

/** What a sync run reads of its account (with its brand's kind). */
export interface SyncAccountRow {
  id: string;
  workspace_id: string;
  brand_id: string;
  platform: Platform;
  handle: string;
  external_id: string | null;
  base_url: string | null;
  sync_cursor: SyncCursor | null;
  kind: 'api' | 'import';
  brand_kind: 'own' | 'competitor';
}

/** The scheduling state of one channel account, as stored. */
export interface ScheduleRow {
  id: string;
  platform: string;
  last_success_at: Date | null;
  last_error_at: Date | null;
  consecutive_failures: number;
  sync_lease_until: Date | null;
}

/** A brand and optionally one of its channel accounts, checked against a workspace (see resolveScope). */
export interface ScopeCheckRow {
  timezone: string;
  brand: boolean;
  channel: boolean;
  channel_brand: string | null;
}

/**
 * The scope check's statement (workspaces ⟕ brands ⟕ channel_accounts as w, b, ca; parameters
 * workspace, brand, channel account): a ScopeCheckRow, plus `moreColumns` (each led by a comma)
 * for callers that fetch more of the brand in the same round trip.
 */
export function scopeCheckSql(moreColumns = ''): string {
  return `SELECT w.timezone, b.id IS NOT NULL AS brand, ca.id IS NOT NULL AS channel, ca.brand_id AS channel_brand
         ${moreColumns}
       FROM workspaces w
       LEFT JOIN brands b ON b.workspace_id = w.id AND b.id = $2
       LEFT JOIN channel_accounts ca ON ca.workspace_id = w.id AND ca.id = $3
       WHERE w.id = $1`;
}

/** An account a platform search runs with (veille listening). */
export interface SearchAccountRow {
  id: string;
  handle: string;
  externalId: string | null;
  baseUrl: string | null;
}

/** The fields a new channel account is created with. */
export type NewChannelAccount = Pick<
  ChannelAccount,
  'workspaceId' | 'brandId' | 'platform' | 'handle' | 'externalId' | 'displayName' | 'baseUrl' | 'credentialsEncrypted' | 'status' | 'consecutiveFailures'
> &
  Partial<Pick<ChannelAccount, 'tokenExpiresAt' | 'connectedVia'>>;

/** An account whose token the token keeper must refresh (expiring soon), with what the refresh needs. */
export interface ExpiringTokenRow {
  id: string;
  workspaceId: string;
  platform: Platform;
  baseUrl: string | null;
  tokenExpiresAt: Date;
}

/** TypeORM returns [rows, count] for UPDATE … RETURNING on Postgres. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/**
 * The `channel_accounts` table, incl. its sync state (status, cursor, lease, last error, failure
 * count): the API's CRUD, the sync runs' lease and outcome, the scheduler's due selection.
 */
@Injectable()
export class ChannelAccountsRepository {
  constructor(
    @InjectRepository(ChannelAccount) private readonly channels: Repository<ChannelAccount>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  list(workspaceId: string, brandId?: string): Promise<ChannelAccount[]> {
    return this.channels.find({
      where: brandId ? { workspaceId, brandId } : { workspaceId },
      order: { createdAt: 'ASC' },
    });
  }

  findInWorkspace(workspaceId: string, id: string): Promise<ChannelAccount | null> {
    return this.channels.findOne({ where: { workspaceId, id } });
  }

  insert(values: NewChannelAccount): Promise<ChannelAccount> {
    return this.channels.save(this.channels.create(values));
  }

  /** The brand's account for this platform and handle (the demo re-wires its accounts on each start). */
  findByHandle(brandId: string, platform: Platform, handle: string): Promise<ChannelAccount | null> {
    return this.channels.findOne({ where: { brandId, platform, handle } });
  }

  /** Re-points an account (external id, display name, base URL, sealed credentials). */
  async updateConnection(
    id: string,
    values: Pick<ChannelAccount, 'externalId' | 'displayName' | 'baseUrl' | 'credentialsEncrypted'> & Partial<Pick<ChannelAccount, 'tokenExpiresAt' | 'connectedVia'>>,
  ): Promise<void> {
    await this.channels.update({ id }, values);
  }

  /** A new consent for an existing account: new credentials, and its reconnect/failure state cleared. */
  async reconnect(id: string, values: Pick<ChannelAccount, 'externalId' | 'displayName' | 'baseUrl' | 'credentialsEncrypted' | 'tokenExpiresAt' | 'connectedVia'>): Promise<void> {
    await this.channels.update({ id }, { ...values, status: 'ok', lastError: null, lastErrorAt: null, consecutiveFailures: 0 });
  }

  findByExternalId(workspaceId: string, platform: Platform, externalId: string): Promise<ChannelAccount | null> {
    return this.channels.findOne({ where: { workspaceId, platform, externalId } });
  }

  /** Refreshed credentials, written only if the account is still connected the same way (not deleted meanwhile). */
  async saveRefreshed(id: string, credentialsEncrypted: Buffer, tokenExpiresAt: Date | null): Promise<void> {
    await this.channels.update({ id }, { credentialsEncrypted, tokenExpiresAt });
  }

  /**
   * The platform refused the account's grant: the scheduler skips it until the CM reconnects.
   * Returns false when it already was (so the CM is told once).
   */
  async markReconnectNeeded(id: string, reason: string): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await this.db.query(
        `UPDATE channel_accounts SET status = 'reconnect_needed', last_error = $2, last_error_at = now(),
           consecutive_failures = consecutive_failures + 1, sync_lease_until = NULL
         WHERE id = $1 AND status <> 'reconnect_needed' RETURNING id`,
        [id, reason],
      ),
    );
    return rows.length > 0;
  }

  /** Accounts whose access token expires before `before` (partial index channel_accounts_token_expiry_idx). */
  expiringTokens(before: Date, limit: number): Promise<ExpiringTokenRow[]> {
    return this.db.query(
      `SELECT id, workspace_id AS "workspaceId", platform, base_url AS "baseUrl", token_expires_at AS "tokenExpiresAt"
         FROM channel_accounts
        WHERE token_expires_at IS NOT NULL AND status <> 'reconnect_needed' AND token_expires_at < $1
        ORDER BY token_expires_at LIMIT $2`,
      [before, limit],
    ) as Promise<ExpiringTokenRow[]>;
  }

  /** What the token keeper needs to refresh one account. */
  async tokenState(id: string): Promise<(ExpiringTokenRow & { status: ChannelStatus; handle: string; brandId: string }) | null> {
    const [row] = (await this.db.query(
      `SELECT id, workspace_id AS "workspaceId", brand_id AS "brandId", platform, handle, base_url AS "baseUrl",
              token_expires_at AS "tokenExpiresAt", status
         FROM channel_accounts WHERE id = $1`,
      [id],
    )) as Array<ExpiringTokenRow & { status: ChannelStatus; handle: string; brandId: string }>;
    return row ?? null;
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.channels.delete({ workspaceId, id });
  }

  /** The sealed credentials (never selected otherwise). */
  async sealedCredentials(id: string): Promise<Buffer | null> {
    const row = await this.channels
      .createQueryBuilder('c')
      .addSelect('c.credentialsEncrypted')
      .where('c.id = :id', { id })
      .getOne();
    return row?.credentialsEncrypted ?? null;
  }

  /**
   * Workspace time zone, whether the brand is the workspace's, whether the channel account is
   * too and which brand it belongs to: one round trip.
   */
  async scopeCheck(workspaceId: string, brandId: string, channelAccountId: string | null): Promise<ScopeCheckRow | null> {
    const [row] = (await preparedQuery(this.db, scopeCheckSql(), [workspaceId, brandId, channelAccountId])) as ScopeCheckRow[];
    return row ?? null;
  }

  /** The brand's CSV-import account of a platform, created on first use; returns its id. */
  async ensureImportAccount(workspaceId: string, brandId: string, platform: Platform, handle: string): Promise<string> {
    await this.db.query(
      `INSERT INTO channel_accounts (workspace_id, brand_id, platform, handle, display_name, kind, status)
       VALUES ($1, $2, $3, $4, 'Import CSV', 'import', 'ok') ON CONFLICT (brand_id, platform, handle) DO NOTHING`,
      [workspaceId, brandId, platform, handle],
    );
    const [row] = (await this.db.query(
      `SELECT id FROM channel_accounts WHERE brand_id = $1 AND platform = $2 AND handle = $3 AND workspace_id = $4`,
      [brandId, platform, handle, workspaceId],
    )) as Array<{ id: string }>;
    return row.id;
  }

  // ---- sync state ----

  async platformOf(id: string): Promise<Platform | null> {
    const [row] = (await this.db.query('SELECT platform FROM channel_accounts WHERE id = $1', [id])) as Array<{ platform: Platform }>;
    return row?.platform ?? null;
  }

  async forSync(id: string): Promise<SyncAccountRow | null> {
    const [row] = rowsOf<SyncAccountRow>(
      await this.db.query(
        `SELECT ca.id, ca.workspace_id, ca.brand_id, ca.platform, ca.handle, ca.external_id, ca.base_url,
                ca.sync_cursor, ca.kind, b.kind AS brand_kind
         FROM channel_accounts ca JOIN brands b ON b.id = ca.brand_id WHERE ca.id = $1`,
        [id],
      ),
    );
    return row ?? null;
  }

  /**
   * Takes the run lease (and stamps `last_sync_at`) unless a live one is held; false when held.
   * Lock-free: one conditional UPDATE.
   */
  async acquireLease(id: string, ttlMs: number): Promise<boolean> {
    const rows = (await this.db.query(
      `UPDATE channel_accounts SET sync_lease_until = now() + $2::int * interval '1 millisecond', last_sync_at = now()
       WHERE id = $1 AND (sync_lease_until IS NULL OR sync_lease_until < now()) RETURNING id`,
      [id, ttlMs],
    )) as [unknown[], number] | unknown[];
    return rowsOf(rows).length > 0;
  }

  async renewLease(id: string, ttlMs: number): Promise<void> {
    await this.db.query(`UPDATE channel_accounts SET sync_lease_until = now() + $2::int * interval '1 millisecond' WHERE id = $1`, [
      id,
      ttlMs,
    ]);
  }

  /** A completed run: the new cursor saved, status `ok`, error and failure count cleared, lease released. */
  async markSynced(id: string, cursor: SyncCursor): Promise<void> {
    await this.db.query(
      `UPDATE channel_accounts SET sync_cursor = $2::jsonb, status = 'ok', last_error = NULL, last_error_at = NULL,
         last_success_at = now(), consecutive_failures = 0, sync_lease_until = NULL WHERE id = $1`,
      [id, JSON.stringify(cursor)],
    );
  }

  /** A failed run: status and error recorded, failure count incremented, lease released; the cursor stays. */
  async markFailed(id: string, status: Exclude<ChannelStatus, 'ok'>, message: string): Promise<void> {
    await this.db.query(
      `UPDATE channel_accounts SET status = $2, last_error = $3, last_error_at = now(),
         consecutive_failures = consecutive_failures + 1, sync_lease_until = NULL WHERE id = $1`,
      [id, status, message],
    );
  }

  /** Scheduling state of every API account (the scheduler tells which are due). */
  scheduleRows(): Promise<ScheduleRow[]> {
    return this.db.query(
      `SELECT id, platform, last_success_at, last_error_at, consecutive_failures, sync_lease_until
         FROM channel_accounts WHERE kind = 'api' AND status <> 'reconnect_needed'`,
    ) as Promise<ScheduleRow[]>;
  }

  async lastSuccess(id: string): Promise<Pick<ScheduleRow, 'platform' | 'last_success_at'> | null> {
    const [row] = (await this.db.query('SELECT platform, last_success_at FROM channel_accounts WHERE id = $1', [id])) as Array<
      Pick<ScheduleRow, 'platform' | 'last_success_at'>
    >;
    return row ?? null;
  }

  /**
   * The workspace's account used to search a platform (veille listening): the given brand's
   * first, own brands' next, healthy ones before failing ones, oldest first.
   */
  async searchAccountFor(workspaceId: string, platform: Platform, brandId: string): Promise<SearchAccountRow | null> {
    const [row] = (await this.db.query(
      `SELECT ca.id, ca.handle, ca.external_id AS "externalId", ca.base_url AS "baseUrl"
         FROM channel_accounts ca JOIN brands b ON b.id = ca.brand_id
        WHERE ca.workspace_id = $1 AND ca.platform = $2
        ORDER BY (ca.brand_id = $3) DESC, (b.kind = 'own') DESC, (ca.status = 'failing') ASC, ca.created_at
        LIMIT 1`,
      [workspaceId, platform, brandId],
    )) as SearchAccountRow[];
    return row ?? null;
  }

  /** External ids of the workspace's accounts on a platform (their posts are own content). */
  async externalIdsOn(workspaceId: string, platform: Platform): Promise<string[]> {
    const rows = (await this.db.query(
      'SELECT external_id AS "externalId" FROM channel_accounts WHERE workspace_id = $1 AND platform = $2 AND external_id IS NOT NULL',
      [workspaceId, platform],
    )) as Array<{ externalId: string }>;
    return rows.map((r) => r.externalId);
  }
}
