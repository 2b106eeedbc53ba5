import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobQueue } from '../../../common/queue/job-queue';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { AuditLogService } from '../audit/audit-log.service';
import { RETENTION_STEPS } from './retention-steps';

export const PRIVACY_QUEUE = 'privacy';
export const RETENTION_JOB = 'retention';
const DAY_MS = 24 * 3600 * 1000;

export type RetentionCounts = Record<string, number>;

/**
 * Daily job (worker processes only): for every workspace with `settings.retentionDays`, empties
 * texts and identities older than the period (RETENTION_STEPS) in one transaction per workspace,
 * and records the counts in the audit log (action `privacy.retention`, no user).
 */
@Injectable()
export class RetentionService implements OnModuleInit {
  private readonly logger = new Logger('retention');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditLogService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.queue.defineQueue({ name: PRIVACY_QUEUE, concurrency: 1, attempts: 3, backoffMs: 60_000 });
    this.queue.register(PRIVACY_QUEUE, RETENTION_JOB, async () => {
      const done = await this.runAll();
      if (done.length) this.logger.log(`retention applied in ${done.length} workspace(s)`);
    });
    if (this.config.role !== 'api') {
      await this.queue.every(PRIVACY_QUEUE, RETENTION_JOB, DAY_MS, {}, 'privacy-retention-daily');
    }
  }

  /** Every workspace with a retention period; returns what was done where something was. */
  async runAll(now = new Date()): Promise<Array<{ workspaceId: string; counts: RetentionCounts }>> {
    const rows = (await this.db.query(
      `SELECT id, (settings->>'retentionDays')::int AS days FROM workspaces
       WHERE jsonb_typeof(settings->'retentionDays') = 'number'`,
    )) as Array<{ id: string; days: number }>;
    const out: Array<{ workspaceId: string; counts: RetentionCounts }> = [];
    for (const w of rows) {
      if (!(w.days > 0)) continue;
      const counts = await this.apply(w.id, new Date(now.getTime() - w.days * DAY_MS));
      if (Object.values(counts).some((n) => n > 0)) out.push({ workspaceId: w.id, counts });
    }
    return out;
  }

  /** One workspace, one cutoff, all steps in one transaction. */
  async apply(workspaceId: string, cutoff: Date): Promise<RetentionCounts> {
    const counts: RetentionCounts = {};
    await this.db.transaction(async (m) => {
      for (const step of RETENTION_STEPS) {
        const res = (await m.query(step.sql, [workspaceId, cutoff.toISOString()])) as [unknown, number];
        counts[step.table] = res[1] ?? 0;
      }
    });
    if (Object.values(counts).some((n) => n > 0)) {
      await this.audit.record({
        workspaceId,
        userId: null,
        userEmail: null,
        via: 'system',
        action: 'privacy.retention',
        metadata: { cutoff: cutoff.toISOString(), counts },
      });
    }
    return counts;
  }
}
