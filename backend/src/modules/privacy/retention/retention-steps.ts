import type { EntityManager } from 'typeorm';
import type { InboxNotesRepository } from '../../inbox/inbox-notes.repository';
import type { AuthorsRepository } from '../../posts/authors.repository';
import type { CommentsRepository } from '../../posts/comments.repository';
import type { MentionsRepository } from '../../veille/mentions.repository';

/** The owners' repository methods retention calls (privacy orchestrates, each owner writes its table). */
export interface RetentionOwners {
  comments: Pick<CommentsRepository, 'redactPublishedBefore'>;
  authors: Pick<AuthorsRepository, 'purgeIdentitiesInactiveSince'>;
  mentions: Pick<MentionsRepository, 'redactPublishedBefore'>;
  inboxNotes: Pick<InboxNotesRepository, 'deleteOnItemsPublishedBefore'>;
}

/**
 * What the retention job does past a workspace's retention period, one step per table, each
 * returning the rows it touched. Rows stay (counts, sentiment, type, response times, rollups are
 * aggregates the KPIs need); only texts and identities go. A table added later gets its step
 * here (through its owner's repository), nowhere else.
 */
export interface RetentionStep {
  table: string;
  what: string;
  run(owners: RetentionOwners, workspaceId: string, cutoff: Date, tx: EntityManager): Promise<number>;
}

export const RETENTION_STEPS: RetentionStep[] = [
  {
    table: 'comments',
    what: 'comment texts emptied (row, sentiment, type and likes kept)',
    run: (o, w, cutoff, tx) => o.comments.redactPublishedBefore(w, cutoff, tx),
  },
  {
    table: 'inbox_notes',
    what: 'team notes on items older than the period deleted',
    run: (o, w, cutoff, tx) => o.inboxNotes.deleteOnItemsPublishedBefore(w, cutoff, tx),
  },
  {
    table: 'mentions',
    what: 'mention texts, links and author identities removed (row, reach, sentiment kept)',
    run: (o, w, cutoff, tx) => o.mentions.redactPublishedBefore(w, cutoff, tx),
  },
  {
    table: 'authors',
    what: 'handles and names of authors with no activity since the cutoff removed (pseudonym kept)',
    run: (o, w, cutoff, tx) => o.authors.purgeIdentitiesInactiveSince(w, cutoff, tx),
  },
];
