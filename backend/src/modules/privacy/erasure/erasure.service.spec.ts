import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../../config/app-config';
import type { AuthorsRepository } from '../../posts/authors.repository';
import type { CommentsRepository } from '../../posts/comments.repository';
import type { ReportsRepository } from '../../reports/reports.repository';
import type { AlertsRepository } from '../../veille/alerts.repository';
import type { MentionsRepository } from '../../veille/mentions.repository';
import type { InboxNotesRepository } from '../../inbox/inbox-notes.repository';
import type { PrivacySubjectRepository } from '../privacy-subject.repository';
import type { ErasureLogRepository } from './erasure-log.repository';
import { ErasureService } from './erasure.service';
import { REDACTED } from './redact-json';
import type { PrivacySubject } from './subject';

const WS = '11111111-1111-4111-8111-111111111111';
/** Stands for the one transaction: every owner call must receive this very object. */
const TX = { tx: 'erasure' } as unknown as EntityManager;

/** Records each owner call in order, with the transaction it ran in. */
function world() {
  const calls: Array<{ call: string; tx: unknown; args: unknown[] }> = [];
  const rec =
    <R>(call: string, answer: R) =>
    async (...args: unknown[]): Promise<R> => {
      calls.push({ call, tx: args[args.length - 1], args: args.slice(0, -1) });
      return answer;
    };
  let transactions = 0;
  const subjects: Pick<
    PrivacySubjectRepository,
    'transaction' | 'authorById' | 'authorsByHandle' | 'mentionAuthorIds' | 'identityStrings' | 'texts'
  > = {
    transaction: async <T>(fn: (tx: EntityManager) => Promise<T>) => {
      transactions++;
      return fn(TX);
    },
    authorById: rec('authors.byId', [{ id: '42', platform: 'mastodon', external_id: 'acct-jeanne-000111', handle: '@Jeanne_R' }]),
    authorsByHandle: rec('authors.byHandle', []),
    mentionAuthorIds: rec('mentions.authorIds', ['acct-jeanne-000111', 'acct-jeanne-alt-999']),
    identityStrings: rec('needles.identities', ['Jeanne Rivière', 'jeanne_r']),
    texts: rec('needles.texts', ['Toujours pas reçu ma commande 4471']),
  };
  const comments: Pick<CommentsRepository, 'redactOfAuthors'> = { redactOfAuthors: rec('comments.redactOfAuthors', 3) };
  const authors: Pick<AuthorsRepository, 'eraseIdentities' | 'insertErasedTombstones'> = {
    eraseIdentities: rec('authors.eraseIdentities', 1),
    insertErasedTombstones: rec('authors.insertErasedTombstones', 1),
  };
  const reportDocs = [
    { id: 'r1', figures: { quote: 'Jeanne Rivière a écrit' }, recommendations: { items: [] } },
    { id: 'r2', figures: { quote: 'rien à voir' }, recommendations: { items: [] } },
  ];
  const reports: Pick<ReportsRepository, 'documents' | 'setDocuments'> = {
    documents: rec('reports.documents', reportDocs),
    setDocuments: rec('reports.setDocuments', undefined),
  };
  const inboxNotes: Pick<InboxNotesRepository, 'deleteOnCommentsOfAuthors'> = {
    deleteOnCommentsOfAuthors: rec('inbox_notes.deleteOnCommentsOf', 2),
  };
  const mentions: Pick<MentionsRepository, 'redactOfSubject'> = { redactOfSubject: rec('mentions.redactOf', 4) };
  const alerts: Pick<AlertsRepository, 'documentsOf' | 'setDocument'> = {
    documentsOf: rec('alerts.documents', [
      { id: 'a1', details: { sample: 'Toujours pas reçu ma commande 4471' }, title: 'Pic de mentions', key: 'author:mastodon:acct-jeanne-000111' },
    ]),
    setDocument: rec('alerts.setDocument', undefined),
  };
  const log: Pick<ErasureLogRepository, 'insert'> = { insert: rec('erasure_log.insert', 'erasure-1') };
  const config = { secretKey: Buffer.alloc(32, 7) } as AppConfig;
  const service = new ErasureService(
    subjects as PrivacySubjectRepository,
    log as ErasureLogRepository,
    comments as CommentsRepository,
    authors as AuthorsRepository,
    reports as ReportsRepository,
    mentions as MentionsRepository,
    alerts as AlertsRepository,
    inboxNotes as InboxNotesRepository,
    config,
  );
  return { service, calls, transactions: () => transactions };
}

describe('ErasureService (owners on fakes)', () => {
  it('calls each owner in order, all in one transaction, and logs the counts', async () => {
    const w = world();
    const res = await w.service.erase(WS, { authorId: '42' }, 'admin-1');

    expect(w.transactions()).toBe(1);
    expect(w.calls.every((c) => c.tx === TX)).toBe(true);
    const writes = w.calls.map((c) => c.call).filter((c) => !/byId|byHandle|authorIds|needles|documents$/.test(c));
    expect(writes).toEqual([
      'inbox_notes.deleteOnCommentsOf',
      'comments.redactOfAuthors',
      'mentions.redactOf',
      'authors.eraseIdentities',
      'authors.insertErasedTombstones',
      'reports.setDocuments',
      'alerts.setDocument',
      'erasure_log.insert',
    ]);

    const subject: PrivacySubject = {
      workspaceId: WS,
      platform: 'mastodon',
      authorIds: ['42'],
      externalIds: ['acct-jeanne-000111', 'acct-jeanne-alt-999'],
      handles: ['jeanne_r'],
    };
    const args = (call: string) => w.calls.find((c) => c.call === call)!.args;
    expect(args('mentions.authorIds')).toEqual([WS, 'mastodon', ['jeanne_r']]);
    expect(args('comments.redactOfAuthors')).toEqual([WS, ['42']]);
    expect(args('mentions.redactOf')).toEqual([subject]);
    expect(args('authors.eraseIdentities')).toEqual([WS, ['42']]);
    expect(args('authors.insertErasedTombstones').slice(0, 3)).toEqual([WS, 'mastodon', subject.externalIds]);

    // Only the report quoting the person is rewritten; the alert's text and its de-dup key too.
    expect(args('reports.setDocuments')).toEqual(['r1', { figures: { quote: REDACTED } }]);
    expect(args('alerts.setDocument')).toEqual(['a1', { details: { sample: REDACTED } }, true]);

    // Tombstones count with authors; the log keeps counts, never whom.
    const counts = { inbox_notes: 2, comments: 3, mentions: 4, authors: 2, reports: 1, alerts: 1 };
    expect(res).toEqual({ erasureId: 'erasure-1', counts });
    expect(args('erasure_log.insert')).toEqual([WS, 'admin-1', counts]);
  });

  it('writes nothing when the author id is not one (404 before any query)', async () => {
    const w = world();
    await expect(w.service.erase(WS, { authorId: 'x1' }, null)).rejects.toBeInstanceOf(NotFoundException);
    expect(w.calls).toEqual([]);
  });
});
