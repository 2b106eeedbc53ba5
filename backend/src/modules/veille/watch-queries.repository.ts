import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import type { Platform } from '../channels/connectors/channel-connector';
import { WatchQuery, type WatchQueryKind } from './queries/watch-query.entity';

/** An active query as the matcher compiles it. */
export interface ActiveQuery {
  id: string;
  brandId: string;
  kind: WatchQueryKind;
  name: string;
  query: string;
}

/** Cheap fingerprint of a workspace's active queries (count, newest update, ids). */
export interface ActiveQueriesFingerprintRow {
  n: number;
  t: string;
  ids: string;
}

/** What a search poll reads of its query. */
export interface PolledQueryRow {
  id: string;
  workspaceId: string;
  brandId: string;
  query: string;
  active: boolean;
}

/** An (active query, searchable platform of its workspace) pair with its last poll. */
export interface DueSearchRow {
  queryId: string;
  platform: Platform;
  last: Date | null;
}

/**
 * The `watch_queries` table: the compiled-set cache, the pollers, the listening tick (read-only
 * join on `channel_accounts`), the demo seed, the API's CRUD (through the WatchQuery entity).
 */
@Injectable()
export class WatchQueriesRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(WatchQuery) private readonly queries: Repository<WatchQuery>,
  ) {}

  /** The workspace's queries (optionally one brand's), oldest first. */
  list(workspaceId: string, brandId?: string): Promise<WatchQuery[]> {
    return this.queries.find({
      where: brandId ? { workspaceId, brandId } : { workspaceId },
      order: { createdAt: 'ASC' },
    });
  }

  findInWorkspace(workspaceId: string, id: string): Promise<WatchQuery | null> {
    return this.queries.findOne({ where: { workspaceId, id } });
  }

  insert(values: Pick<WatchQuery, 'workspaceId' | 'brandId' | 'kind' | 'name' | 'query' | 'active' | 'createdBy'>): Promise<WatchQuery> {
    return this.queries.save(this.queries.create(values));
  }

  /** Saves an edited query (loaded with findInWorkspace). */
  save(row: WatchQuery): Promise<WatchQuery> {
    return this.queries.save(row);
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.queries.delete({ workspaceId, id });
  }

  async activeFingerprint(workspaceId: string): Promise<ActiveQueriesFingerprintRow> {
    const [fp] = (await this.db.query(
      `SELECT count(*)::int AS n, coalesce(max(updated_at), 'epoch')::text AS t,
              coalesce(string_agg(id::text, ',' ORDER BY id), '') AS ids
         FROM watch_queries WHERE workspace_id = $1 AND active`,
      [workspaceId],
    )) as ActiveQueriesFingerprintRow[];
    return fp;
  }

  /** The workspace's active queries, oldest first. */
  async activeOfWorkspace(workspaceId: string): Promise<ActiveQuery[]> {
    return (await this.db.query(
      `SELECT id, brand_id AS "brandId", kind, name, query FROM watch_queries
        WHERE workspace_id = $1 AND active ORDER BY created_at, id`,
      [workspaceId],
    )) as ActiveQuery[];
  }

  async findForPoll(id: string): Promise<PolledQueryRow | undefined> {
    const [q] = (await this.db.query(
      'SELECT id, workspace_id AS "workspaceId", brand_id AS "brandId", query, active FROM watch_queries WHERE id = $1',
      [id],
    )) as PolledQueryRow[];
    return q;
  }

  /** Every active query × platform (among `platforms`) on which its workspace has a channel account, with its newest poll. */
  async searchesWithLastPoll(platforms: readonly Platform[]): Promise<DueSearchRow[]> {
    return (await this.db.query(
      `SELECT wq.id AS "queryId", ca.platform, max(lc.last_polled_at) AS last
         FROM watch_queries wq
         JOIN (SELECT DISTINCT workspace_id, platform FROM channel_accounts WHERE platform = ANY($1)) ca ON ca.workspace_id = wq.workspace_id
         LEFT JOIN listening_cursors lc ON lc.query_id = wq.id AND lc.platform = ca.platform
        WHERE wq.active
        GROUP BY wq.id, ca.platform`,
      [platforms],
    )) as DueSearchRow[];
  }

  /** Demo seed. */
  async countInWorkspace(workspaceId: string): Promise<number> {
    const [{ n }] = (await this.db.query('SELECT count(*)::int AS n FROM watch_queries WHERE workspace_id = $1', [workspaceId])) as Array<{
      n: number;
    }>;
    return n;
  }

  /** Demo seed: a 'brand' or 'competitor' query, unchecked; its id. */
  async insertSeed(workspaceId: string, brandId: string, kind: 'brand' | 'competitor', name: string, query: string): Promise<string> {
    const [q] = (await this.db.query(
      `INSERT INTO watch_queries (workspace_id, brand_id, kind, name, query) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [workspaceId, brandId, kind, name, query],
    )) as Array<{ id: string }>;
    return q.id;
  }

  /** Demo seed: a 'topic' query, unchecked; its id. */
  async insertTopicSeed(workspaceId: string, brandId: string, name: string, query: string): Promise<string> {
    const [q] = (await this.db.query(
      `INSERT INTO watch_queries (workspace_id, brand_id, kind, name, query) VALUES ($1, $2, 'topic', $3, $4) RETURNING id`,
      [workspaceId, brandId, name, query],
    )) as Array<{ id: string }>;
    return q.id;
  }
}
