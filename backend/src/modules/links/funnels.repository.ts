import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { inLocalDays } from '../../database/local-days';

/** One funnel group: the links of a channel account / free channel label / campaign. */
export interface FunnelGroupRow {
  channel_account_id: string | null;
  platform: string | null;
  handle: string | null;
  channel: string | null;
  campaign: string | null;
}
export type FunnelClicksRow = FunnelGroupRow & { clicks: number; unique_clicks: number };
export type FunnelConversionsRow = FunnelGroupRow & { conversions: number; value: number };
export type FunnelImpressionsRow = Pick<FunnelGroupRow, 'channel_account_id' | 'channel' | 'campaign'> & {
  impressions: number | null;
  known: number;
};

/** The brand's links a funnel covers, over local days [from, to] of `timezone`. */
export interface FunnelFilter {
  workspaceId: string;
  brandId: string;
  from: string;
  to: string;
  timezone: string;
  campaign: string | null;
  channelAccountId: string | null;
}

const GROUP = 'l.channel_account_id, ca.platform, ca.handle, l.channel, l.campaign';
const LINKS = `tracked_links l LEFT JOIN channel_accounts ca ON ca.id = l.channel_account_id
      WHERE l.workspace_id = $1 AND l.brand_id = $2 AND ($6::text IS NULL OR l.campaign = $6)
        AND ($7::uuid IS NULL OR l.channel_account_id = $7)`;

const params = (f: FunnelFilter) => [f.workspaceId, f.brandId, f.from, f.to, f.timezone, f.campaign, f.channelAccountId];

/**
 * The funnel read model over tracked_links, link_clicks and conversions, with read-only joins on
 * channel_accounts (platform, handle) and posts (impressions of the linked posts).
 */
@Injectable()
export class FunnelsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every group (with or without clicks), its clicks and unique clicks (distinct visitor per UTC day). */
  clicks(f: FunnelFilter): Promise<FunnelClicksRow[]> {
    return this.db.query(
      `SELECT ${GROUP}, count(c.id)::int AS clicks,
           count(DISTINCT ((c.clicked_at AT TIME ZONE 'UTC')::date, c.visitor_hash))::int AS unique_clicks
         FROM ${LINKS.replace('WHERE', `LEFT JOIN link_clicks c ON c.link_id = l.id AND ${inLocalDays('c.clicked_at', '$3', '$4', '$5')} WHERE`)}
         GROUP BY ${GROUP}`,
      params(f),
    ) as Promise<FunnelClicksRow[]>;
  }

  conversions(f: FunnelFilter): Promise<FunnelConversionsRow[]> {
    return this.db.query(
      `SELECT ${GROUP}, count(*)::int AS conversions, coalesce(sum(v.value), 0)::float8 AS value
         FROM ${LINKS.replace('WHERE', 'JOIN conversions v ON v.link_id = l.id WHERE')}
           AND ${inLocalDays('v.occurred_at', '$3', '$4', '$5')}
         GROUP BY ${GROUP}`,
      params(f),
    ) as Promise<FunnelConversionsRow[]>;
  }

  /** Impressions of the linked posts published in the period (the KPI attribution rule). */
  impressions(f: FunnelFilter): Promise<FunnelImpressionsRow[]> {
    return this.db.query(
      `SELECT g.channel_account_id, g.channel, g.campaign, sum(p.impressions)::float8 AS impressions,
           count(p.impressions)::int AS known
         FROM (SELECT DISTINCT ${GROUP}, l.post_id FROM ${LINKS} AND l.post_id IS NOT NULL) g
         JOIN posts p ON p.id = g.post_id AND p.workspace_id = $1
           AND ${inLocalDays('p.published_at', '$3', '$4', '$5')}
         GROUP BY 1, 2, 3`,
      params(f),
    ) as Promise<FunnelImpressionsRow[]>;
  }

  /** Unique visitors over all the links at once (they are not additive across groups). */
  async uniqueClicks(f: FunnelFilter): Promise<number> {
    const [{ unique_clicks: unique }] = (await this.db.query(
      `SELECT count(DISTINCT ((c.clicked_at AT TIME ZONE 'UTC')::date, c.visitor_hash))::int AS unique_clicks
       FROM ${LINKS.replace('WHERE', `JOIN link_clicks c ON c.link_id = l.id WHERE`)}
         AND ${inLocalDays('c.clicked_at', '$3', '$4', '$5')}`,
      params(f),
    )) as Array<{ unique_clicks: number }>;
    return unique;
  }
}
