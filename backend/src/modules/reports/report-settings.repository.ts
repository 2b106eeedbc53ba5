import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { ReportSettings } from './report-settings.entity';
import type { ReportLanguage } from './report-figures';

/** The workspace a report is built in, with the brand's report language if set. */
export interface ReportContextRow {
  name: string;
  timezone: string;
  language: ReportLanguage;
  report_language: ReportLanguage | null;
}

export type ReportSettingsValues = Pick<ReportSettings, 'brandId' | 'workspaceId' | 'recipients' | 'autoSendHour' | 'language'>;

/**
 * The `report_settings` table (per brand: recipients, auto-send hour, language). Reads
 * `workspaces` read-only: name, time zone and language of the report.
 */
@Injectable()
export class ReportSettingsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(ReportSettings) private readonly settings: Repository<ReportSettings>,
  ) {}

  find(workspaceId: string, brandId: string): Promise<ReportSettings | null> {
    return this.settings.findOne({ where: { workspaceId, brandId } });
  }

  /** One row per brand: written again in full. */
  async save(values: ReportSettingsValues, at: Date): Promise<void> {
    await this.settings.upsert({ ...values, updatedAt: at }, ['brandId']);
  }

  async context(workspaceId: string, brandId: string): Promise<ReportContextRow | undefined> {
    const [ws] = (await this.db.query(
      `SELECT w.name, w.timezone, w.language, s.language AS report_language
       FROM workspaces w LEFT JOIN report_settings s ON s.brand_id = $2 AND s.workspace_id = w.id
       WHERE w.id = $1`,
      [workspaceId, brandId],
    )) as ReportContextRow[];
    return ws;
  }
}
