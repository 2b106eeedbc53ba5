import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compileQueries, type CompiledQuerySet } from '@vigie/query';
import type { DataSource } from 'typeorm';
import type { WatchQueryKind } from './watch-query.entity';

export interface ActiveQuery {
  id: string;
  brandId: string;
  kind: WatchQueryKind;
  name: string;
  query: string;
}

export interface CompiledWorkspaceQueries {
  set: CompiledQuerySet;
  byId: Map<string, ActiveQuery>;
}

/**
 * All active queries of a workspace compiled together (one automaton, cost independent of
 * the number of queries). Cached per process and revalidated against a cheap fingerprint
 * (count + newest update) so an API edit is seen by every worker without messaging.
 */
@Injectable()
export class CompiledQueriesCache {
  private readonly cache = new Map<string, { fingerprint: string; value: CompiledWorkspaceQueries }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(workspaceId: string): Promise<CompiledWorkspaceQueries> {
    const [fp] = (await this.db.query(
      `SELECT count(*)::int AS n, coalesce(max(updated_at), 'epoch')::text AS t,
              coalesce(string_agg(id::text, ',' ORDER BY id), '') AS ids
         FROM watch_queries WHERE workspace_id = $1 AND active`,
      [workspaceId],
    )) as Array<{ n: number; t: string; ids: string }>;
    const fingerprint = `${fp.n}|${fp.t}|${fp.ids}`;
    const hit = this.cache.get(workspaceId);
    if (hit && hit.fingerprint === fingerprint) return hit.value;
    const rows = (await this.db.query(
      `SELECT id, brand_id AS "brandId", kind, name, query FROM watch_queries
        WHERE workspace_id = $1 AND active ORDER BY created_at, id`,
      [workspaceId],
    )) as ActiveQuery[];
    // One stored query that no longer parses (grammar change) must not stop matching.
    const set = compileQueries(rows.map((r) => ({ id: r.id, query: r.query })), { skipInvalid: true });
    const value = { set, byId: new Map(rows.map((r) => [r.id, r])) };
    this.cache.set(workspaceId, { fingerprint, value });
    return value;
  }
}
