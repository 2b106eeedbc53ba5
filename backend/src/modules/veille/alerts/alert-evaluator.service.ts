import { Injectable, Logger } from '@nestjs/common';
import { AlertRulesRepository, type EvaluatedRuleRow } from '../alert-rules.repository';
import { type MentionTarget, MentionsRepository } from '../mentions.repository';
import { AlertDeliveryService } from './alert-delivery.service';
import { AlertsService, type RaiseOutcome } from './alerts.service';
import {
  evaluateNegativeSurge,
  evaluateSpike,
  NEGATIVE_DEFAULTS,
  type NegativeParams,
  SPIKE_DEFAULTS,
  type SpikeParams,
} from './spike-statistic';

type RuleRow = EvaluatedRuleRow;

const HOUR = 3_600_000;

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
    private readonly rules: AlertRulesRepository,
    private readonly mentions: MentionsRepository,
    private readonly alerts: AlertsService,
    private readonly delivery: AlertDeliveryService,
  ) {}

  async evaluateWorkspace(workspaceId: string, now = new Date()): Promise<Array<{ ruleId: string; outcome: RaiseOutcome }>> {
    const rules = await this.rules.activeOfWorkspace(workspaceId);
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

  /** The rule's target: its query, else every query of its brand. */
  private target(rule: RuleRow): MentionTarget {
    return rule.queryId ? { queryId: rule.queryId } : { brandId: rule.brandId };
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
    const c = await this.mentions.spikeCounts(this.target(rule), now);
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
    const c = await this.mentions.negativeCounts(this.target(rule), now);
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
    const rows = await this.mentions.firstMatchesByQuery(rule.workspaceId, this.target(rule));
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
    const rows = await this.mentions.bigAccountsSince(this.target(rule), new Date(now.getTime() - HOUR), Number(rule.params.minFollowers ?? 10_000));
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
