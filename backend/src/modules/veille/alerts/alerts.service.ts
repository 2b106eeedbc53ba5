import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AlertsRepository, type AlertWithEmailsRow } from '../alerts.repository';
import type { ListAlertsDto } from './alert-rules.dto';

export type { AlertRow } from '../alerts.repository';

export type RaiseOutcome = { action: 'raised'; alertId: string } | { action: 'updated'; alertId: string } | { action: 'suppressed' };

/** Alert lifecycle: open → acknowledged → resolved, each step with who and when. */
@Injectable()
export class AlertsService {
  constructor(private readonly alerts: AlertsRepository) {}

  async list(workspaceId: string, q: ListAlertsDto) {
    return (await this.alerts.list(workspaceId, { status: q.status, brandId: q.brandId })).map(toAlertDto);
  }

  async get(workspaceId: string, id: string) {
    const row = await this.alerts.findInWorkspace(workspaceId, id);
    if (!row) throw new NotFoundException('Alert not found');
    return toAlertDto(row);
  }

  async acknowledge(workspaceId: string, id: string, userId: string) {
    const current = await this.get(workspaceId, id);
    if (current.status === 'resolved') throw new ConflictException('This alert is already resolved');
    if (current.status === 'open') {
      await this.alerts.acknowledge(workspaceId, id, userId);
    }
    return this.get(workspaceId, id);
  }

  async resolve(workspaceId: string, id: string, userId: string) {
    const current = await this.get(workspaceId, id);
    if (current.status !== 'resolved') {
      await this.alerts.resolve(workspaceId, id, userId);
    }
    return this.get(workspaceId, id);
  }

  /**
   * Deduplication with a cool-down. A live (open/acknowledged) alert for the same rule and key
   * gets its count and details updated; a resolved one seen less than `cooldownMinutes` ago
   * suppresses the raise; otherwise a new alert is created. `once` keys (first appearance)
   * are raised at most once ever.
   */
  async raise(
    rule: { id: string; workspaceId: string; brandId: string; queryId: string | null; type: string; cooldownMinutes: number },
    a: { key: string; title: string; count: number; details: Record<string, unknown>; queryId?: string | null; once?: boolean },
    now: Date,
  ): Promise<RaiseOutcome> {
    return this.alerts.transaction(async (tx) => {
      // Serialises evaluators of the same rule+key (two workers, overlapping ticks).
      await this.alerts.lockRuleKey(rule.id, a.key, tx);
      const live = await this.alerts.refreshLive(rule.id, a.key, a.count, a.details, now, tx);
      if (live) return { action: 'updated', alertId: live };
      const recent = a.once
        ? await this.alerts.existsEver(rule.id, a.key, tx)
        : await this.alerts.seenWithin(rule.id, a.key, now, rule.cooldownMinutes, tx);
      if (recent) return { action: 'suppressed' };
      const alertId = await this.alerts.insert(
        { workspaceId: rule.workspaceId, ruleId: rule.id, brandId: rule.brandId, queryId: a.queryId ?? rule.queryId, type: rule.type, key: a.key, title: a.title, details: a.details, count: a.count, raisedAt: now },
        tx,
      );
      return { action: 'raised', alertId };
    });
  }
}

function toAlertDto(r: AlertWithEmailsRow) {
  return {
    id: r.id,
    ruleId: r.ruleId,
    brandId: r.brandId,
    queryId: r.queryId,
    type: r.type,
    key: r.key,
    status: r.status,
    title: r.title,
    details: r.details,
    count: r.count,
    occurrences: r.occurrences,
    raisedAt: r.raisedAt,
    lastSeenAt: r.lastSeenAt,
    acknowledged: r.acknowledgedAt ? { by: r.acknowledgedBy, email: r.acknowledgedByEmail, at: r.acknowledgedAt } : null,
    resolved: r.resolvedAt ? { by: r.resolvedBy, email: r.resolvedByEmail, at: r.resolvedAt } : null,
  };
}
