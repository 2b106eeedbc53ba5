import { Injectable } from '@nestjs/common';
import type { PostCounts } from '@vigie/contracts';
import type { DayPeriod } from '@vigie/kpi';
import type { AlertFigure } from '../report-figures';

/**
 * Narrow interfaces for the report's inputs that other modules own. Each is implemented by a
 * thin adapter over that module's service; where the service does not exist yet in this
 * install, the adapter says so (null) and the report prints "not available" — never a guess.
 */

/** Veille alerts (spikes, crises) that started in the period, with how they ended. */
export abstract class AlertsSource {
  abstract forPeriod(workspaceId: string, brandId: string, period: DayPeriod, timezone: string): Promise<AlertFigure[] | null>;
}

/** Share of voice of the brand and each competitor over a period (mentions). */
export abstract class ShareOfVoiceSource {
  abstract forPeriod(
    workspaceId: string,
    brandId: string,
    period: DayPeriod,
    timezone: string,
  ): Promise<{ brand: number | null; byCompetitor: Map<string, number | null> } | null>;
}

/** One post with its counts, as the highlights need them. */
export interface ReportPostRow extends Omit<PostCounts, 'videoViews'> {
  id: string;
  platform: string;
  handle: string;
  publishedAt: Date | string;
  contentType: string;
  text: string;
  permalink: string | null;
}

/** Closed crises of a brand whose closing falls in the period (local days), as alert figures (kind 'crisis'). */
export interface ClosedCrisesProvider {
  closedInPeriod(workspaceId: string, brandId: string, period: DayPeriod, timezone: string): Promise<AlertFigure[]>;
}

/**
 * Where the crisis module (above reports in the module layers) plugs its closed crises into the
 * monthly report's "spikes and crises" highlights; none registered = no crisis listed.
 */
@Injectable()
export class ReportCrisesRegistry {
  private provider: ClosedCrisesProvider | null = null;

  register(p: ClosedCrisesProvider): void {
    this.provider = p;
  }

  forPeriod(workspaceId: string, brandId: string, period: DayPeriod, timezone: string): Promise<AlertFigure[]> {
    return this.provider ? this.provider.closedInPeriod(workspaceId, brandId, period, timezone) : Promise.resolve([]);
  }
}
