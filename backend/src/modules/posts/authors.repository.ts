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
}
