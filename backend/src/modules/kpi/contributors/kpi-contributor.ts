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
  /**
   * The sums of each question, in the same order. The questions are the periods of one scope
   * (same workspace, brand, channel account, time zone), never none: the dashboard always asks
   * for the period and the previous one, and one round trip instead of two matters under load.
   */
  contribute(queries: readonly KpiContributionQuery[]): Promise<KpiContribution[]>;
  /**
   * The brand version under which the KPI API may keep this answer between requests; unset: asked
   * on every request. Set it only when every table the answer reads raises that version:
   * - 'activity' (kpi_activity_marks): the brand's comments, inbox items and notes, posts, and the
   *   workspace's authors and services;
   * - 'sources' (kpi_source_marks): account_daily_stats, tracked_links, link_clicks, conversions,
   *   mention_matches, watch_queries and the workspace's brands.
   * Either way the brand's kind and the question (scope, periods) are part of the key.
   */
  readonly keptWhile?: 'activity' | 'sources';
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
