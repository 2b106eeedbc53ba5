import { Injectable } from '@nestjs/common';
import type { DayPeriod } from '@vigie/kpi';
import type { AlertFigure } from '../reports/report-figures';
import { localDay } from '../reports/scheduler/local-time';
import type { ClosedCrisesProvider } from '../reports/sources/report-sources';
import { CrisesRepository } from './crises.repository';
import { CrisisFiguresService } from './crisis-figures.service';

const DAY = 86_400_000;

/**
 * The month's closed crises for the monthly report's highlights: opened (raised, by the opener),
 * closed (resolved, by whoever closed it), the peak of its timeline.
 */
@Injectable()
export class CrisisReportHighlights implements ClosedCrisesProvider {
  constructor(
    private readonly crises: CrisesRepository,
    private readonly figures: CrisisFiguresService,
  ) {}

  async closedInPeriod(workspaceId: string, brandId: string, period: DayPeriod, timezone: string): Promise<AlertFigure[]> {
    // A day either side covers every time zone; the local-day filter decides.
    const from = new Date(Date.parse(`${period.from}T00:00:00Z`) - DAY);
    const to = new Date(Date.parse(`${period.to}T00:00:00Z`) + 2 * DAY);
    const rows = (await this.crises.closedBetween(workspaceId, brandId, from, to)).filter((c) => {
      const d = localDay(c.closedAt!, timezone);
      return d >= period.from && d <= period.to;
    });
    const out: AlertFigure[] = [];
    for (const c of rows) {
      const events = await this.crises.events(c.id);
      const closing = [...events].reverse().find((e) => e.kind === 'stage_changed' && e.payload.toStage === 'closed');
      const tl = await this.figures.timeline(c, [], c.closedAt!);
      const peak = tl.moments.find((m) => m.kind === 'peak');
      out.push({
        id: c.id,
        kind: 'crisis',
        title: c.title,
        startedAt: c.openedAt.toISOString(),
        peak: peak?.count ?? null,
        timeline: [
          { at: c.openedAt.toISOString(), event: 'raised', by: c.openedByEmail, count: null },
          ...(peak ? [{ at: peak.at, event: 'lastSeen' as const, by: null, count: peak.count }] : []),
          { at: c.closedAt!.toISOString(), event: 'resolved', by: closing?.email ?? null, count: null },
        ],
        status: 'resolved',
        acknowledgedAt: null,
        acknowledgedBy: null,
        resolvedAt: c.closedAt!.toISOString(),
        resolvedBy: closing?.email ?? null,
      });
    }
    return out;
  }
}
