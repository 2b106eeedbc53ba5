import type { EntityManager } from 'typeorm';
import type { JobQueue } from '../../../common/queue/job-queue';
import { RecurringJobs } from '../../../common/queue/recurring-job';
import type { AuthorsRepository } from '../../posts/authors.repository';
import type { CommentsRepository } from '../../posts/comments.repository';
import type { MentionsRepository } from '../../veille/mentions.repository';
import type { WorkspacesRepository } from '../../workspaces/workspaces.repository';
import type { AuditLogService } from '../audit/audit-log.service';
import type { InboxNotesRepository } from '../../inbox/inbox-notes.repository';
import type { PrivacySubjectRepository } from '../privacy-subject.repository';
import { RetentionService } from './retention.service';

const TX = { tx: 'retention' } as unknown as EntityManager;
const DAY = 24 * 3600 * 1000;

function world(workspaces: Array<{ id: string; days: number }>, touched: Record<string, number>) {
  const calls: Array<{ call: string; workspaceId: unknown; cutoff: unknown; tx: unknown }> = [];
  const step =
    (call: string) =>
    async (workspaceId: string, cutoff: Date, tx?: EntityManager): Promise<number> => {
      calls.push({ call, workspaceId, cutoff: cutoff.toISOString(), tx });
      return touched[call] ?? 0;
    };
  let transactions = 0;
  const audited: unknown[] = [];
  const service = new RetentionService(
    { withRetentionDays: async () => workspaces } as Pick<WorkspacesRepository, 'withRetentionDays'> as WorkspacesRepository,
    {
      transaction: async <T>(fn: (tx: EntityManager) => Promise<T>) => {
        transactions++;
        return fn(TX);
      },
    } as Pick<PrivacySubjectRepository, 'transaction'> as PrivacySubjectRepository,
    { redactPublishedBefore: step('comments') } as Pick<CommentsRepository, 'redactPublishedBefore'> as CommentsRepository,
    { purgeIdentitiesInactiveSince: step('authors') } as Pick<AuthorsRepository, 'purgeIdentitiesInactiveSince'> as AuthorsRepository,
    { redactPublishedBefore: step('mentions') } as Pick<MentionsRepository, 'redactPublishedBefore'> as MentionsRepository,
    { deleteOnItemsPublishedBefore: step('inbox_notes') } as Pick<InboxNotesRepository, 'deleteOnItemsPublishedBefore'> as InboxNotesRepository,
    new RecurringJobs({} as JobQueue, { role: 'all' }),
    { record: async (e: unknown) => void audited.push(e) } as Pick<AuditLogService, 'record'> as AuditLogService,
  );
  return { service, calls, audited, transactions: () => transactions };
}

describe('RetentionService (owners on fakes)', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('runs every owner step for the workspace in one transaction, with its cutoff, and audits the counts', async () => {
    const w = world([{ id: 'ws-1', days: 30 }], { comments: 2, inbox_notes: 1, mentions: 1 });
    const done = await w.service.runAll(now);
    const cutoff = new Date(now.getTime() - 30 * DAY).toISOString();
    expect(w.transactions()).toBe(1);
    expect(w.calls).toEqual(['comments', 'inbox_notes', 'mentions', 'authors'].map((call) => ({ call, workspaceId: 'ws-1', cutoff, tx: TX })));
    const counts = { comments: 2, inbox_notes: 1, mentions: 1, authors: 0 };
    expect(done).toEqual([{ workspaceId: 'ws-1', counts }]);
    expect(w.audited).toEqual([
      { workspaceId: 'ws-1', userId: null, userEmail: null, via: 'system', action: 'privacy.retention', metadata: { cutoff, counts } },
    ]);
  });

  it('skips a non-positive period and audits nothing when nothing was touched', async () => {
    const w = world([{ id: 'ws-0', days: 0 }, { id: 'ws-2', days: 7 }], {});
    expect(await w.service.runAll(now)).toEqual([]);
    expect(new Set(w.calls.map((c) => c.workspaceId))).toEqual(new Set(['ws-2']));
    expect(w.audited).toEqual([]);
  });
});
