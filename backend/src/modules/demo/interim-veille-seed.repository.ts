import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The demo's day-one alert rules of an own brand: names per rule, ids of its two queries. */
export interface DemoAlertRules {
  workspaceId: string;
  brandId: string;
  brandQueryId: string;
  crisisQueryId: string;
  spikeName: string;
  crisisName: string;
  negativeName: string;
  bigAccountName: string;
}

/**
 * INTERIM — the demo's seed of veille's `watch_queries` and `alert_rules`, which had no veille
 * repository when demo's SQL left its service (veille's services validate and fill in rule
 * params, which would change what the demo stores). Each method moves, unchanged, to veille's
 * watch-queries / alert-rules repository once that exists; the demo then calls it there.
 */
@Injectable()
export class InterimVeilleSeedRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** → veille watch-queries repository. */
  async countQueries(workspaceId: string): Promise<number> {
    const [{ n }] = (await this.db.query('SELECT count(*)::int AS n FROM watch_queries WHERE workspace_id = $1', [workspaceId])) as Array<{
      n: number;
    }>;
    return n;
  }

  /** → veille watch-queries repository. Returns the new query's id. */
  async insertQuery(workspaceId: string, brandId: string, kind: 'brand' | 'competitor', name: string, query: string): Promise<string> {
    const [q] = (await this.db.query(
      `INSERT INTO watch_queries (workspace_id, brand_id, kind, name, query) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [workspaceId, brandId, kind, name, query],
    )) as Array<{ id: string }>;
    return q.id;
  }

  /** → veille watch-queries repository. A 'topic' query; returns its id. */
  async insertTopicQuery(workspaceId: string, brandId: string, name: string, query: string): Promise<string> {
    const [q] = (await this.db.query(
      `INSERT INTO watch_queries (workspace_id, brand_id, kind, name, query) VALUES ($1, $2, 'topic', $3, $4) RETURNING id`,
      [workspaceId, brandId, name, query],
    )) as Array<{ id: string }>;
    return q.id;
  }

  /** → veille alert-rules repository. Spike (brand and crisis queries), negative surge, big account. */
  async insertDemoAlertRules(r: DemoAlertRules): Promise<void> {
    await this.db.query(
      `INSERT INTO alert_rules (workspace_id, brand_id, query_id, name, type, params, cooldown_minutes) VALUES
           ($1, $2, $3, $4, 'volume_spike', '{}'::jsonb, 60),
           ($1, $2, $5, $6, 'volume_spike', '{"minCount": 5}'::jsonb, 60),
           ($1, $2, $3, $7, 'negative_surge', '{}'::jsonb, 120),
           ($1, $2, $3, $8, 'big_account', '{}'::jsonb, 1440)`,
      [r.workspaceId, r.brandId, r.brandQueryId, r.spikeName, r.crisisQueryId, r.crisisName, r.negativeName, r.bigAccountName],
    );
  }
}
