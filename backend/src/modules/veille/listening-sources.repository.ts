import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { ListeningSource } from './listening/listening-source.entity';

/** What an RSS poll reads of its source. */
export interface PolledSourceRow {
  id: string;
  workspaceId: string;
  url: string;
  etag: string | null;
  lastModified: string | null;
  active: boolean;
}

/** A poll's outcome on a source; `undefined` validators keep the stored ones (errors, 304). */
export interface SourcePollOutcome {
  polledAt: Date;
  status: string;
  error: string | null;
  etag: string | null | undefined;
  lastModified: string | null | undefined;
}

/** A search cursor's new state (the cursor itself only moves forward). */
export interface CursorPollOutcome {
  workspaceId: string;
  queryId: string;
  platform: string;
  search: string;
  newestAt: string | null;
  newestId: string | null;
  polledAt: Date;
  error: string | null;
  /** What the platform could not do for this search (kept until the next successful poll). */
  notice?: string | null;
}

/** One (platform, search string) of a query's listening status. */
export interface ListeningCursorRow {
  platform: string;
  search: string;
  newestAt: Date | null;
  lastPolledAt: Date | null;
  lastError: string | null;
  notice: string | null;
}

/**
 * The `listening_sources` (RSS/Atom feeds: pollers' reads and outcome) and `listening_cursors`
 * (per query × platform × search string) tables; the sources API's CRUD through the
 * ListeningSource entity.
 */
@Injectable()
export class ListeningSourcesRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(ListeningSource) private readonly sources: Repository<ListeningSource>,
  ) {}

  /** The workspace's sources, oldest first. */
  list(workspaceId: string): Promise<ListeningSource[]> {
    return this.sources.find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  findInWorkspace(workspaceId: string, id: string): Promise<ListeningSource | null> {
    return this.sources.findOne({ where: { workspaceId, id } });
  }

  /** A new source (throws the driver's unique violation on a duplicate feed). */
  insert(values: Pick<ListeningSource, 'workspaceId' | 'url' | 'name' | 'active' | 'etag' | 'lastModified'>): Promise<ListeningSource> {
    return this.sources.save(this.sources.create(values));
  }

  /** Saves an edited source (loaded with findInWorkspace). */
  save(row: ListeningSource): Promise<ListeningSource> {
    return this.sources.save(row);
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.sources.delete({ workspaceId, id });
  }

  async findForPoll(id: string): Promise<PolledSourceRow | undefined> {
    const [s] = (await this.db.query(
      'SELECT id, workspace_id AS "workspaceId", url, etag, last_modified AS "lastModified", active FROM listening_sources WHERE id = $1',
      [id],
    )) as PolledSourceRow[];
    return s;
  }

  async markPolled(id: string, o: SourcePollOutcome): Promise<void> {
    await this.db.query(
      `UPDATE listening_sources SET last_polled_at = $2, last_status = $3, last_error = $4,
         etag = CASE WHEN $5::boolean THEN $6 ELSE etag END,
         last_modified = CASE WHEN $5::boolean THEN $7 ELSE last_modified END
       WHERE id = $1`,
      [id, o.polledAt, o.status, o.error?.slice(0, 500) ?? null, o.etag !== undefined, o.etag ?? null, o.lastModified ?? null],
    );
  }

  /** Active sources never polled or last polled at or before `polledBefore`. */
  async dueIds(polledBefore: Date): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT id FROM listening_sources WHERE active AND (last_polled_at IS NULL OR last_polled_at <= $1)`,
      [polledBefore],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** Newest result seen for (query, platform, search string); null when never seen. */
  async cursorNewestAt(queryId: string, platform: string, search: string): Promise<Date | null> {
    const [cur] = (await this.db.query(
      'SELECT newest_at AS "newestAt" FROM listening_cursors WHERE query_id = $1 AND platform = $2 AND search_key = $3',
      [queryId, platform, search],
    )) as Array<{ newestAt: Date | null }>;
    return cur?.newestAt ?? null;
  }

  /** The cursor only moves forward; an empty poll keeps it. */
  async saveCursor(c: CursorPollOutcome): Promise<void> {
    await this.db.query(
      `INSERT INTO listening_cursors (workspace_id, query_id, platform, search_key, newest_at, newest_id, last_polled_at, last_error, notice)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (query_id, platform, search_key) DO UPDATE SET
         newest_at = CASE WHEN EXCLUDED.newest_at IS NOT NULL AND (listening_cursors.newest_at IS NULL OR EXCLUDED.newest_at > listening_cursors.newest_at)
                          THEN EXCLUDED.newest_at ELSE listening_cursors.newest_at END,
         newest_id = CASE WHEN EXCLUDED.newest_at IS NOT NULL AND (listening_cursors.newest_at IS NULL OR EXCLUDED.newest_at > listening_cursors.newest_at)
                          THEN EXCLUDED.newest_id ELSE listening_cursors.newest_id END,
         last_polled_at = EXCLUDED.last_polled_at,
         last_error = EXCLUDED.last_error,
         notice = CASE WHEN EXCLUDED.last_error IS NULL THEN EXCLUDED.notice ELSE listening_cursors.notice END`,
      [c.workspaceId, c.queryId, c.platform, c.search, c.newestAt, c.newestId, c.polledAt, c.error?.slice(0, 500) ?? null, c.notice?.slice(0, 500) ?? null],
    );
  }

  /** The listening status of one query: one row per (platform, search string). */
  async cursorsOfQuery(workspaceId: string, queryId: string): Promise<ListeningCursorRow[]> {
    return (await this.db.query(
      `SELECT platform, search_key AS search, newest_at AS "newestAt", last_polled_at AS "lastPolledAt", last_error AS "lastError", notice
         FROM listening_cursors WHERE workspace_id = $1 AND query_id = $2 ORDER BY platform, search_key`,
      [workspaceId, queryId],
    )) as ListeningCursorRow[];
  }
}
