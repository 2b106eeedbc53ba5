import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, type Repository } from 'typeorm';
import { SecretBox } from '../../common/crypto/secret-box';
import { JobQueue } from '../../common/queue/job-queue';
import { BrandsService } from '../brands/brands.service';
import { ChannelAccount } from './channel-account.entity';
import type { CreateChannelDto } from './channels.dto';

export const INGESTION_QUEUE = 'ingestion';
export const SYNC_CHANNEL_JOB = 'sync-channel';
export interface SyncChannelJobData {
  channelAccountId: string;
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
    createdAt: c.createdAt,
  };
}

@Injectable()
export class ChannelsService {
  constructor(
    @InjectRepository(ChannelAccount) private readonly channels: Repository<ChannelAccount>,
    private readonly brands: BrandsService,
    @Inject(SecretBox) private readonly secrets: SecretBox,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  async list(workspaceId: string, brandId?: string) {
    const rows = await this.channels.find({
      where: brandId ? { workspaceId, brandId } : { workspaceId },
      order: { createdAt: 'ASC' },
    });
    return rows.map(toChannelDto);
  }

  async get(workspaceId: string, id: string) {
    const row = await this.channels.findOne({ where: { workspaceId, id } });
    if (!row) throw new NotFoundException('Channel account not found');
    return row;
  }

  async create(workspaceId: string, dto: CreateChannelDto, identity?: { externalId: string; displayName: string | null }) {
    await this.brands.get(workspaceId, dto.brandId);
    try {
      const saved = await this.channels.save(
        this.channels.create({
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
        }),
      );
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
    await this.channels.delete({ workspaceId, id });
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

  /** Decrypted credentials for the worker only. */
  async credentials(id: string): Promise<Record<string, string> | null> {
    const row = await this.channels
      .createQueryBuilder('c')
      .addSelect('c.credentialsEncrypted')
      .where('c.id = :id', { id })
      .getOne();
    return row?.credentialsEncrypted ? this.secrets.openJson<Record<string, string>>(row.credentialsEncrypted) : null;
  }
}
