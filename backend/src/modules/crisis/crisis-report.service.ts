import { Injectable } from '@nestjs/common';
import { PdfRenderer } from '../reports/render/pdf-renderer';
import { REPORT_CSS } from '../reports/render/report-css';
import { BrandsService } from '../brands/brands.service';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { CrisesService } from './crises.service';
import { CrisisFiguresService } from './crisis-figures.service';
import { CrisisStatementsRepository } from './crisis-statements.repository';
import { renderCrisisReportHtml, type CrisisReportView } from './crisis-report';

const WEEK = 7 * 24 * 3_600_000;

/** The post-crisis report: the reports module's print CSS and Chromium PDF path over the crisis's figures. */
@Injectable()
export class CrisisReportService {
  constructor(
    private readonly crises: CrisesService,
    private readonly statements: CrisisStatementsRepository,
    private readonly figures: CrisisFiguresService,
    private readonly brands: BrandsService,
    private readonly workspaces: WorkspacesRepository,
    private readonly pdf: PdfRenderer,
  ) {}

  async view(workspaceId: string, crisisId: string, now = new Date()): Promise<CrisisReportView> {
    const crisis = await this.crises.detail(workspaceId, crisisId, now);
    const row = await this.crises.get(workspaceId, crisisId);
    const r = await this.figures.range(row, now);
    const [influencers, base, themes, brandNames, tz, ws] = await Promise.all([
      this.figures.influencers(row, now),
      this.figures.baseline(row, r),
      this.figures.themes(row, r),
      Promise.all(row.brandIds.map(async (b) => (await this.brands.get(workspaceId, b)).name)),
      this.workspaces.timezoneOf(workspaceId),
      this.workspaces.settingsOf(workspaceId),
    ]);
    const during = await this.figures.totals(row, r.from, new Date(r.to.getTime() + 1));
    const after = row.closedAt ? await this.figures.totals(row, row.closedAt, new Date(Math.min(now.getTime(), row.closedAt.getTime() + WEEK))) : null;
    if (row.stage === 'closed') {
      // What the rules said over the last hour before closing (a closed crisis gets no live advice).
      crisis.recommendations = await this.figures.recommendations({ ...row, stage: 'contained' }, await this.statements.ofCrisis(crisisId), now);
    }
    return {
      crisis,
      influencers,
      brandNames,
      timezone: tz ?? 'UTC',
      language: ws?.language ?? 'fr',
      sentiment: { before: base, during, after },
      themes,
      generatedAt: now.toISOString(),
    };
  }

  async html(workspaceId: string, crisisId: string): Promise<string> {
    return renderCrisisReportHtml(await this.view(workspaceId, crisisId), REPORT_CSS);
  }

  async pdfOf(workspaceId: string, crisisId: string): Promise<{ pdf: Buffer; fileName: string }> {
    const v = await this.view(workspaceId, crisisId);
    const pdf = await this.pdf.render(renderCrisisReportHtml(v, REPORT_CSS), {
      brandName: v.brandNames.join(', '),
      title: `${v.language === 'fr' ? 'Bilan de crise' : 'Post-crisis report'} — ${v.crisis.title}`,
      pageLabel: 'Page',
    });
    const slug = v.crisis.title.normalize('NFD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'crisis';
    return { pdf, fileName: `vigie-crisis-${slug}.pdf` };
  }
}
