import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { SecretBox } from '../../common/crypto/secret-box';
import { JobQueue } from '../../common/queue/job-queue';
import { BrandsService } from '../brands/brands.service';
import type { ChannelAccount } from './channel-account.entity';
import { ChannelAccountsRepository, type ScopeCheckRow } from './channel-accounts.repository';
import type { CreateChannelDto } from './channels.dto';
import type { ConnectedVia } from './channel-account.entity';
import type { ConnectableAccount } from './connectors/platform-connect';
import { TokenKeeper } from './connect/token-keeper.service';

export const INGESTION_QUEUE = 'ingestion';
export const SYNC_CHANNEL_JOB = 'sync-channel';
export interface SyncChannelJobData {
  channelAccountId: string;
}

/** A brand (and optionally one of its channel accounts) checked against the workspace, with its time zone. */
export interface ChannelScope {
  workspaceId: string;
  brandId: string;
  channelAccountId: string | null;
  timezone: string;
}

/** The scope a scope check's row (see scopeCheckSql) allows, or the 404 of what is not the workspace's. */
export function checkedScope(
  row: ScopeCheckRow | null | undefined,
  workspaceId: string,
  brandId: string,
  channelAccountId: string | null | undefined,
): ChannelScope {
  if (!row) throw new NotFoundException('Workspace not found');
  if (!row.brand) throw new NotFoundException('Brand not found');
  if (channelAccountId && (!row.channel || row.channel_brand !== brandId)) {
    throw new NotFoundException('Channel account not found');
  }
  return { workspaceId, brandId, channelAccountId: channelAccountId ?? null, timezone: row.timezone };
}

/** What the API returns for a channel account: never the credentials. */
export function toChannelDto(c: ChannelAccount) {
  return {
    id: c.id,
    brandId: c.brandId,
    platform: c.platform,
    handle: c.handle,
    externalId: c.externalId,
    displayName: c.displayName,
    baseUrl: c.baseUrl,
    status: c.status,
    lastError: c.lastError,
    lastErrorAt: c.lastErrorAt,
    lastSuccessAt: c.lastSuccessAt,
    lastSyncAt: c.lastSyncAt,
    tokenExpiresAt: c.tokenExpiresAt,
    createdAt: c.createdAt,
  };
}

@Injectable()
export class ChannelsService {
  constructor(
    private readonly channels: ChannelAccountsRepository,
    private readonly brands: BrandsService,
    @Inject(SecretBox) private readonly secrets: SecretBox,
    @Inject(JobQueue) private readonly queue: JobQueue,
    private readonly tokens: TokenKeeper,
  ) {}

  async list(workspaceId: string, brandId?: string) {
    const rows = await this.channels.list(workspaceId, brandId);
    return rows.map(toChannelDto);
  }

  async get(workspaceId: string, id: string) {
    const row = await this.channels.findInWorkspace(workspaceId, id);
    if (!row) throw new NotFoundException('Channel account not found');
    return row;
  }

  async create(workspaceId: string, dto: CreateChannelDto, identity?: { externalId: string; displayName: string | null }) {
    await this.brands.get(workspaceId, dto.brandId);
    try {
      const saved = await this.channels.insert({
        workspaceId,
        brandId: dto.brandId,
        platform: dto.platform,
        handle: dto.handle,
        externalId: identity?.externalId ?? dto.externalId ?? null,
        displayName: identity?.displayName ?? null,
        baseUrl: dto.baseUrl ?? null,
        credentialsEncrypted: dto.credentials ? this.secrets.sealJson(dto.credentials) : null,
        status: 'ok',
        consecutiveFailures: 0,
        connectedVia: dto.credentials ? 'token' : null,
      });
      await this.requestSync(workspaceId, saved.id);
      return toChannelDto(saved);
    } catch (e) {
      if (e instanceof QueryFailedError && /unique|duplicate/i.test(e.message)) {
        throw new ConflictException(`${dto.platform} account "${dto.handle}" is already connected to this brand`);
      }
      throw e;
    }
  }

  async remove(workspaceId: string, id: string) {
    await this.get(workspaceId, id);
    await this.channels.delete(workspaceId, id);
  }

  /**
   * "Sync now": clicking twice within the same 10 s enqueues once. The job id changes per time slot
   * because BullMQ keeps finished job ids, which would silently swallow a later click.
   */
  async requestSync(workspaceId: string, id: string) {
    const c = await this.get(workspaceId, id);
    await this.queue.add<SyncChannelJobData>(INGESTION_QUEUE, SYNC_CHANNEL_JOB, { channelAccountId: c.id }, {
      jobId: `sync-${c.id}-${Math.floor(Date.now() / 10_000)}`,
    });
    return { queued: true, channelAccountId: c.id };
  }

  /**
   * Adds (or, when the brand already has it, reconnects) an account a consent or an app password
   * gave access to, and syncs it at once. A reconnected account leaves `reconnect_needed`.
   */
  async connectAccount(workspaceId: string, brandId: string, account: ConnectableAccount, via: ConnectedVia) {
    await this.brands.get(workspaceId, brandId);
    const values = {
      externalId: account.externalId,
      displayName: account.displayName,
      baseUrl: account.baseUrl,
      credentialsEncrypted: this.secrets.sealJson(account.credentials),
      tokenExpiresAt: account.expiresAt,
      connectedVia: via,
    };
    const existing =
      (await this.channels.findByExternalId(workspaceId, account.platform, account.externalId).then((c) => (c?.brandId === brandId ? c : null))) ??
      (await this.channels.findByHandle(brandId, account.platform, account.handle));
    let id: string;
    if (existing) {
      await this.channels.reconnect(existing.id, values);
      id = existing.id;
    } else {
      id = (await this.channels.insert({ workspaceId, brandId, platform: account.platform, handle: account.handle, status: 'ok', consecutiveFailures: 0, ...values })).id;
    }
    await this.requestSync(workspaceId, id);
    return toChannelDto(await this.get(workspaceId, id));
  }

  /** Which brand of the workspace already has this platform account (the picker says so). */
  async connectedBrandOf(workspaceId: string, platform: ConnectableAccount['platform'], externalId: string): Promise<string | null> {
    return (await this.channels.findByExternalId(workspaceId, platform, externalId))?.brandId ?? null;
  }

  /** Decrypted credentials for the workers only, refreshed first when the token is about to expire. */
  credentials(id: string): Promise<Record<string, string> | null> {
    return this.tokens.credentials(id);
  }

  /** The platform refused the account's token: `reconnect_needed`, the CM told once (TokenKeeper). */
  reconnectNeeded(id: string, reason: string): Promise<void> {
    return this.tokens.reconnectNeeded(id, reason);
  }

  /**
   * 404 for a brand or channel account of another workspace (or of another brand). One round
   * trip: every dashboard request starts here.
   */
  async scope(workspaceId: string, brandId: string, channelAccountId?: string | null): Promise<ChannelScope> {
    return checkedScope(await this.channels.scopeCheck(workspaceId, brandId, channelAccountId ?? null), workspaceId, brandId, channelAccountId);
  }
}
