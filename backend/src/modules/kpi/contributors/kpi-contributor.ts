import { Injectable } from '@nestjs/common';
import type { CountKey, CountRecord } from '@vigie/kpi';

/** The period a contributor is asked about: local calendar days of the workspace. */
export interface KpiContributionQuery {
  workspaceId: string;
  brandId: string;
  /** Set when the dashboard is filtered on one channel account. */
  channelAccountId: string | null;
  /** Inclusive 'YYYY-MM-DD' days in `timezone` (the workspace's). */
  from: string;
  to: string;
  timezone: string;
}

/** Extra count sums for one brand and period (responses, mentions, sentiment, conversions…). */
export interface KpiContribution {
  /** Only the keys this source knows; an absent key is "not provided", a 0 is a real zero. */
  counts: CountRecord;
  /** Keys whose sum lacked some rows (e.g. comments not yet classified). */
  partial?: CountKey[];
  /** Minutes to the first human reply, one per answered request (median / p90). */
  firstResponseMinutes?: number[] | null;
}

/**
 * Extension point for KPIs fed by other modules (inbox: communityRequests*,
 * firstResponseMinutes; veille: brandMentions / competitorMentions). A module imports
 * KpiModule and, in its onModuleInit, calls `registry.register(contributor)`. Keys no
 * contributor provides stay null and are listed in the KPI response's `missing`.
 */
export interface KpiContributor {
  /** Stable name, for logs and to replace a contributor registered twice. */
  readonly name: string;
  contribute(query: KpiContributionQuery): Promise<KpiContribution>;
  /**
   * Optional: several periods of one scope (same workspace, brand, channel account, time zone)
   * at once, answers in the same order — the dashboard always asks for the period and the
   * previous one, and one round trip instead of two matters under load.
   */
  contributeAll?(queries: readonly KpiContributionQuery[]): Promise<KpiContribution[]>;
  /**
   * Set when the answer depends only on the brand's comments and inbox items (and its kind):
   * the KPI API then reuses it while the brand's activity version (kpi_activity_marks, raised by
   * every statement writing those tables) holds. Leave unset when other tables feed it.
   */
  readonly dependsOnlyOnBrandActivity?: boolean;
}

@Injectable()
export class KpiContributorRegistry {
  private readonly contributors = new Map<string, KpiContributor>();

  register(contributor: KpiContributor): void {
    this.contributors.set(contributor.name, contributor);
  }

  list(): KpiContributor[] {
    return [...this.contributors.values()];
  }
}
