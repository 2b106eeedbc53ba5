import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PrivacySubject, PrivacySubjectRepository, SubjectAuthorRow } from '../privacy-subject.repository';

export type { PrivacySubject } from '../privacy-subject.repository';

export type SubjectRef = { authorId: string } | { platform: string; handle: string };

export function normalizeHandle(h: string): string {
  return h.trim().replace(/^@+/, '').toLowerCase();
}

/**
 * Finds everything that identifies the person: their authors row(s) on that platform (by id or
 * handle) and the author ids mentions carry for that handle. An unknown author id is a 404; an
 * unknown handle is an empty subject (nothing held, which is a valid answer).
 */
export async function resolveSubject(
  rows: Pick<PrivacySubjectRepository, 'authorById' | 'authorsByHandle' | 'mentionAuthorIds'>,
  workspaceId: string,
  ref: SubjectRef,
  tx?: EntityManager,
): Promise<PrivacySubject> {
  let platform: string;
  let handles: string[];
  let authors: SubjectAuthorRow[];
  if ('authorId' in ref) {
    if (!/^\d{1,18}$/.test(ref.authorId)) throw new NotFoundException('Author not found');
    authors = await rows.authorById(workspaceId, ref.authorId, tx);
    if (!authors.length) throw new NotFoundException('Author not found');
    platform = authors[0].platform!;
    handles = authors[0].handle ? [normalizeHandle(authors[0].handle)] : [];
  } else {
    platform = ref.platform;
    handles = [normalizeHandle(ref.handle)];
    authors = await rows.authorsByHandle(workspaceId, platform, handles[0], tx);
  }
  const fromMentions = handles.length ? await rows.mentionAuthorIds(workspaceId, platform, handles, tx) : [];
  return {
    workspaceId,
    platform,
    authorIds: authors.map((a) => a.id),
    externalIds: [...new Set([...authors.map((a) => a.external_id), ...fromMentions])],
    handles,
  };
}
