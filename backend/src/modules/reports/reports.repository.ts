import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ReportListItemDto } from '@vigie/contracts';
import type { EntityManager, Repository } from 'typeorm';
import type { Wire } from '../../common/http/api-reply';
import type { ReportFigures, StoredRecommendations } from './report-figures';
import { Report } from './report.entity';

/** What erasure reads of a report to redact quotes of a person (privacy orchestrates). */
export interface ReportDocumentRow {
  id: string;
  figures: unknown;
  recommendations: unknown;
}

/** The `reports` table. Reads `brands` (read-only) for the archive's brand names and the monthly schedule. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectRepository(Report) private readonly reports: Repository<Report>) {}

  find(workspaceId: string, brandId: string, month: string): Promise<Report | null> {
    return this.reports.findOne({ where: { workspaceId, brandId, month } });
  }

  get(workspaceId: string, brandId: string, month: string): Promise<Report> {
    return this.reports.findOneOrFail({ where: { workspaceId, brandId, month } });
  }

  exists(workspaceId: string, brandId: string, month: string): Promise<boolean> {
    return this.reports.exists({ where: { workspaceId, brandId, month } });
  }

  findById(workspaceId: string, id: string): Promise<Report | null> {
    return this.reports.findOne({ where: { workspaceId, id } });
  }

  /**
   * Upsert on (brand_id, month): two concurrent generations end with one row, and a report
   * sent meanwhile is left untouched (its figures stay frozen).
   */
  async upsertDraft(
    workspaceId: string,
    brandId: string,
    month: string,
    figures: ReportFigures,
    recommendations: StoredRecommendations,
    userId: string | null,
  ): Promise<void> {
    await this.reports.query(
      `INSERT INTO reports (workspace_id, brand_id, month, status, language, figures, recommendations, generated_at, generated_by)
       VALUES ($1, $2, $3, 'draft', $4, $5, $6, now(), $7)
       ON CONFLICT (brand_id, month) DO UPDATE SET language = EXCLUDED.language, figures = EXCLUDED.figures,
         recommendations = EXCLUDED.recommendations, generated_at = now(), generated_by = EXCLUDED.generated_by,
         updated_at = now()
       WHERE reports.status = 'draft'`,
      [workspaceId, brandId, month, figures.language, JSON.stringify(figures), JSON.stringify(recommendations), userId],
    );
  }

  /** The archive reads no figures JSON, only what the list shows. */
  async list(workspaceId: string, brandId: string | null): Promise<Array<Wire<ReportListItemDto>>> {
    return (await this.reports.query(
      `SELECT r.id, r.brand_id AS "brandId", b.name AS "brandName", r.month, r.status, r.language,
         r.generated_at AS "generatedAt", r.sent_at AS "sentAt", r.sent_to AS "sentTo"
       FROM reports r JOIN brands b ON b.id = r.brand_id
       WHERE r.workspace_id = $1 AND ($2::uuid IS NULL OR r.brand_id = $2)
       ORDER BY r.month DESC, b.name`,
      [workspaceId, brandId],
    )) as Array<Wire<ReportListItemDto>>;
  }

  async setRecommendations(workspaceId: string, id: string, recommendations: StoredRecommendations): Promise<void> {
    await this.reports.update({ id, workspaceId }, { recommendations, updatedAt: new Date() });
  }

  async markSent(workspaceId: string, id: string, recipients: string[], userId: string | null, at: Date): Promise<void> {
    await this.reports.update({ id, workspaceId }, { status: 'sent', sentAt: at, sentTo: recipients, sentBy: userId, updatedAt: at });
  }

  /** Own brands of the workspace without a report for the month, by name (monthly generation). */
  async brandsMissingMonth(workspaceId: string, month: string): Promise<Array<{ id: string }>> {
    return (await this.reports.query(
      `SELECT b.id FROM brands b
           WHERE b.workspace_id = $1 AND b.kind = 'own'
             AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.brand_id = b.id AND r.month = $2)
           ORDER BY b.name`,
      [workspaceId, month],
    )) as Array<{ id: string }>;
  }

  /** Drafts of the month whose brand auto-sends at or before this hour and has recipients. */
  async draftsDueToSend(workspaceId: string, month: string, hour: number): Promise<Array<{ id: string }>> {
    return (await this.reports.query(
      `SELECT r.id FROM reports r JOIN report_settings s ON s.brand_id = r.brand_id
         WHERE r.workspace_id = $1 AND r.month = $2 AND r.status = 'draft'
           AND s.auto_send_hour IS NOT NULL AND s.auto_send_hour <= $3 AND cardinality(s.recipients) > 0`,
      [workspaceId, month, hour],
    )) as Array<{ id: string }>;
  }

  /** Every report's JSON documents of the workspace (erasure redacts quotes of a person). */
  async documents(workspaceId: string, tx?: EntityManager): Promise<ReportDocumentRow[]> {
    return (await (tx ?? this.reports.manager).query(
      `SELECT id::text AS id, figures, recommendations FROM reports WHERE workspace_id = $1`,
      [workspaceId],
    )) as ReportDocumentRow[];
  }

  /** Writes redacted documents back (only the columns given). */
  async setDocuments(id: string, set: Partial<Pick<ReportDocumentRow, 'figures' | 'recommendations'>>, tx?: EntityManager): Promise<void> {
    const cols = (['figures', 'recommendations'] as const).filter((c) => c in set);
    if (!cols.length) return;
    await (tx ?? this.reports.manager).query(
      `UPDATE reports SET ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id::text = $1`,
      [id, ...cols.map((c) => JSON.stringify(set[c]))],
    );
  }
}
