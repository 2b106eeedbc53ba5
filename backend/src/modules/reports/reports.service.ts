import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { ReportListItemDto } from '@vigie/contracts';
import type { Wire } from '../../common/http/api-reply';
import { BrandsService } from '../brands/brands.service';
import { recommend } from './recommendations';
import { recommendationInput } from './recommendations/from-figures';
import { applyEdits, mergeRecommendations } from './recommendations/merge';
import { ReportBuilder } from './report-builder.service';
import type { Report } from './report.entity';
import { ReportsRepository } from './reports.repository';
import { summarize } from './summaries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stored monthly reports: (re)generation of drafts, archive, recommendation edits. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly builder: ReportBuilder,
    private readonly brands: BrandsService,
  ) {}

  /**
   * Builds the brand's report for the month, or rebuilds its draft (CM edits to the
   * recommendations are kept). A sent report keeps the figures it was sent with: 409.
   */
  async generate(workspaceId: string, brandId: string, month: string, userId: string | null): Promise<Report> {
    await this.brands.get(workspaceId, brandId);
    const existing = await this.reports.find(workspaceId, brandId, month);
    if (existing?.status === 'sent') {
      throw new ConflictException(`The ${month} report was already sent: its figures are frozen. Open it from the archive.`);
    }
    const figures = await this.builder.build(workspaceId, brandId, month);
    const recommendations = mergeRecommendations(existing?.recommendations ?? null, recommend(recommendationInput(figures)), figures.language);
    // Upsert: a report sent meanwhile is left untouched (ReportsRepository.upsertDraft).
    await this.reports.upsertDraft(workspaceId, brandId, month, figures, recommendations, userId);
    return this.reports.get(workspaceId, brandId, month);
  }

  /** True when the brand has a report (draft or sent) for this month. */
  async exists(workspaceId: string, brandId: string, month: string): Promise<boolean> {
    return this.reports.exists(workspaceId, brandId, month);
  }

  /** The archive: what the list shows, no figures JSON. */
  list(workspaceId: string, brandId?: string): Promise<Array<Wire<ReportListItemDto>>> {
    return this.reports.list(workspaceId, brandId ?? null);
  }

  /** Scoped lookup: a report of another workspace is a 404. */
  async get(workspaceId: string, reportId: string): Promise<Report> {
    if (!UUID.test(reportId)) throw new NotFoundException('Report not found');
    const report = await this.reports.findById(workspaceId, reportId);
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
    await this.reports.setRecommendations(workspaceId, report.id, report.recommendations);
    return report;
  }

  async markSent(report: Report, recipients: string[], userId: string | null, at: Date): Promise<void> {
    await this.reports.markSent(report.workspaceId, report.id, recipients, userId, at);
  }
}
