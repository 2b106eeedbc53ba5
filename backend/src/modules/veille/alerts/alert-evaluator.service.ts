import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AlertDeliveryService } from './alert-delivery.service';
import type { AlertType } from './alert-rule.entity';
import { AlertsService, type RaiseOutcome } from './alerts.service';
import {
  evaluateNegativeSurge,
  evaluateSpike,
  NEGATIVE_DEFAULTS,
  type NegativeParams,
  SPIKE_DEFAULTS,
  type SpikeParams,
} from './spike-statistic';

interface RuleRow {
  id: string;
  workspaceId: string;
  brandId: string;
  queryId: string | null;
  name: string;
  type: AlertType;
  params: Record<string, number | boolean>;
  cooldownMinutes: number;
  createdAt: Date;
  brandName: string;
  queryName: string | null;
}

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

/**
 * Evaluates a workspace's active alert rules at `now` (every minute, from the scheduler).
 * Targets: a rule with a query watches that query's mentions; a brand rule watches every
 * mention matched by any of the brand's queries (each mention once). Own content (the
 * brand's posts) never counts. Statistics: see spike-statistic.ts.
 */
@Injectable()
export class AlertEvaluatorService {
  private readonly logger = new Logger('alert-evaluator');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly alerts: AlertsService,
    private readonly delivery: AlertDeliveryService,
  ) {}

  async evaluateWorkspace(workspaceId: string, now = new Date()): Promise<Array<{ ruleId: string; outcome: RaiseOutcome }>> {
    const rules = (await this.db.query(
      `SELECT r.id, r.workspace_id AS "workspaceId", r.brand_id AS "brandId", r.query_id AS "queryId", r.name, r.type,
              r.params, r.cooldown_minutes AS "cooldownMinutes", r.created_at AS "createdAt", b.name AS "brandName", q.name AS "queryName"
         FROM alert_rules r JOIN brands b ON b.id = r.brand_id LEFT JOIN watch_queries q ON q.id = r.query_id
        WHERE r.workspace_id = $1 AND r.active ORDER BY r.created_at`,
      [workspaceId],
    )) as RuleRow[];
    const out: Array<{ ruleId: string; outcome: RaiseOutcome }> = [];
    for (const rule of rules) {
      try {
        for (const outcome of await this.evaluateRule(rule, now)) {
          out.push({ ruleId: rule.id, outcome });
          if (outcome.action === 'raised') await this.delivery.enqueue(outcome.alertId);
        }
      } catch (e) {
        this.logger.warn(`rule ${rule.id} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return out;
  }

  /** `mm` restricted to the rule's target, as SQL + params (starting at $1). */
  private target(rule: RuleRow): { sql: string; param: string } {
    return rule.queryId ? { sql: 'mm.query_id = $1', param: rule.queryId } : { sql: 'mm.brand_id = $1', param: rule.brandId };
  }

  private label(rule: RuleRow): string {
    return rule.queryName ? `${rule.brandName} — ${rule.queryName}` : rule.brandName;
  }

  private async evaluateRule(rule: RuleRow, now: Date): Promise<RaiseOutcome[]> {
    switch (rule.type) {
      case 'volume_spike':
        return this.spike(rule, now);
      case 'negative_surge':
        return this.negative(rule, now);
      case 'first_appearance':
        return this.firstAppearance(rule, now);
      case 'big_account':
        return this.bigAccount(rule, now);
    }
  }

  private async spike(rule: RuleRow, now: Date): Promise<RaiseOutcome[]> {
    const t = this.target(rule);
    const n = now.getTime();
    const windows = [1, 2, 3, 4].map((w) => [new Date(n - w * WEEK - HOUR), new Date(n - w * WEEK)]);
    const [c] = (await this.db.query(
      `SELECT count(DISTINCT mm.mention_id) FILTER (WHERE mm.published_at > $3 AND mm.published_at <= $2)::int AS c60,
              count(DISTINCT mm.mention_id) FILTER (WHERE mm.published_at > $4 AND mm.published_at <= $2)::int AS c15,
              ${windows.map((_, i) => `count(DISTINCT mm.mention_id) FILTER (WHERE mm.published_at > $${5 + 2 * i} AND mm.published_at <= $${6 + 2 * i})::int AS w${i + 1}`).join(', ')}
         FROM mention_matches mm JOIN mentions m ON m.id = mm.mention_id
        WHERE ${t.sql} AND NOT m.is_own_content AND mm.published_at > $13 AND mm.published_at <= $2`,
      [t.param, now, new Date(n - HOUR), new Date(n - 15 * 60_000), ...windows.flat(), new Date(n - 4 * WEEK - HOUR)],
    )) as Array<{ c60: number; c15: number; w1: number; w2: number; w3: number; w4: number }>;
    const r = evaluateSpike(
      { c60: c.c60, c15: c.c15, samples: [c.w1, c.w2, c.w3, c.w4] },
      // Stored params may predate a newer parameter: defaults fill the gaps.
      { ...SPIKE_DEFAULTS, ...(rule.params as Partial<SpikeParams>) },
    );
    if (!r.fired) return [];
    const window = r.window === '15m' ? '15 min' : '60 min';
    return [
      await this.alerts.raise(rule, {
        key: 'volume',
        title: `Volume spike: ${this.label(rule)} — ${r.count} mentions in ${window} (usual ≈ ${r.window === '15m' ? Math.round(r.baseline / 4) : Math.round(r.baseline)})`,
        count: c.c60,
        details: { window: r.window, windowCount: r.count, lastHour: c.c60, last15Minutes: c.c15, threshold: r.threshold, baseline: r.baseline, spread: r.spread, samples: [c.w1, c.w2, c.w3, c.w4] },
      }, now),
    ];
  }

  private async negative(rule: RuleRow, now: Date): Promise<RaiseOutcome[]> {
    const t = this.target(rule);
    const n = now.getTime();
    const [c] = (await this.db.query(
      `SELECT count(DISTINCT m.id) FILTER (WHERE m.published_at > $3)::int AS count,
              count(DISTINCT m.id) FILTER (WHERE m.published_at > $3 AND m.sentiment = 'negative')::int AS negative,
              count(DISTINCT m.id) FILTER (WHERE m.published_at <= $3)::int AS "baselineCount",
              count(DISTINCT m.id) FILTER (WHERE m.published_at <= $3 AND m.sentiment = 'negative')::int AS "baselineNegative"
         FROM mention_matches mm JOIN mentions m ON m.id = mm.mention_id
        WHERE ${t.sql} AND NOT m.is_own_content AND mm.published_at > $4 AND mm.published_at <= $2`,
      [t.param, now, new Date(n - HOUR), new Date(n - 4 * WEEK)],
    )) as Array<{ count: number; negative: number; baselineCount: number; baselineNegative: number }>;
    const r = evaluateNegativeSurge(c, { ...NEGATIVE_DEFAULTS, ...(rule.params as Partial<NegativeParams>) });
    if (!r.fired) return [];
    return [
      await this.alerts.raise(rule, {
        key: 'negative',
        title: `Negative surge: ${this.label(rule)} — ${Math.round(r.share * 100)} % negative over ${c.count} mentions in the last hour`,
        count: c.count,
        details: { negative: c.negative, share: r.share, baselineShare: r.baselineShare },
      }, now),
    ];
  }

  /** A query matching for the first time since the rule exists (once per query, ever). */
  private async firstAppearance(rule: RuleRow, now: Date): Promise<RaiseOutcome[]> {
    const rows = (await this.db.query(
      `SELECT q.id, q.name, min(mm.matched_at) AS first, count(*)::int AS count
         FROM watch_queries q JOIN mention_matches mm ON mm.query_id = q.id JOIN mentions m ON m.id = mm.mention_id
        WHERE q.workspace_id = $1 AND ${rule.queryId ? 'q.id = $2' : 'q.brand_id = $2'} AND NOT m.is_own_content
        GROUP BY q.id, q.name`,
      [rule.workspaceId, rule.queryId ?? rule.brandId],
    )) as Array<{ id: string; name: string; first: Date; count: number }>;
    const out: RaiseOutcome[] = [];
    for (const q of rows) {
      if (new Date(q.first) < new Date(rule.createdAt)) continue;
      out.push(
        await this.alerts.raise(rule, { key: `query:${q.id}`, queryId: q.id, once: true, title: `First appearance: "${q.name}" (${rule.brandName}) was just found`, count: q.count, details: { firstMatchedAt: new Date(q.first).toISOString() } }, now),
      );
    }
    return out;
  }

  /** Mentions found in the last hour whose author has ≥ minFollowers (one alert per author). */
  private async bigAccount(rule: RuleRow, now: Date): Promise<RaiseOutcome[]> {
    const t = this.target(rule);
    const rows = (await this.db.query(
      `SELECT m.platform, m.author_external_id AS "authorId", max(m.author_handle) AS handle, max(m.author_followers)::int AS followers,
              count(DISTINCT m.id)::int AS count, (array_agg(m.url ORDER BY m.published_at DESC))[1] AS url
         FROM mention_matches mm JOIN mentions m ON m.id = mm.mention_id
        WHERE ${t.sql} AND NOT m.is_own_content AND m.matched_at > $2 AND m.author_followers >= $3 AND m.author_external_id IS NOT NULL
        GROUP BY m.platform, m.author_external_id`,
      [t.param, new Date(now.getTime() - HOUR), Number(rule.params.minFollowers ?? 10_000)],
    )) as Array<{ platform: string; authorId: string; handle: string | null; followers: number; count: number; url: string | null }>;
    const out: RaiseOutcome[] = [];
    for (const r of rows) {
      out.push(
        await this.alerts.raise(rule, {
          key: `author:${r.platform}:${r.authorId}`,
          title: `Big account: ${r.handle ?? r.authorId} (${r.followers.toLocaleString('en-US')} followers on ${r.platform}) mentioned ${this.label(rule)}`,
          count: r.count,
          details: { platform: r.platform, author: r.handle ?? r.authorId, followers: r.followers, url: r.url },
        }, now),
      );
    }
    return out;
  }
}
