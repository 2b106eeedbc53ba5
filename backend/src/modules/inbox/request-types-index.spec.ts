import type { QueryRunner } from 'typeorm';
import { DashboardReadIndexes1764003917000 } from '../../database/migrations/1764003917000-dashboard-read-indexes';
import { REQUEST_TYPES_NEEDING_ANSWER } from './attention-rules';

// The KPI contributor's `type IN (…)` is only served by inbox_items_requests_idx while the
// index predicate lists the same types: a change to one list must change the other.
describe('inbox_items_requests_idx', () => {
  it('covers exactly the request types that need an answer', async () => {
    const sql: string[] = [];
    const runner = { query: async (q: string) => void sql.push(q) } as unknown as QueryRunner;
    await new DashboardReadIndexes1764003917000().up(runner);
    const m = /inbox_items_requests_idx[\s\S]*?WHERE type IN \(([^)]*)\)/.exec(sql.join('\n'));
    expect(m).not.toBeNull();
    const types = (m?.[1] ?? '').split(',').map((t) => t.trim().replace(/^'|'$/g, ''));
    expect([...types].sort()).toEqual([...REQUEST_TYPES_NEEDING_ANSWER].sort());
  });
});
