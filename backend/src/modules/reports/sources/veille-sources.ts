import { Injectable } from '@nestjs/common';
import type { DayPeriod } from '@vigie/kpi';
import { AlertsService } from '../../veille/alerts/alerts.service';
import { ShareOfVoiceService } from '../../veille/insights/share-of-voice.service';
import type { AlertFigure } from '../report-figures';
import { localDay } from '../scheduler/local-time';
import { AlertsSource, ShareOfVoiceSource } from './report-sources';

/** Veille alert types as the report names them: a negative surge is a crisis signal. */
const KIND: Record<string, AlertFigure['kind']> = {
  volume_spike: 'spike',
  negative_surge: 'crisis',
  first_appearance: 'first_appearance',
  big_account: 'big_account',
};

/**
 * Spikes and crises of the month from the veille module's AlertsService: the alerts raised during the month (local days),
 * with their timeline (raised, last seen, acknowledged, resolved — when and by whom).
 */
@Injectable()
export class VeilleAlertsSource extends AlertsSource {
  constructor(private readonly alerts: AlertsService) {
    super();
  }

  async forPeriod(workspaceId: string, brandId: string, period: DayPeriod, timezone: string): Promise<AlertFigure[]> {
    const list = await this.alerts.list(workspaceId, { brandId });
    return list
      .filter((a) => {
        const day = localDay(new Date(a.raisedAt), timezone);
        return day >= period.from && day <= period.to;
      })
      .sort((a, b) => new Date(a.raisedAt).getTime() - new Date(b.raisedAt).getTime())
      .map((a) => {
        const iso = (d: Date | string) => new Date(d).toISOString();
        const timeline: AlertFigure['timeline'] = [{ at: iso(a.raisedAt), event: 'raised', by: null, count: null }];
        if (a.occurrences > 1) timeline.push({ at: iso(a.lastSeenAt), event: 'lastSeen', by: null, count: a.count });
        if (a.acknowledged) timeline.push({ at: iso(a.acknowledged.at), event: 'acknowledged', by: a.acknowledged.email, count: null });
        if (a.resolved) timeline.push({ at: iso(a.resolved.at), event: 'resolved', by: a.resolved.email, count: null });
        return {
          id: a.id,
          kind: KIND[a.type] ?? a.type,
          title: a.title,
          startedAt: iso(a.raisedAt),
          peak: a.count,
          timeline,
          status: a.status,
          acknowledgedAt: a.acknowledged ? iso(a.acknowledged.at) : null,
          acknowledgedBy: a.acknowledged?.email ?? null,
          resolvedAt: a.resolved ? iso(a.resolved.at) : null,
          resolvedBy: a.resolved?.email ?? null,
        };
      });
  }
}

/** Share of voice from the veille module's ShareOfVoiceService (brand and each competitor). */
@Injectable()
export class VeilleShareOfVoiceSource extends ShareOfVoiceSource {
  constructor(private readonly sov: ShareOfVoiceService) {
    super();
  }

  async forPeriod(workspaceId: string, brandId: string, period: DayPeriod, timezone: string) {
    const totals = await this.sov.forPeriod(workspaceId, brandId, period.from, period.to, timezone);
    if (totals.brandMentions === null && totals.competitorMentions === null) return null;
    // Same formula as the KPI's shareOfVoice: brand ÷ (brand + Σ competitors), null on 0.
    const all = (totals.brandMentions ?? 0) + (totals.competitorMentions ?? 0);
    const share = (n: number | null) => (n === null || all === 0 ? null : n / all);
    return {
      brand: totals.brandMentions === null || totals.competitorMentions === null ? null : share(totals.brandMentions),
      byCompetitor: new Map(totals.competitors.map((c) => [c.brandId, share(c.mentions)])),
    };
  }
}
