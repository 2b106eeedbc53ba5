import { BadRequestException, Injectable } from '@nestjs/common';
import type { CrisisPlaybookDto, CrisisSettingsDto } from '@vigie/contracts';
import { DEFAULT_CRISIS_ROLES } from '@vigie/crisis';
import { Webhooks } from '../../common/http/webhooks';
import { BrandsService } from '../brands/brands.service';
import { CrisisPlaybooksRepository, type CrisisPlaybookRow, type CrisisSettingsRow, type PlaybookChecklist } from './crisis-playbooks.repository';
import type { PutCrisisSettingsDto, PutPlaybookDto } from './crisis.dto';

export const DEFAULT_BIG_ACCOUNT_FOLLOWERS = 10_000;
const STAGE_KEYS = ['watch', 'active', 'contained', 'closed'] as const;

/** Per-workspace crisis settings (roles of the cell, webhook, big-account threshold) and per-brand playbooks. */
@Injectable()
export class CrisisSettingsService {
  constructor(
    private readonly playbooks: CrisisPlaybooksRepository,
    private readonly brands: BrandsService,
    private readonly webhooks: Webhooks,
  ) {}

  /** The webhook's signing secret, opened (null: unsigned). */
  async webhookSecret(workspaceId: string): Promise<string | null> {
    const sealed = await this.playbooks.webhookSecret(workspaceId);
    return sealed ? this.webhooks.openSecret(sealed) : null;
  }

  async settings(workspaceId: string): Promise<CrisisSettingsRow> {
    return (
      (await this.playbooks.settings(workspaceId)) ?? {
        roles: [...DEFAULT_CRISIS_ROLES],
        webhookUrl: null,
        webhookFormat: 'slack',
        bigAccountFollowers: DEFAULT_BIG_ACCOUNT_FOLLOWERS,
        hasWebhookSecret: false,
      }
    );
  }

  async putSettings(workspaceId: string, dto: PutCrisisSettingsDto): Promise<CrisisSettingsDto> {
    const current = await this.settings(workspaceId);
    const roles = [...new Set(dto.roles)];
    if (!roles.includes('lead')) {
      throw new BadRequestException({ statusCode: 400, message: "Invalid request: roles must include 'lead' (the lead approves statements)", details: [{ field: 'roles', errors: ["must include 'lead'"] }] });
    }
    const webhookUrl = dto.webhookUrl === undefined ? current.webhookUrl : dto.webhookUrl === null || dto.webhookUrl === '' ? null : await this.webhooks.checkUrl('webhookUrl', dto.webhookUrl);
    const next = {
      roles,
      webhookUrl,
      webhookFormat: dto.webhookFormat ?? current.webhookFormat,
      bigAccountFollowers: dto.bigAccountFollowers ?? current.bigAccountFollowers,
    };
    const secret = dto.webhookSecret === undefined ? undefined : dto.webhookSecret === null ? null : this.webhooks.sealSecret(dto.webhookSecret);
    await this.playbooks.saveSettings(workspaceId, next, secret);
    return this.settings(workspaceId);
  }

  async playbook(workspaceId: string, brandId: string): Promise<CrisisPlaybookDto> {
    await this.brands.get(workspaceId, brandId);
    const [row] = await this.playbooks.ofBrands(workspaceId, [brandId]);
    return playbookView(brandId, row);
  }

  /** `userId` null: written by Vigie itself (the demo's day-one playbook). */
  async putPlaybook(workspaceId: string, brandId: string, dto: PutPlaybookDto, userId: string | null): Promise<CrisisPlaybookDto> {
    await this.brands.get(workspaceId, brandId);
    const ids = STAGE_KEYS.flatMap((s) => dto.checklist[s].map((i) => i.id));
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) throw badField('checklist', `item id '${dup}' is used twice (ids are unique across stages)`);
    const sIds = dto.statements.map((s) => s.id);
    const sDup = sIds.find((id, i) => sIds.indexOf(id) !== i);
    if (sDup) throw badField('statements', `statement id '${sDup}' is used twice`);
    const checklist: PlaybookChecklist = {
      watch: dto.checklist.watch.map(({ id, label }) => ({ id, label })),
      active: dto.checklist.active.map(({ id, label }) => ({ id, label })),
      contained: dto.checklist.contained.map(({ id, label }) => ({ id, label })),
      closed: dto.checklist.closed.map(({ id, label }) => ({ id, label })),
    };
    await this.playbooks.upsert(workspaceId, brandId, checklist, dto.statements.map(({ id, language, title, text }) => ({ id, language, title, text })), userId);
    return this.playbook(workspaceId, brandId);
  }

  /** The playbooks of the crisis's brands, merged in brand order (first brand's item wins on an id clash). */
  async merged(workspaceId: string, brandIds: readonly string[]): Promise<{ checklist: PlaybookChecklist; statements: CrisisPlaybookDto['statements'] }> {
    const rows = await this.playbooks.ofBrands(workspaceId, brandIds);
    const checklist: PlaybookChecklist = { watch: [], active: [], contained: [], closed: [] };
    const seen = new Set<string>();
    for (const r of rows) {
      for (const s of STAGE_KEYS) {
        for (const i of r.checklist[s] ?? []) {
          if (seen.has(i.id)) continue;
          seen.add(i.id);
          checklist[s].push(i);
        }
      }
    }
    return { checklist, statements: rows.flatMap((r) => r.statements) };
  }
}

function playbookView(brandId: string, row: CrisisPlaybookRow | undefined): CrisisPlaybookDto {
  return {
    brandId,
    checklist: {
      watch: row?.checklist.watch ?? [],
      active: row?.checklist.active ?? [],
      contained: row?.checklist.contained ?? [],
      closed: row?.checklist.closed ?? [],
    },
    statements: row?.statements ?? [],
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}

export function badField(field: string, error: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, message: `Invalid request: ${field} ${error}`, details: [{ field, errors: [error] }] });
}
