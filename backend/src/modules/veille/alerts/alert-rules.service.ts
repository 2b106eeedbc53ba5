import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { BrandsService } from '../../brands/brands.service';
import { Webhooks } from '../../../common/http/webhooks';
import { AlertRulesRepository } from '../alert-rules.repository';
import { WatchQueriesService } from '../queries/watch-queries.service';
import { normalizeParams } from './alert-params';
import type { AlertRule } from './alert-rule.entity';
import type { CreateAlertRuleDto, UpdateAlertRuleDto } from './alert-rules.dto';

/** What the API returns: the webhook secret never leaves (only whether one is set). */
export function toRuleDto(r: AlertRule, hasSecret: boolean) {
  return {
    id: r.id,
    brandId: r.brandId,
    queryId: r.queryId,
    name: r.name,
    type: r.type,
    params: r.params,
    cooldownMinutes: r.cooldownMinutes,
    recipients: r.recipients,
    webhookUrl: r.webhookUrl,
    webhookFormat: r.webhookFormat,
    hasWebhookSecret: hasSecret,
    active: r.active,
    createdAt: r.createdAt,
  };
}

@Injectable()
export class AlertRulesService {
  constructor(
    private readonly rules: AlertRulesRepository,
    private readonly brands: BrandsService,
    private readonly queries: WatchQueriesService,
    private readonly webhooks: Webhooks,
  ) {}

  async list(workspaceId: string) {
    const rows = await this.rules.list(workspaceId);
    return rows.map((r) => toRuleDto(r, r.webhookSecretEncrypted !== null));
  }

  async getEntity(workspaceId: string, id: string): Promise<AlertRule> {
    const r = await this.rules.findInWorkspace(workspaceId, id);
    if (!r) throw new NotFoundException('Alert rule not found');
    return r;
  }

  async get(workspaceId: string, id: string) {
    const r = await this.getEntity(workspaceId, id);
    return toRuleDto(r, r.webhookSecretEncrypted !== null);
  }

  async create(workspaceId: string, userId: string, dto: CreateAlertRuleDto) {
    let brandId: string;
    if (dto.queryId) {
      const q = await this.queries.get(workspaceId, dto.queryId);
      if (dto.brandId && dto.brandId !== q.brandId) {
        throw new BadRequestException({ statusCode: 400, message: 'Invalid request: brandId (the query belongs to another brand)', details: [{ field: 'brandId', errors: ['the query belongs to another brand'] }] });
      }
      brandId = q.brandId;
    } else if (dto.brandId) {
      brandId = (await this.brands.get(workspaceId, dto.brandId)).id;
    } else {
      throw new BadRequestException({ statusCode: 400, message: 'Invalid request: brandId (give a brandId or a queryId)', details: [{ field: 'brandId', errors: ['give a brandId or a queryId'] }] });
    }
    const webhookUrl = dto.webhookUrl ? await this.webhooks.checkUrl('webhookUrl', dto.webhookUrl) : null;
    const saved = await this.rules.insert({
      workspaceId,
      brandId,
      queryId: dto.queryId ?? null,
      name: dto.name,
      type: dto.type,
      params: normalizeParams(dto.type, dto.params),
      cooldownMinutes: dto.cooldownMinutes ?? 60,
      recipients: dto.recipients ?? [],
      webhookUrl,
      webhookFormat: dto.webhookFormat ?? 'slack',
      webhookSecretEncrypted: dto.webhookSecret ? this.webhooks.sealSecret(dto.webhookSecret) : null,
      active: dto.active ?? true,
      createdBy: userId,
    });
    return this.get(workspaceId, saved.id);
  }

  async update(workspaceId: string, id: string, dto: UpdateAlertRuleDto) {
    const r = await this.getEntity(workspaceId, id);
    if (dto.name !== undefined) r.name = dto.name;
    if (dto.params !== undefined) r.params = normalizeParams(r.type, dto.params);
    if (dto.cooldownMinutes !== undefined) r.cooldownMinutes = dto.cooldownMinutes;
    if (dto.recipients !== undefined) r.recipients = dto.recipients;
    if (dto.webhookUrl !== undefined) {
      r.webhookUrl = dto.webhookUrl ? await this.webhooks.checkUrl('webhookUrl', dto.webhookUrl) : null;
    }
    if (dto.webhookFormat !== undefined) r.webhookFormat = dto.webhookFormat;
    if (dto.webhookSecret !== undefined) r.webhookSecretEncrypted = this.webhooks.sealSecret(dto.webhookSecret);
    if (dto.active !== undefined) r.active = dto.active;
    await this.rules.save(r);
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string) {
    await this.getEntity(workspaceId, id);
    await this.rules.delete(workspaceId, id);
  }

  /** For the delivery worker only. */
  async webhookSecret(ruleId: string): Promise<string | null> {
    const r = await this.rules.findWithSecret(ruleId);
    return r?.webhookSecretEncrypted ? this.webhooks.openSecret(r.webhookSecretEncrypted) : null;
  }
}
