import { Injectable } from '@nestjs/common';
import { BrandsService } from '../brands/brands.service';
import { ReportSettingsRepository } from './report-settings.repository';
import type { PutReportSettingsDto } from './reports.dto';

@Injectable()
export class ReportSettingsService {
  constructor(
    private readonly settings: ReportSettingsRepository,
    private readonly brands: BrandsService,
  ) {}

  async get(workspaceId: string, brandId: string) {
    await this.brands.get(workspaceId, brandId);
    const row = await this.settings.find(workspaceId, brandId);
    return {
      brandId,
      recipients: row?.recipients ?? [],
      autoSendHour: row?.autoSendHour ?? null,
      language: row?.language ?? null,
    };
  }

  async put(workspaceId: string, brandId: string, dto: PutReportSettingsDto) {
    await this.brands.get(workspaceId, brandId);
    const recipients = [...new Set(dto.recipients.map((r) => r.trim().toLowerCase()))];
    await this.settings.save({ brandId, workspaceId, recipients, autoSendHour: dto.autoSendHour ?? null, language: dto.language ?? null }, new Date());
    return this.get(workspaceId, brandId);
  }
}
