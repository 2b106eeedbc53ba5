import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../../common/queue/job-queue';
import { RecurringJobs } from '../../../common/queue/recurring-job';
import { WorkspacesRepository } from '../../workspaces/workspaces.repository';
import { ReportSender } from '../delivery/report-sender.service';
import { ReportsRepository } from '../reports.repository';
import { ReportsService } from '../reports.service';
import { dueMonth, GENERATE_HOUR } from './local-time';

export const REPORTS_QUEUE = 'reports';
const REPORTS_QUEUE_SETTINGS = { name: REPORTS_QUEUE, concurrency: 1, attempts: 3, backoffMs: 30_000 };
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
    private readonly workspaces: WorkspacesRepository,
    private readonly reportRows: ReportsRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
    private readonly recurring: RecurringJobs,
    private readonly reports: ReportsService,
    private readonly sender: ReportSender,
  ) {}

  async onModuleInit(): Promise<void> {
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
    await this.recurring.register({ queue: REPORTS_QUEUE_SETTINGS, name: TICK_JOB, everyMs: TICK_EVERY_MS, schedulerId: 'reports-tick' }, async () => {
      await this.runDue(new Date());
    });
  }

  /** Enqueues what is due at `now`; returns the number of generate and send jobs added. */
  async runDue(now: Date): Promise<{ generate: number; send: number }> {
    const workspaces = await this.workspaces.timezones();
    let generate = 0;
    let send = 0;
    for (const ws of workspaces) {
      const due = dueMonth(now, ws.timezone);
      if (!due) continue;
      if (due.hour >= GENERATE_HOUR) {
        const brands = await this.reportRows.brandsMissingMonth(ws.id, due.month);
        for (const b of brands) {
          await this.queue.add<GenerateJobData>(REPORTS_QUEUE, GENERATE_JOB, { workspaceId: ws.id, brandId: b.id, month: due.month }, {
            jobId: generateJobId(b.id, due.month),
          });
          generate++;
        }
      }
      const toSend = await this.reportRows.draftsDueToSend(ws.id, due.month, due.hour);
      for (const r of toSend) {
        await this.queue.add<SendJobData>(REPORTS_QUEUE, SEND_JOB, { workspaceId: ws.id, reportId: r.id }, { jobId: sendJobId(r.id) });
        send++;
      }
    }
    if (generate || send) this.logger.log(`reports due: ${generate} to generate, ${send} to send`);
    return { generate, send };
  }
}
