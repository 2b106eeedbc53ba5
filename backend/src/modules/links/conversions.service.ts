import { BadRequestException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';
import type { ConversionEventDto } from './conversions.dto';
import { LinksService } from './links.service';
import { checkWebhookSignature } from './webhook-signature';

interface Attribution {
  workspaceId: string;
  linkId: string;
  clickId: string | null;
}

export interface ConversionInput {
  eventId: string;
  linkCode?: string | null;
  clickId?: string | null;
  value?: number | null;
  currency?: string | null;
  occurredAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ConversionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: LinksService,
  ) {}

  /**
   * Signed webhook: the link (by code or click id) names the workspace whose secret must have
   * signed the raw body. Idempotent on (workspace, eventId).
   */
  async receiveWebhook(
    dto: ConversionEventDto,
    rawBody: Buffer | undefined,
    headers: { signature?: string; timestamp?: string },
    nowSeconds = Math.floor(Date.now() / 1000),
  ) {
    if (!rawBody) throw new BadRequestException('Send the conversion as application/json');
    const attribution = await this.attribute(dto, null);
    // Unknown link or click: nothing to check the signature against; same answer as a bad one.
    if (!attribution) throw new UnauthorizedException('Invalid signature');
    const secret = await this.links.webhookSecret(attribution.workspaceId);
    const check = checkWebhookSignature(secret, headers, rawBody, nowSeconds);
    if (check === 'stale') throw new UnauthorizedException('Timestamp too old or in the future: replay refused');
    if (check !== 'ok') throw new UnauthorizedException('Invalid signature');
    return this.store(attribution, dto, 'webhook');
  }

  /** CSV columns: eventId, linkCode or clickId, value, currency, occurredAt (ISO 8601). */
  async importCsv(workspaceId: string, csv: Buffer) {
    let records: Array<Record<string, string>>;
    try {
      records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Array<Record<string, string>>;
    } catch (e) {
      throw new BadRequestException(`Unreadable CSV: ${e instanceof Error ? e.message : String(e)}`);
    }
    const errors: Array<{ row: number; column: string; reason: string }> = [];
    let imported = 0;
    let duplicates = 0;
    for (const [index, r] of records.entries()) {
      const row = index + 2; // header is line 1
      const value = r.value ? Number(r.value.replace(',', '.')) : null;
      if (!r.eventId) errors.push({ row, column: 'eventId', reason: 'required' });
      else if (!r.occurredAt || Number.isNaN(Date.parse(r.occurredAt))) {
        errors.push({ row, column: 'occurredAt', reason: 'not an ISO 8601 date' });
      } else if (value !== null && (!Number.isFinite(value) || value < 0)) {
        errors.push({ row, column: 'value', reason: 'not a non-negative number' });
      } else {
        const input: ConversionInput = { ...r, eventId: r.eventId, occurredAt: r.occurredAt, value };
        const attribution = await this.attribute(input, workspaceId);
        if (!attribution) {
          errors.push({ row, column: r.clickId ? 'clickId' : 'linkCode', reason: 'no such tracked link in this workspace' });
          continue;
        }
        const stored = await this.store(attribution, input, 'csv');
        if (stored.status === 'duplicate') duplicates += 1;
        else imported += 1;
      }
    }
    return { rowsTotal: records.length, imported, duplicates, errors };
  }

  private async attribute(input: ConversionInput, workspaceId: string | null): Promise<Attribution | null> {
    if (input.clickId) {
      if (!UUID.test(input.clickId)) return null;
      const [click] = (await this.db.query(
        `SELECT c.id, l.id AS link_id, l.workspace_id, l.code FROM link_clicks c JOIN tracked_links l ON l.id = c.link_id
         WHERE c.id = $1`,
        [input.clickId],
      )) as Array<{ id: string; link_id: string; workspace_id: string; code: string }>;
      if (!click || (input.linkCode && input.linkCode !== click.code)) return null;
      if (workspaceId && click.workspace_id !== workspaceId) return null;
      return { workspaceId: click.workspace_id, linkId: click.link_id, clickId: click.id };
    }
    if (!input.linkCode) return null;
    const link = await this.links.findByCode(input.linkCode);
    if (!link || (workspaceId && link.workspace_id !== workspaceId)) return null;
    return { workspaceId: link.workspace_id, linkId: link.id, clickId: null };
  }

  private async store(a: Attribution, input: ConversionInput, source: 'webhook' | 'csv') {
    const rows = (await this.db.query(
      `INSERT INTO conversions (workspace_id, link_id, click_id, event_id, value, currency, occurred_at, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (workspace_id, event_id) DO NOTHING RETURNING id`,
      [a.workspaceId, a.linkId, a.clickId, input.eventId, input.value ?? null, input.currency ?? null,
        new Date(input.occurredAt), source],
    )) as Array<{ id: string }>;
    if (rows.length) return { status: 'recorded' as const, id: rows[0].id };
    const [existing] = (await this.db.query('SELECT id FROM conversions WHERE workspace_id = $1 AND event_id = $2', [
      a.workspaceId,
      input.eventId,
    ])) as Array<{ id: string }>;
    if (!existing) throw new NotFoundException('Conversion vanished');
    return { status: 'duplicate' as const, id: existing.id };
  }
}
