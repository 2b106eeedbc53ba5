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
