import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobQueue } from '../../../common/queue/job-queue';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { ReportSender } from '../delivery/report-sender.service';
import { ReportsService } from '../reports.service';
import { dueMonth, GENERATE_HOUR } from './local-time';

export const REPORTS_QUEUE = 'reports';
export const GENERATE_JOB = 'generate';
export const SEND_JOB = 'send';
export const TICK_JOB = 'tick';
const TICK_EVERY_MS = 60_000;

export interface GenerateJobData {
  workspaceId: string;
  brandId: string;
  month: string;
}
export interface SendJobData {
  workspaceId: string;
  reportId: string;
}

/** BullMQ job ids may not contain ':'; one id per brand and month makes enqueueing idempotent. */
export const generateJobId = (brandId: string, month: string) => `report-${brandId}-${month}`;
export const sendJobId = (reportId: string) => `report-send-${reportId}`;

/**
 * Monthly lifecycle: on the 1st at 06:00 (workspace time) every own brand gets last month's
 * draft; at the brand's auto-send hour (if set) the draft is sent. `runDue(now)` takes the
 * clock as an argument (tests pass a fake one); a minute tick on worker processes calls it.
 * Idempotent: a brand that already has the month's report is skipped, and job ids dedupe.
 */
@Injectable()
export class ReportScheduler implements OnModuleInit {
  private readonly logger = new Logger('reports');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: ReportsService,
    private readonly sender: ReportSender,
  ) {}

  async onModuleInit(): Promise<void> {
    this.queue.defineQueue({ name: REPORTS_QUEUE, concurrency: 1, attempts: 3, backoffMs: 30_000 });
    this.queue.register<GenerateJobData>(REPORTS_QUEUE, GENERATE_JOB, async (d) => {
      // Rerun of a job (or two workers): never rebuild a report that exists, the CM may be editing it.
      if (await this.reports.exists(d.workspaceId, d.brandId, d.month)) return;
      await this.reports.generate(d.workspaceId, d.brandId, d.month, null);
    });
    this.queue.register<SendJobData>(REPORTS_QUEUE, SEND_JOB, async (d) => {
      const report = await this.reports.get(d.workspaceId, d.reportId);
      if (report.status === 'sent') return;
      await this.sender.send(d.workspaceId, d.reportId, null);
    });
    this.queue.register<Record<string, never>>(REPORTS_QUEUE, TICK_JOB, async () => {
      await this.runDue(new Date());
    });
    if (this.config.role !== 'api') {
      await this.queue.every(REPORTS_QUEUE, TICK_JOB, TICK_EVERY_MS, {}, 'reports-tick');
    }
  }

  /** Enqueues what is due at `now`; returns the number of generate and send jobs added. */
  async runDue(now: Date): Promise<{ generate: number; send: number }> {
    const workspaces = (await this.db.query('SELECT id, timezone FROM workspaces ORDER BY created_at')) as Array<{
      id: string;
      timezone: string;
    }>;
    let generate = 0;
    let send = 0;
    for (const ws of workspaces) {
      const due = dueMonth(now, ws.timezone);
      if (!due) continue;
      if (due.hour >= GENERATE_HOUR) {
        const brands = (await this.db.query(
          `SELECT b.id FROM brands b
           WHERE b.workspace_id = $1 AND b.kind = 'own'
             AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.brand_id = b.id AND r.month = $2)
           ORDER BY b.name`,
          [ws.id, due.month],
        )) as Array<{ id: string }>;
        for (const b of brands) {
          await this.queue.add<GenerateJobData>(REPORTS_QUEUE, GENERATE_JOB, { workspaceId: ws.id, brandId: b.id, month: due.month }, {
            jobId: generateJobId(b.id, due.month),
          });
          generate++;
        }
      }
      const toSend = (await this.db.query(
        `SELECT r.id FROM reports r JOIN report_settings s ON s.brand_id = r.brand_id
         WHERE r.workspace_id = $1 AND r.month = $2 AND r.status = 'draft'
           AND s.auto_send_hour IS NOT NULL AND s.auto_send_hour <= $3 AND cardinality(s.recipients) > 0`,
        [ws.id, due.month, due.hour],
      )) as Array<{ id: string }>;
      for (const r of toSend) {
        await this.queue.add<SendJobData>(REPORTS_QUEUE, SEND_JOB, { workspaceId: ws.id, reportId: r.id }, { jobId: sendJobId(r.id) });
        send++;
      }
    }
    if (generate || send) this.logger.log(`reports due: ${generate} to generate, ${send} to send`);
    return { generate, send };
  }
}
