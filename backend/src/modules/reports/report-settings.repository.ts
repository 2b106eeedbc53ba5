import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ReportLanguage } from './report-figures';

/** The workspace a report is built in, with the brand's report language if set. */
export interface ReportContextRow {
  name: string;
  timezone: string;
  language: ReportLanguage;
  report_language: ReportLanguage | null;
}

/**
 * Read model over `report_settings` (the entity's own reads/writes stay in ReportSettingsService
 * through TypeORM). Reads `workspaces` read-only: name, time zone and language of the report.
 */
@Injectable()
export class ReportSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
