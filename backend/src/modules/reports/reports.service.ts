import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ReportListItemDto } from '@vigie/contracts';
import { type Repository } from 'typeorm';
import type { Wire } from '../../common/http/api-reply';
import { BrandsService } from '../brands/brands.service';
import { recommend } from './recommendations';
import { recommendationInput } from './recommendations/from-figures';
import { applyEdits, mergeRecommendations } from './recommendations/merge';
import { ReportBuilder } from './report-builder.service';
import { Report } from './report.entity';
import { summarize } from './summaries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stored monthly reports: (re)generation of drafts, archive, recommendation edits. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectRepository(Report) private readonly reports: Repository<Report>,
    private readonly builder: ReportBuilder,
    private readonly brands: BrandsService,
  ) {}

  /**
   * Builds the brand's report for the month, or rebuilds its draft (CM edits to the
   * recommendations are kept). A sent report keeps the figures it was sent with: 409.
   */
  async generate(workspaceId: string, brandId: string, month: string, userId: string | null): Promise<Report> {
    await this.brands.get(workspaceId, brandId);
    const existing = await this.reports.findOne({ where: { workspaceId, brandId, month } });
    if (existing?.status === 'sent') {
      throw new ConflictException(`The ${month} report was already sent: its figures are frozen. Open it from the archive.`);
    }
    const figures = await this.builder.build(workspaceId, brandId, month);
    const recommendations = mergeRecommendations(existing?.recommendations ?? null, recommend(recommendationInput(figures)), figures.language);
    // Upsert on (brand_id, month): two concurrent generations end with one row, and a report
    // sent meanwhile is left untouched (its figures stay frozen).
    await this.reports.query(
      `INSERT INTO reports (workspace_id, brand_id, month, status, language, figures, recommendations, generated_at, generated_by)
       VALUES ($1, $2, $3, 'draft', $4, $5, $6, now(), $7)
       ON CONFLICT (brand_id, month) DO UPDATE SET language = EXCLUDED.language, figures = EXCLUDED.figures,
         recommendations = EXCLUDED.recommendations, generated_at = now(), generated_by = EXCLUDED.generated_by,
         updated_at = now()
       WHERE reports.status = 'draft'`,
      [workspaceId, brandId, month, figures.language, JSON.stringify(figures), JSON.stringify(recommendations), userId],
    );
    return this.reports.findOneOrFail({ where: { workspaceId, brandId, month } });
  }

  /** True when the brand has a report (draft or sent) for this month. */
  async exists(workspaceId: string, brandId: string, month: string): Promise<boolean> {
    return this.reports.exists({ where: { workspaceId, brandId, month } });
  }

  async list(workspaceId: string, brandId?: string) {
    // The archive reads no figures JSON, only what the list shows.
    const rows = (await this.reports.query(
      `SELECT r.id, r.brand_id AS "brandId", b.name AS "brandName", r.month, r.status, r.language,
         r.generated_at AS "generatedAt", r.sent_at AS "sentAt", r.sent_to AS "sentTo"
       FROM reports r JOIN brands b ON b.id = r.brand_id
       WHERE r.workspace_id = $1 AND ($2::uuid IS NULL OR r.brand_id = $2)
       ORDER BY r.month DESC, b.name`,
      [workspaceId, brandId ?? null],
    )) as Array<Wire<ReportListItemDto>>;
    return rows;
  }

  /** Scoped lookup: a report of another workspace is a 404. */
  async get(workspaceId: string, reportId: string): Promise<Report> {
    if (!UUID.test(reportId)) throw new NotFoundException('Report not found');
    const report = await this.reports.findOne({ where: { workspaceId, id: reportId } });
    if (!report) throw new NotFoundException('Report not found');
    return report;
  }

  /** The report as JSON: frozen figures, recommendations and the sections' written summaries. */
  view(report: Report) {
    return {
      id: report.id,
      workspaceId: report.workspaceId,
      brandId: report.brandId,
      month: report.month,
      status: report.status,
      language: report.language,
      generatedAt: report.generatedAt,
      sentAt: report.sentAt,
      sentTo: report.sentTo,
      figures: report.figures,
      recommendations: report.recommendations.items,
      summaries: summarize(report.figures, report.recommendations.items),
    };
  }

  async updateRecommendations(workspaceId: string, reportId: string, edits: Array<{ id?: string; text: string }>) {
    const report = await this.get(workspaceId, reportId);
    if (report.status === 'sent') throw new ConflictException('This report was already sent: its recommendations are frozen.');
    report.recommendations = applyEdits(report.recommendations, edits);
    await this.reports.update({ id: report.id, workspaceId }, { recommendations: report.recommendations, updatedAt: new Date() });
    return report;
  }

  async markSent(report: Report, recipients: string[], userId: string | null, at: Date): Promise<void> {
    await this.reports.update(
      { id: report.id, workspaceId: report.workspaceId },
      { status: 'sent', sentAt: at, sentTo: recipients, sentBy: userId, updatedAt: at },
    );
  }
}
