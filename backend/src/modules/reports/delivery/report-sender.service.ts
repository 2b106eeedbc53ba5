import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { ChromiumMissingError } from '../render/pdf-renderer';
import { renderReportEmail } from '../render/report-email';
import type { ReportDelivery } from '../report-delivery.entity';
import { ReportDeliveriesRepository } from '../report-deliveries.repository';
import { ReportOutputs } from '../report-outputs.service';
import { ReportSettingsService } from '../report-settings.service';
import { ReportsService } from '../reports.service';
import { summarize } from '../summaries';
import { MailerService } from '../../../common/mail/mailer.service';
import { readEmlBodies, type EmlBodies } from '../../../common/mail/read-eml';

/** Sends a report to its brand's recipients: HTML summary, PDF attached, link to the web page. */
@Injectable()
export class ReportSender {
  private readonly logger = new Logger('reports');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: ReportDeliveriesRepository,
    private readonly reports: ReportsService,
    private readonly settings: ReportSettingsService,
    private readonly outputs: ReportOutputs,
    private readonly mailer: MailerService,
  ) {}

  async send(workspaceId: string, reportId: string, userId: string | null) {
    const report = await this.reports.get(workspaceId, reportId);
    const { recipients } = await this.settings.get(workspaceId, report.brandId);
    if (!recipients.length) {
      throw new BadRequestException({
        statusCode: 400,
        message: `No recipients for this brand's report: set them with PUT /api/workspaces/${workspaceId}/brands/${report.brandId}/report-settings`,
        details: [{ field: 'recipients', errors: ['at least one recipient is needed'] }],
      });
    }
    let pdf: Buffer | null = null;
    try {
      pdf = await this.outputs.pdfOf(report);
    } catch (e) {
      // Without Chromium the e-mail still goes out, with the link instead of the attachment.
      if (!(e instanceof ChromiumMissingError)) throw e;
      this.logger.warn('sending a report without its PDF: Chromium is missing');
    }
    const link = `${this.config.publicUrl}/api/workspaces/${workspaceId}/reports/${report.id}/html`;
    const mail = renderReportEmail(report.figures, summarize(report.figures, report.recommendations.items), report.recommendations.items, link, pdf !== null);
    const sent = await this.mailer.send({
      to: recipients,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      attachments: pdf ? [{ filename: this.outputs.fileName(report, 'pdf'), content: pdf, contentType: 'application/pdf' }] : [],
      tag: `report-${report.month}`,
    });
    const at = new Date();
    await this.reports.markSent(report, recipients, userId, at);
    const delivery = await this.deliveries.insert({
      workspaceId,
      reportId: report.id,
      recipients,
      subject: mail.subject,
      via: sent.via,
      messageId: sent.messageId,
      outboxFile: sent.outboxFile,
      pdfAttached: pdf !== null,
      sentBy: userId,
    });
    return { reportId: report.id, status: 'sent' as const, sentAt: at, sentTo: recipients, via: sent.via, pdfAttached: pdf !== null, deliveryId: delivery.id };
  }

  /** The workspace's report e-mails, newest first (the Outbox page). */
  async outbox(workspaceId: string) {
    const rows = await this.deliveries.latest(workspaceId, 200);
    return rows.map((d) => this.outboxItem(d));
  }

  /** One report e-mail with its bodies, read back from its .eml file (none kept after SMTP). */
  async outboxMessage(workspaceId: string, id: string) {
    const d = await this.deliveries.find(workspaceId, id);
    if (!d) throw new NotFoundException('Message not found');
    return { ...this.outboxItem(d), ...(await this.bodiesOf(d)) };
  }

  private outboxItem(d: ReportDelivery) {
    return {
      id: d.id,
      reportId: d.reportId,
      recipients: d.recipients,
      subject: d.subject,
      via: d.via,
      // The path stays on the server; the file name is enough to find it in <dataDir>/outbox/.
      outboxFile: d.outboxFile ? d.outboxFile.split('/').pop() : null,
      pdfAttached: d.pdfAttached,
      createdAt: d.createdAt,
    };
  }

  private async bodiesOf(d: ReportDelivery): Promise<EmlBodies> {
    if (d.via !== 'outbox' || !d.outboxFile) return { text: null, html: null };
    // Only files of the outbox folder, by their name (the stored path may predate a moved data dir).
    const file = path.join(this.mailer.outboxDir, path.basename(d.outboxFile));
    const eml = await readFile(file, 'utf8').catch(() => null);
    return eml === null ? { text: null, html: null } : readEmlBodies(eml);
  }
}
