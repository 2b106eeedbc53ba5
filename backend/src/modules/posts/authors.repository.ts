import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { NormalizedAuthor, Platform } from '../channels/connectors/channel-connector';
import { INSERT_AUTHORS, UPDATE_AUTHORS } from './content-upsert.sql';

/** external_id, handle, display_name, followers of a batch's distinct authors (sorted by external_id). */
export type AuthorColumns = [string[], Array<string | null>, Array<string | null>, Array<number | null>];

/**
 * A batch's distinct authors as the upserts' array columns: one entry per external id, later
 * occurrences filling what earlier ones left unknown; sorted, so concurrent batches touching the
 * same authors lock them in the same order (no deadlock).
 */
export function authorColumns(authors: ReadonlyArray<NormalizedAuthor | null>): AuthorColumns {
  const merged = new Map<string, NormalizedAuthor>();
  for (const a of authors) {
    if (!a) continue;
    const prev = merged.get(a.externalId);
    merged.set(
      a.externalId,
      prev
        ? {
            externalId: a.externalId,
            handle: a.handle ?? prev.handle,
            displayName: a.displayName ?? prev.displayName,
            followers: a.followers ?? prev.followers,
          }
        : a,
    );
  }
  const list = [...merged.values()].sort((x, y) => (x.externalId < y.externalId ? -1 : x.externalId > y.externalId ? 1 : 0));
  return [list.map((a) => a.externalId), list.map((a) => a.handle), list.map((a) => a.displayName), list.map((a) => a.followers)];
}

/** The `authors` table (commenters and post authors per workspace and platform, pseudonymised at insert). */
@Injectable()
export class AuthorsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts the batch's new authors with their pseudonym (`salt`: see pseudonymSalt); stored ones are untouched. */
  async insertMissing(workspaceId: string, platform: Platform, salt: string, cols: AuthorColumns, tx?: EntityManager): Promise<void> {
    await (tx ?? this.db).query(INSERT_AUTHORS, [workspaceId, platform, salt, ...cols]);
  }

  /** Names filled, followers refreshed, on the stored authors whose values would change. */
  async refresh(workspaceId: string, platform: Platform, cols: AuthorColumns, tx?: EntityManager): Promise<void> {
    await (tx ?? this.db).query(UPDATE_AUTHORS, [workspaceId, platform, ...cols]);
  }

  /** Erasure (privacy): the person's authors rows lose handle, name and followers and are marked erased. Rows touched. */
  async eraseIdentities(workspaceId: string, authorIds: string[], tx?: EntityManager): Promise<number> {
    const res = (await (tx ?? this.db).query(
      `UPDATE authors SET handle = NULL, display_name = NULL, followers = NULL, erased_at = coalesce(erased_at, now())
          WHERE workspace_id = $1 AND id = ANY($2::bigint[])`,
      [workspaceId, authorIds],
    )) as [unknown, number];
    return res[1] ?? 0;
  }

  /**
   * Erasure (privacy): platform ids known only from mentions get an erased authors row too — the
   * suppression key that keeps a later sync from bringing the person back. Rows inserted.
   */
  async insertErasedTombstones(workspaceId: string, platform: string, externalIds: string[], salt: string, tx?: EntityManager): Promise<number> {
    const res = (await (tx ?? this.db).query(
      `INSERT INTO authors (workspace_id, platform, external_id, pseudonym, erased_at)
       SELECT $1::uuid, $2::text, x, 'Utilisateur ' || upper(left(md5($4::text || ':' || $2::text || ':' || x), 4)), now()
       FROM unnest($3::text[]) AS x
       ON CONFLICT (workspace_id, platform, external_id) DO NOTHING
       RETURNING 1`,
      [workspaceId, platform, externalIds, salt],
    )) as unknown[];
    return res.length;
  }

  /**
   * Retention (privacy): handles and names of authors with no comment or post since the cutoff,
   * and not one of the workspace's own channel accounts (read-only join on channel_accounts), are
   * removed; the pseudonym stays. Rows touched.
   */
  async purgeIdentitiesInactiveSince(workspaceId: string, cutoff: Date, tx?: EntityManager): Promise<number> {
    const res = (await (tx ?? this.db).query(
      `UPDATE authors a SET handle = NULL, display_name = NULL, followers = NULL
          WHERE a.workspace_id = $1 AND (a.handle IS NOT NULL OR a.display_name IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.author_id = a.id AND c.published_at >= $2)
            AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.author_id = a.id AND p.published_at >= $2)
            AND NOT EXISTS (SELECT 1 FROM channel_accounts ch
                            WHERE ch.workspace_id = $1 AND ch.platform = a.platform AND ch.external_id = a.external_id)`,
      [workspaceId, cutoff.toISOString()],
    )) as [unknown, number];
    return res[1] ?? 0;
  }
}
