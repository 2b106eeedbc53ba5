import type { EntityManager } from 'typeorm';
import type { InboxNotesRepository } from '../../inbox/inbox-notes.repository';
import type { AuthorsRepository } from '../../posts/authors.repository';
import type { CommentsRepository } from '../../posts/comments.repository';
import type { ReportsRepository } from '../../reports/reports.repository';
import type { AlertsRepository } from '../../veille/alerts.repository';
import type { MentionsRepository } from '../../veille/mentions.repository';
import type { PrivacySubject } from './subject';

/** The owners' repository methods erasure calls (privacy orchestrates, each owner writes its table). */
export interface ErasureOwners {
  comments: Pick<CommentsRepository, 'redactOfAuthors'>;
  authors: Pick<AuthorsRepository, 'eraseIdentities' | 'insertErasedTombstones'>;
  reports: Pick<ReportsRepository, 'documents' | 'setDocuments'>;
  mentions: Pick<MentionsRepository, 'redactOfSubject'>;
  alerts: Pick<AlertsRepository, 'documentsOf' | 'setDocument'>;
  inboxNotes: Pick<InboxNotesRepository, 'deleteOnCommentsOfAuthors'>;
}

/**
 * What erasing one person does, table by table, each step reporting the rows it touched.
 * Decision: rows that carry counts (comments, mentions, inbox items) are anonymised, not deleted,
 * so past KPIs and sent reports keep their totals; what identifies or quotes the person is
 * removed. Rows that only exist because of them (team notes about their messages) are deleted.
 * A table added later gets its step here (through its owner's repository), nowhere else.
 */
export interface ErasureStep {
  table: string;
  run(owners: ErasureOwners, s: PrivacySubject, tx: EntityManager): Promise<number>;
}

export const ERASURE_STEPS: ErasureStep[] = [
  { table: 'inbox_notes', run: (o, s, tx) => o.inboxNotes.deleteOnCommentsOfAuthors(s.workspaceId, s.authorIds, tx) },
  { table: 'comments', run: (o, s, tx) => o.comments.redactOfAuthors(s.workspaceId, s.authorIds, tx) },
  { table: 'mentions', run: (o, s, tx) => o.mentions.redactOfSubject(s, tx) },
  { table: 'authors', run: (o, s, tx) => o.authors.eraseIdentities(s.workspaceId, s.authorIds, tx) },
];

/**
 * Documents that may quote the person (report snapshots, alert texts): every string naming or
 * quoting them is replaced (redact-json.ts). `keyColumns` hold identifiers used for
 * de-duplication: they are replaced by a value unique to the row (by the owner's write).
 */
export interface RedactedDocuments {
  table: string;
  jsonColumns: string[];
  textColumns: string[];
  keyColumns?: string[];
  rows(owners: ErasureOwners, workspaceId: string, tx: EntityManager): Promise<Array<{ id: string }>>;
  /** `set`: the changed columns with their redacted values; `erasedKeys`: key columns to make unique. */
  write(owners: ErasureOwners, id: string, set: Record<string, unknown>, erasedKeys: string[], tx: EntityManager): Promise<void>;
}

export const REDACTED_DOCUMENTS: RedactedDocuments[] = [
  {
    table: 'reports',
    jsonColumns: ['figures', 'recommendations'],
    textColumns: [],
    rows: (o, w, tx) => o.reports.documents(w, tx),
    write: (o, id, set, _keys, tx) => o.reports.setDocuments(id, set, tx),
  },
  {
    table: 'alerts',
    jsonColumns: ['details'],
    textColumns: ['title'],
    keyColumns: ['key'],
    rows: (o, w, tx) => o.alerts.documentsOf(w, tx),
    write: (o, id, set, keys, tx) => o.alerts.setDocument(id, set, keys.includes('key'), tx),
  },
];
