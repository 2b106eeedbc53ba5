import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { RecurringJobs } from '../../../common/queue/recurring-job';
import { InboxNotesRepository } from '../../inbox/inbox-notes.repository';
import { AuthorsRepository } from '../../posts/authors.repository';
import { CommentsRepository } from '../../posts/comments.repository';
import { MentionsRepository } from '../../veille/mentions.repository';
import { WorkspacesRepository } from '../../workspaces/workspaces.repository';
import { AuditLogService } from '../audit/audit-log.service';
import { PrivacySubjectRepository } from '../privacy-subject.repository';
import { RETENTION_STEPS, type RetentionOwners } from './retention-steps';

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
  private readonly owners: RetentionOwners;

  constructor(
    private readonly workspaces: WorkspacesRepository,
    private readonly privacy: PrivacySubjectRepository,
    comments: CommentsRepository,
    authors: AuthorsRepository,
    mentions: MentionsRepository,
    inboxNotes: InboxNotesRepository,
    private readonly recurring: RecurringJobs,
    private readonly audit: AuditLogService,
  ) {
    this.owners = { comments, authors, mentions, inboxNotes };
  }

  async onModuleInit(): Promise<void> {
    const queue = { name: PRIVACY_QUEUE, concurrency: 1, attempts: 3, backoffMs: 60_000 };
    await this.recurring.register({ queue, name: RETENTION_JOB, everyMs: DAY_MS, schedulerId: 'privacy-retention-daily' }, async () => {
      const done = await this.runAll();
      if (done.length) this.logger.log(`retention applied in ${done.length} workspace(s)`);
    });
  }

  /** Every workspace with a retention period; returns what was done where something was. */
  async runAll(now = new Date()): Promise<Array<{ workspaceId: string; counts: RetentionCounts }>> {
    const rows = await this.workspaces.withRetentionDays();
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
    await this.privacy.transaction(async (tx) => {
      for (const step of RETENTION_STEPS) counts[step.table] = await step.run(this.owners, workspaceId, cutoff, tx);
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
