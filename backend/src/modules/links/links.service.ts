import { randomBytes } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SecretBox } from '../../common/crypto/secret-box';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { BrandsService } from '../brands/brands.service';
import { ChannelsService } from '../channels/channels.service';
import type { CreateLinkDto, ListLinksQueryDto, UpdateLinkDto } from './links.dto';

export interface LinkRow {
  id: string;
  workspace_id: string;
  brand_id: string;
  channel_account_id: string | null;
  post_id: string | null;
  code: string;
  target_url: string;
  campaign: string | null;
  channel: string | null;
  created_at: Date;
  platform: string | null;
}

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

const LINK_SELECT = `SELECT l.*, ca.platform FROM tracked_links l
  LEFT JOIN channel_accounts ca ON ca.id = l.channel_account_id`;

@Injectable()
export class LinksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly brands: BrandsService,
    private readonly channels: ChannelsService,
    @Inject(SecretBox) private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(workspaceId: string, dto: CreateLinkDto) {
    await this.brands.get(workspaceId, dto.brandId);
    if (dto.channelAccountId) {
      const channel = await this.channels.get(workspaceId, dto.channelAccountId);
      if (channel.brandId !== dto.brandId) throw new NotFoundException('Channel account not found');
    }
    if (dto.postId) {
      const [post] = (await this.db.query('SELECT id FROM posts WHERE id = $1 AND workspace_id = $2 AND brand_id = $3', [
        dto.postId,
        workspaceId,
        dto.brandId,
      ])) as Array<{ id: string }>;
      if (!post) throw new NotFoundException('Post not found');
    }
    for (let attempt = 0; ; attempt++) {
      const rows = (await this.db.query(
        `INSERT INTO tracked_links (workspace_id, brand_id, channel_account_id, post_id, code, target_url, campaign, channel)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [workspaceId, dto.brandId, dto.channelAccountId ?? null, dto.postId ?? null, newLinkCode(), dto.targetUrl,
          dto.campaign ?? null, dto.channel ?? null],
      )) as Array<{ id: string }>;
      if (rows.length) return this.get(workspaceId, rows[0].id);
      if (attempt > 5) throw new Error('could not allocate a link code');
    }
  }

  async list(workspaceId: string, q: ListLinksQueryDto) {
    if (q.brandId) await this.brands.get(workspaceId, q.brandId);
    const rows = (await this.db.query(
      `${LINK_SELECT} WHERE l.workspace_id = $1 AND ($2::uuid IS NULL OR l.brand_id = $2)
         AND ($3::text IS NULL OR l.campaign = $3) ORDER BY l.created_at DESC, l.id LIMIT 1000`,
      [workspaceId, q.brandId ?? null, q.campaign ?? null],
    )) as LinkRow[];
    return this.withStats(rows);
  }

  async get(workspaceId: string, linkId: string) {
    const [row] = await this.withStats(await this.find(workspaceId, linkId));
    return row;
  }

  async update(workspaceId: string, linkId: string, dto: UpdateLinkDto) {
    await this.find(workspaceId, linkId);
    await this.db.query(
      `UPDATE tracked_links SET target_url = coalesce($3, target_url), campaign = coalesce($4, campaign),
         channel = coalesce($5, channel) WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, linkId, dto.targetUrl ?? null, dto.campaign ?? null, dto.channel ?? null],
    );
    return this.get(workspaceId, linkId);
  }

  async remove(workspaceId: string, linkId: string): Promise<void> {
    await this.find(workspaceId, linkId);
    await this.db.query('DELETE FROM tracked_links WHERE workspace_id = $1 AND id = $2', [workspaceId, linkId]);
  }

  /** Public lookup for the redirect and the webhook (codes are public by nature). */
  async findByCode(code: string): Promise<LinkRow | null> {
    if (!/^[A-Za-z0-9]{4,32}$/.test(code)) return null;
    const [row] = (await this.db.query(`${LINK_SELECT} WHERE l.code = $1`, [code])) as LinkRow[];
    return row ?? null;
  }

  /** The workspace's conversion-webhook secret, created on first use. */
  async webhookSecret(workspaceId: string): Promise<string> {
    const [row] = (await this.db.query('SELECT secret_encrypted FROM conversion_webhook_secrets WHERE workspace_id = $1', [
      workspaceId,
    ])) as Array<{ secret_encrypted: Buffer }>;
    if (row) return this.box.open(row.secret_encrypted);
    const secret = randomBytes(32).toString('hex');
    await this.db.query(
      `INSERT INTO conversion_webhook_secrets (workspace_id, secret_encrypted) VALUES ($1, $2)
       ON CONFLICT (workspace_id) DO NOTHING`,
      [workspaceId, this.box.seal(secret)],
    );
    return this.webhookSecret(workspaceId);
  }

  async rotateWebhookSecret(workspaceId: string) {
    const secret = randomBytes(32).toString('hex');
    await this.db.query(
      `INSERT INTO conversion_webhook_secrets (workspace_id, secret_encrypted) VALUES ($1, $2)
       ON CONFLICT (workspace_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, rotated_at = now()`,
      [workspaceId, this.box.seal(secret)],
    );
    return this.settings(workspaceId);
  }

  async settings(workspaceId: string) {
    const secret = await this.webhookSecret(workspaceId);
    const [row] = (await this.db.query('SELECT rotated_at FROM conversion_webhook_secrets WHERE workspace_id = $1', [
      workspaceId,
    ])) as Array<{ rotated_at: Date }>;
    return {
      webhookUrl: `${this.config.publicUrl}/api/hooks/conversions`,
      webhookSecret: secret,
      secretRotatedAt: row.rotated_at,
      signatureHeader: 'X-Vigie-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">',
      timestampHeader: 'X-Vigie-Timestamp: <unix seconds> (refused beyond 5 minutes)',
    };
  }

  shortUrl(code: string): string {
    return `${this.config.publicUrl}/r/${code}`;
  }

  private async find(workspaceId: string, linkId: string): Promise<LinkRow[]> {
    const rows = (await this.db.query(`${LINK_SELECT} WHERE l.workspace_id = $1 AND l.id = $2`, [
      workspaceId,
      linkId,
    ])) as LinkRow[];
    if (!rows.length) throw new NotFoundException('Link not found');
    return rows;
  }

  private async withStats(rows: LinkRow[]) {
    if (!rows.length) return [];
    const stats = (await this.db.query(
      `SELECT l.id,
         (SELECT count(*)::int FROM link_clicks c WHERE c.link_id = l.id) AS clicks,
         (SELECT count(DISTINCT ((c.clicked_at AT TIME ZONE 'UTC')::date, c.visitor_hash))::int
            FROM link_clicks c WHERE c.link_id = l.id) AS unique_clicks,
         (SELECT count(*)::int FROM conversions v WHERE v.link_id = l.id) AS conversions,
         (SELECT coalesce(sum(v.value), 0)::float8 FROM conversions v WHERE v.link_id = l.id) AS conversion_value
       FROM tracked_links l WHERE l.id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    )) as Array<{ id: string; clicks: number; unique_clicks: number; conversions: number; conversion_value: number }>;
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
