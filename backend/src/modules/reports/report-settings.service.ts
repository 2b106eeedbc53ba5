import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { BrandsService } from '../brands/brands.service';
import { ReportSettings } from './report-settings.entity';
import type { PutReportSettingsDto } from './reports.dto';

@Injectable()
export class ReportSettingsService {
  constructor(
    @InjectRepository(ReportSettings) private readonly settings: Repository<ReportSettings>,
    private readonly brands: BrandsService,
  ) {}

  async get(workspaceId: string, brandId: string) {
    await this.brands.get(workspaceId, brandId);
    const row = await this.settings.findOne({ where: { workspaceId, brandId } });
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
    await this.settings.upsert(
      { brandId, workspaceId, recipients, autoSendHour: dto.autoSendHour ?? null, language: dto.language ?? null, updatedAt: new Date() },
      ['brandId'],
    );
    return this.get(workspaceId, brandId);
  }
}
