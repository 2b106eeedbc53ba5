import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ACCESS_QUERIES } from './access/access-queries';

/** One person in one workspace, as every table knows them. */
export interface PrivacySubject {
  workspaceId: string;
  platform: string;
  /** authors rows (ids as text: bigint). */
  authorIds: string[];
  /** The platform's ids of the person (authors rows and mentions). */
  externalIds: string[];
  /** Lower-cased handles without '@'. */
  handles: string[];
}

/** Positional parameters every erasure/access statement receives. */
export function subjectParams(s: PrivacySubject): unknown[] {
  return [s.workspaceId, s.authorIds, s.platform, s.externalIds, s.handles];
}

/**
 * Types all five parameters up front: Postgres refuses a statement with a parameter it never
 * sees, and not every step needs all five.
 */
export function withSubject(sql: string): string {
  return `WITH subject AS (SELECT $1::uuid AS workspace_id, $2::bigint[] AS author_ids, $3::text AS platform,
            $4::text[] AS external_ids, $5::text[] AS handles) ${sql}`;
}

/** An authors row as subject resolution reads it (id as text: bigint). */
export interface SubjectAuthorRow {
  id: string;
  platform?: string;
  external_id: string;
  handle: string | null;
}

/**
 * Read model of one person across the tables that know them, for erasure and access requests.
 * Owns no table: reads `authors`, `comments`, `posts` (posts module), `mentions` (veille),
 * `inbox_items`, `inbox_notes` (inbox) read-only. Writes go through each owner's repository.
 */
@Injectable()
export class PrivacySubjectRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The privacy module's transactions: erasure and retention (default isolation), access export (one snapshot). */
  transaction<T>(fn: (tx: EntityManager) => Promise<T>, isolation?: 'REPEATABLE READ'): Promise<T> {
    return isolation ? this.db.transaction(isolation, fn) : this.db.transaction(fn);
  }

  async authorById(workspaceId: string, authorId: string, tx?: EntityManager): Promise<SubjectAuthorRow[]> {
    return (await (tx ?? this.db).query('SELECT id::text, platform, external_id, handle FROM authors WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      authorId,
    ])) as SubjectAuthorRow[];
  }

  /** Authors rows of the platform whose handle (lower case, no '@') is this one. */
  async authorsByHandle(workspaceId: string, platform: string, handle: string, tx?: EntityManager): Promise<SubjectAuthorRow[]> {
    return (await (tx ?? this.db).query(
      `SELECT id::text, external_id, handle FROM authors
       WHERE workspace_id = $1 AND platform = $2 AND lower(ltrim(handle, '@')) = $3`,
      [workspaceId, platform, handle],
    )) as SubjectAuthorRow[];
  }

  /** The platform ids mentions carry for these handles. */
  async mentionAuthorIds(workspaceId: string, platform: string, handles: string[], tx?: EntityManager): Promise<string[]> {
    const rows = (await (tx ?? this.db).query(
      `SELECT DISTINCT author_external_id AS x FROM mentions
         WHERE workspace_id = $1 AND platform = $2 AND lower(ltrim(author_handle, '@')) = ANY($3::text[]) AND author_external_id IS NOT NULL`,
      [workspaceId, platform, handles],
    )) as Array<{ x: string }>;
    return rows.map((r) => r.x);
  }

  /** Handles and names the person goes by (authors rows and mentions). */
  async identityStrings(s: PrivacySubject, tx?: EntityManager): Promise<string[]> {
    const [names] = (await (tx ?? this.db).query(
      withSubject(`SELECT coalesce(array_agg(DISTINCT v) FILTER (WHERE v IS NOT NULL), '{}') AS ids FROM (
         SELECT unnest(ARRAY[handle, display_name]) AS v FROM authors WHERE workspace_id = $1 AND id = ANY($2::bigint[])
         UNION ALL
         SELECT unnest(ARRAY[author_handle, author_name]) FROM mentions
         WHERE workspace_id = $1 AND platform = $3 AND (author_external_id = ANY($4::text[]) OR lower(ltrim(author_handle, '@')) = ANY($5::text[]))
       ) x`),
      subjectParams(s),
    )) as Array<{ ids: string[] }>;
    return names.ids;
  }

  /** Texts the person wrote (comments and mentions), to find quotes of them elsewhere. */
  async texts(s: PrivacySubject, tx?: EntityManager): Promise<string[]> {
    const [texts] = (await (tx ?? this.db).query(
      withSubject(`SELECT coalesce(array_agg(t), '{}') AS texts FROM (
         SELECT text AS t FROM comments WHERE workspace_id = $1 AND author_id = ANY($2::bigint[]) AND text <> ''
         UNION ALL
         SELECT text FROM mentions
         WHERE workspace_id = $1 AND platform = $3 AND text <> ''
           AND (author_external_id = ANY($4::text[]) OR lower(ltrim(author_handle, '@')) = ANY($5::text[]))
       ) x`),
      subjectParams(s),
    )) as Array<{ texts: string[] }>;
    return texts.texts;
  }

  /** The access export (GDPR art. 15): every kind of data held about the person (ACCESS_QUERIES). */
  async accessData(s: PrivacySubject, tx?: EntityManager): Promise<Record<string, unknown[]>> {
    const data: Record<string, unknown[]> = {};
    for (const q of ACCESS_QUERIES) data[q.key] = (await (tx ?? this.db).query(withSubject(q.sql), subjectParams(s))) as unknown[];
    return data;
  }
}
