import { randomBytes } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Webhooks } from '../../common/http/webhooks';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { BrandsService } from '../brands/brands.service';
import { ChannelsService } from '../channels/channels.service';
import { ConversionsRepository } from './conversions.repository';
import type { CreateLinkDto, ListLinksQueryDto, UpdateLinkDto } from './links.dto';
import { TrackedLinksRepository, type LinkRow } from './tracked-links.repository';

const CODE_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 8 characters from a 57-letter alphabet without look-alikes: ~2^46 codes, not guessable in bulk. */
export function newLinkCode(): string {
  const bytes = randomBytes(16);
  let code = '';
  for (const b of bytes) {
    if (b >= 228) continue; // 228 = 4 × 57: keeps the distribution uniform
    code += CODE_ALPHABET[b % 57];
    if (code.length === 8) return code;
  }
  return newLinkCode();
}

@Injectable()
export class LinksService {
  constructor(
    private readonly links: TrackedLinksRepository,
    private readonly conversions: ConversionsRepository,
    private readonly brands: BrandsService,
    private readonly channels: ChannelsService,
    private readonly webhooks: Webhooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(workspaceId: string, dto: CreateLinkDto) {
    await this.brands.get(workspaceId, dto.brandId);
    if (dto.channelAccountId) {
      const channel = await this.channels.get(workspaceId, dto.channelAccountId);
      if (channel.brandId !== dto.brandId) throw new NotFoundException('Channel account not found');
    }
    if (dto.postId) {
      if (!(await this.links.postInBrand(workspaceId, dto.brandId, dto.postId))) throw new NotFoundException('Post not found');
    }
    for (let attempt = 0; ; attempt++) {
      const id = await this.links.insert({
        workspace_id: workspaceId,
        brand_id: dto.brandId,
        channel_account_id: dto.channelAccountId ?? null,
        post_id: dto.postId ?? null,
        code: newLinkCode(),
        target_url: dto.targetUrl,
        campaign: dto.campaign ?? null,
        channel: dto.channel ?? null,
      });
      if (id !== null) return this.get(workspaceId, id);
      if (attempt > 5) throw new Error('could not allocate a link code');
    }
  }

  async list(workspaceId: string, q: ListLinksQueryDto) {
    if (q.brandId) await this.brands.get(workspaceId, q.brandId);
    return this.withStats(await this.links.list(workspaceId, q.brandId ?? null, q.campaign ?? null));
  }

  async get(workspaceId: string, linkId: string) {
    const [row] = await this.withStats(await this.find(workspaceId, linkId));
    return row;
  }

  async update(workspaceId: string, linkId: string, dto: UpdateLinkDto) {
    await this.find(workspaceId, linkId);
    await this.links.update(workspaceId, linkId, {
      targetUrl: dto.targetUrl ?? null,
      campaign: dto.campaign ?? null,
      channel: dto.channel ?? null,
    });
    return this.get(workspaceId, linkId);
  }

  async remove(workspaceId: string, linkId: string): Promise<void> {
    await this.find(workspaceId, linkId);
    await this.links.delete(workspaceId, linkId);
  }

  /** Public lookup for the redirect and the webhook (codes are public by nature). */
  async findByCode(code: string): Promise<LinkRow | null> {
    if (!/^[A-Za-z0-9]{4,32}$/.test(code)) return null;
    return this.links.findByCode(code);
  }

  /** The workspace's conversion-webhook secret, created on first use. */
  async webhookSecret(workspaceId: string): Promise<string> {
    const sealed = await this.conversions.webhookSecret(workspaceId);
    if (sealed) return this.webhooks.openSecret(sealed);
    await this.conversions.insertWebhookSecret(workspaceId, this.webhooks.sealSecret(this.webhooks.newSecret()));
    return this.webhookSecret(workspaceId);
  }

  async rotateWebhookSecret(workspaceId: string) {
    await this.conversions.rotateWebhookSecret(workspaceId, this.webhooks.sealSecret(this.webhooks.newSecret()));
    return this.settings(workspaceId);
  }

  async settings(workspaceId: string) {
    const secret = await this.webhookSecret(workspaceId);
    const rotatedAt = await this.conversions.webhookSecretRotatedAt(workspaceId);
    return {
      webhookUrl: `${this.config.publicUrl}/api/hooks/conversions`,
      webhookSecret: secret,
      secretRotatedAt: rotatedAt,
      signatureHeader: 'X-Vigie-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">',
      timestampHeader: 'X-Vigie-Timestamp: <unix seconds> (refused beyond 5 minutes)',
    };
  }

  shortUrl(code: string): string {
    return `${this.config.publicUrl}/r/${code}`;
  }

  private async find(workspaceId: string, linkId: string): Promise<LinkRow[]> {
    const rows = await this.links.find(workspaceId, linkId);
    if (!rows.length) throw new NotFoundException('Link not found');
    return rows;
  }

  private async withStats(rows: LinkRow[]) {
    if (!rows.length) return [];
    const stats = await this.links.stats(rows.map((r) => r.id));
    const byId = new Map(stats.map((s) => [s.id, s]));
    return rows.map((r) => {
      const s = byId.get(r.id);
      return {
        id: r.id,
        brandId: r.brand_id,
        code: r.code,
        shortUrl: this.shortUrl(r.code),
        targetUrl: r.target_url,
        campaign: r.campaign,
        channel: r.channel,
        channelAccountId: r.channel_account_id,
        platform: r.platform,
        postId: r.post_id === null ? null : String(r.post_id),
        createdAt: r.created_at,
        clicks: s?.clicks ?? 0,
        uniqueClicks: s?.unique_clicks ?? 0,
        conversions: s?.conversions ?? 0,
        conversionValue: s?.conversion_value ?? 0,
      };
    });
  }
}
