import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { pseudonymSalt } from '../../../common/crypto/pseudonym';
import { InboxNotesRepository } from '../../inbox/inbox-notes.repository';
import { AuthorsRepository } from '../../posts/authors.repository';
import { CommentsRepository } from '../../posts/comments.repository';
import { ReportsRepository } from '../../reports/reports.repository';
import { AlertsRepository } from '../../veille/alerts.repository';
import { MentionsRepository } from '../../veille/mentions.repository';
import { PrivacySubjectRepository } from '../privacy-subject.repository';
import { ErasureLogRepository } from './erasure-log.repository';
import { ERASURE_STEPS, type ErasureOwners, REDACTED_DOCUMENTS, type RedactedDocuments } from './erasure-steps';
import { redactJson, type RedactionNeedles, usableNeedles } from './redact-json';
import { type PrivacySubject, resolveSubject, type SubjectRef } from './subject';

export interface ErasureResult {
  erasureId: string;
  /** Rows touched per table (the erasure log keeps only these). */
  counts: Record<string, number>;
}

/**
 * GDPR erasure of one person in one workspace, in one transaction: their texts and identity
 * leave every table (ERASURE_STEPS, each through the table owner's repository), report snapshots
 * and alerts stop quoting them (REDACTED_DOCUMENTS), and an identity-less tombstone per platform
 * id keeps a later sync from bringing them back (database triggers, privacy migration). The
 * erasure_log row says who asked and when, with counts — never whom.
 */
@Injectable()
export class ErasureService {
  private readonly owners: ErasureOwners;

  constructor(
    private readonly subjects: PrivacySubjectRepository,
    private readonly log: ErasureLogRepository,
    comments: CommentsRepository,
    authors: AuthorsRepository,
    reports: ReportsRepository,
    mentions: MentionsRepository,
    alerts: AlertsRepository,
    inboxNotes: InboxNotesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.owners = { comments, authors, reports, mentions, alerts, inboxNotes };
  }

  erase(workspaceId: string, ref: SubjectRef, requestedBy: string | null): Promise<ErasureResult> {
    return this.subjects.transaction(async (tx) => {
      const subject = await resolveSubject(this.subjects, workspaceId, ref, tx);
      const needles = await this.needles(subject, tx);
      const counts: Record<string, number> = {};
      for (const step of ERASURE_STEPS) counts[step.table] = (counts[step.table] ?? 0) + (await step.run(this.owners, subject, tx));
      counts.authors += await this.tombstones(subject, tx);
      for (const doc of REDACTED_DOCUMENTS) counts[doc.table] = await this.redactDocuments(workspaceId, doc, needles, tx);
      const erasureId = await this.log.insert(workspaceId, requestedBy, counts, tx);
      return { erasureId, counts };
    });
  }

  /** What quotes of the person look like, read before anything is emptied. */
  private async needles(s: PrivacySubject, tx: EntityManager): Promise<RedactionNeedles> {
    const names = await this.subjects.identityStrings(s, tx);
    const texts = await this.subjects.texts(s, tx);
    return usableNeedles({
      identities: [...names, ...s.handles, ...s.externalIds.filter((x) => x.length >= 6)],
      texts,
    });
  }

  /** Platform ids known only from mentions get an erased authors row too (the suppression key). */
  private async tombstones(s: PrivacySubject, tx: EntityManager): Promise<number> {
    if (!s.externalIds.length) return 0;
    return this.owners.authors.insertErasedTombstones(s.workspaceId, s.platform, s.externalIds, pseudonymSalt(this.config.secretKey, s.workspaceId), tx);
  }

  private async redactDocuments(workspaceId: string, doc: RedactedDocuments, needles: RedactionNeedles, tx: EntityManager): Promise<number> {
    if (!needles.identities.length && !needles.texts.length) return 0;
    const cols = [...doc.jsonColumns, ...doc.textColumns];
    const keys = doc.keyColumns ?? [];
    let changed = 0;
    for (const { id, ...row } of (await doc.rows(this.owners, workspaceId, tx)) as Array<{ id: string } & Record<string, unknown>>) {
      const set: Record<string, unknown> = {};
      for (const c of cols) {
        const r = redactJson(row[c], needles);
        if (r.changed) set[c] = r.value;
      }
      const erasedKeys = keys.filter((k) => redactJson(row[k], needles).changed);
      if (!Object.keys(set).length && !erasedKeys.length) continue;
      await doc.write(this.owners, id, set, erasedKeys, tx);
      changed++;
    }
    return changed;
  }
}
