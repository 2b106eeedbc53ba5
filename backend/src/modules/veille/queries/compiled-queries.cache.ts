import { Injectable } from '@nestjs/common';
import { compileQueries, type CompiledQuerySet } from '@vigie/query';
import { type ActiveQuery, WatchQueriesRepository } from '../watch-queries.repository';

export type { ActiveQuery } from '../watch-queries.repository';

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

  constructor(private readonly queries: WatchQueriesRepository) {}

  async get(workspaceId: string): Promise<CompiledWorkspaceQueries> {
    const fp = await this.queries.activeFingerprint(workspaceId);
    const fingerprint = `${fp.n}|${fp.t}|${fp.ids}`;
    const hit = this.cache.get(workspaceId);
    if (hit && hit.fingerprint === fingerprint) return hit.value;
    const rows = await this.queries.activeOfWorkspace(workspaceId);
    // One stored query that no longer parses (grammar change) must not stop matching.
    const set = compileQueries(rows.map((r) => ({ id: r.id, query: r.query })), { skipInvalid: true });
    const value = { set, byId: new Map(rows.map((r) => [r.id, r])) };
    this.cache.set(workspaceId, { fingerprint, value });
    return value;
  }
}
