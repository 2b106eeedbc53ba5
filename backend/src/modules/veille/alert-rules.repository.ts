import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { AlertRule } from './alerts/alert-rule.entity';

/** An active rule as the evaluator reads it, with its brand's and query's names (read-only join on `brands`). */
export type EvaluatedRuleRow = Pick<AlertRule, 'id' | 'workspaceId' | 'brandId' | 'queryId' | 'name' | 'type' | 'params' | 'cooldownMinutes' | 'createdAt'> & {
  brandName: string;
  queryName: string | null;
};

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

/** The fields a new rule is created with. */
export type NewAlertRule = Pick<
  AlertRule,
  'workspaceId' | 'brandId' | 'queryId' | 'name' | 'type' | 'params' | 'cooldownMinutes' | 'recipients' | 'webhookUrl' | 'webhookFormat' | 'webhookSecretEncrypted' | 'active' | 'createdBy'
>;

/**
 * The `alert_rules` table: the API's CRUD (AlertRule entity, sealed webhook secret selected on
 * purpose only), the evaluator's and scheduler's reads, the demo seed.
 */
@Injectable()
export class AlertRulesRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(AlertRule) private readonly rules: Repository<AlertRule>,
  ) {}

  /** Rules are read with their sealed secret column (the API only says whether one is set). */
  private withSecret() {
    return this.rules.createQueryBuilder('r').addSelect('r.webhookSecretEncrypted');
  }

  /** The workspace's rules, oldest first. */
  list(workspaceId: string): Promise<AlertRule[]> {
    return this.withSecret().where('r.workspaceId = :workspaceId', { workspaceId }).orderBy('r.createdAt', 'ASC').getMany();
  }

  findInWorkspace(workspaceId: string, id: string): Promise<AlertRule | null> {
    return this.withSecret().where('r.workspaceId = :workspaceId AND r.id = :id', { workspaceId, id }).getOne();
  }

  /** For the delivery worker only. */
  findWithSecret(ruleId: string): Promise<AlertRule | null> {
    return this.withSecret().where('r.id = :ruleId', { ruleId }).getOne();
  }

  insert(values: NewAlertRule): Promise<AlertRule> {
    return this.rules.save(this.rules.create(values));
  }

  /** Saves an edited rule (loaded with findInWorkspace). */
  save(row: AlertRule): Promise<AlertRule> {
    return this.rules.save(row);
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.rules.delete({ workspaceId, id });
  }

  /** The workspace's active rules, oldest first. */
  async activeOfWorkspace(workspaceId: string): Promise<EvaluatedRuleRow[]> {
    return (await this.db.query(
      `SELECT r.id, r.workspace_id AS "workspaceId", r.brand_id AS "brandId", r.query_id AS "queryId", r.name, r.type,
              r.params, r.cooldown_minutes AS "cooldownMinutes", r.created_at AS "createdAt", b.name AS "brandName", q.name AS "queryName"
         FROM alert_rules r JOIN brands b ON b.id = r.brand_id LEFT JOIN watch_queries q ON q.id = r.query_id
        WHERE r.workspace_id = $1 AND r.active ORDER BY r.created_at`,
      [workspaceId],
    )) as EvaluatedRuleRow[];
  }

  /** Ids of the workspaces having at least one active rule. */
  async workspacesWithActiveRules(): Promise<string[]> {
    const rows = (await this.db.query('SELECT DISTINCT workspace_id AS id FROM alert_rules WHERE active')) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** Demo seed: spike (brand and crisis queries), negative surge, big account — params stored as given. */
  async insertDemoRules(r: DemoAlertRules): Promise<void> {
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
