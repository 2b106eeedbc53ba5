import { Injectable } from '@nestjs/common';
import { monthName } from './render/format';
import { PdfRenderer } from './render/pdf-renderer';
import { REPORT_CSS } from './render/report-css';
import { renderReportHtml } from './render/report-html';
import { renderReportXlsx } from './render/report-xlsx';
import { reportTitle } from './render/section-titles';
import type { Report } from './report.entity';
import { summarize } from './summaries';

export const REPORT_CSS_PATH = '/api/report-assets/report.css';

/** The three renderings of one stored report: web page, PDF (from that page) and XLSX. */
@Injectable()
export class ReportOutputs {
  constructor(readonly pdf: PdfRenderer) {}

  html(report: Report, mode: 'web' | 'print' = 'web'): string {
    return renderReportHtml(
      {
        status: report.status,
        sentAt: report.sentAt,
        figures: report.figures,
        recommendations: report.recommendations.items,
        summaries: summarize(report.figures, report.recommendations.items),
      },
      { css: mode === 'web' ? { href: REPORT_CSS_PATH } : { inline: REPORT_CSS } },
    );
  }

  async pdfOf(report: Report): Promise<Buffer> {
    const l = report.figures.language;
    return this.pdf.render(this.html(report, 'print'), {
      brandName: report.figures.brand.name,
      title: `${reportTitle(l)} ${monthName(report.month, l)}`,
      pageLabel: l === 'fr' ? 'Page' : 'Page',
    });
  }

  xlsxOf(report: Report): Promise<Buffer> {
    return renderReportXlsx(report.figures, report.recommendations.items, summarize(report.figures, report.recommendations.items));
  }

  fileName(report: Report, ext: string): string {
    const slug = report.figures.brand.name.normalize('NFD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'brand';
    return `vigie-${slug}-${report.month}.${ext}`;
  }
}
