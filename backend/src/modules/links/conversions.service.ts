import { BadRequestException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import type { ConversionEventDto } from './conversions.dto';
import { ConversionsRepository } from './conversions.repository';
import { LinkClicksRepository } from './link-clicks.repository';
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
    private readonly conversions: ConversionsRepository,
    private readonly clicks: LinkClicksRepository,
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
      const click = await this.clicks.findWithLink(input.clickId);
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
    const id = await this.conversions.insert({
      workspace_id: a.workspaceId,
      link_id: a.linkId,
      click_id: a.clickId,
      event_id: input.eventId,
      value: input.value ?? null,
      currency: input.currency ?? null,
      occurred_at: new Date(input.occurredAt),
      source,
    });
    if (id !== null) return { status: 'recorded' as const, id };
    const existing = await this.conversions.findIdByEvent(a.workspaceId, input.eventId);
    if (!existing) throw new NotFoundException('Conversion vanished');
    return { status: 'duplicate' as const, id: existing };
  }
}
