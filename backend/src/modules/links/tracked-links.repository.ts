import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { inLocalDays } from '../../database/local-days';
import { preparedQuery } from '../../common/database/prepared-query';

/** A row of tracked_links. */
export interface TrackedLinkRow {
  id: string;
  workspace_id: string;
  brand_id: string;
  channel_account_id: string | null;
  post_id: string | null;
  code: string;
  target_url: string;
  campaign: string | null;
  channel: string | null;
  created_at: Date;
}

/** A tracked link with the platform of its channel account (read-only join on channel_accounts). */
export type LinkRow = TrackedLinkRow & { platform: string | null };

/** Click / conversion totals of one link (link_clicks, conversions). */
export interface LinkStatsRow {
  id: string;
  clicks: number;
  unique_clicks: number;
  conversions: number;
  conversion_value: number;
}

/** The columns a new link is created with (id and created_at are the database's). */
export type NewTrackedLink = Pick<
  TrackedLinkRow,
  'workspace_id' | 'brand_id' | 'channel_account_id' | 'post_id' | 'code' | 'target_url' | 'campaign' | 'channel'
>;

/** Clicks and conversions of a brand's links over several periods of local days (the KPI contributor). */
export interface LinkPeriodCountsRow {
  i: number;
  clicks: number;
  conversions: number;
  value: number;
}

const LINK_SELECT = `SELECT l.*, ca.platform FROM tracked_links l
  LEFT JOIN channel_accounts ca ON ca.id = l.channel_account_id`;

/** tracked_links, and the per-link reads over link_clicks / conversions. */
@Injectable()
export class TrackedLinksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Read-only reference check on posts: the post is the brand's, in this workspace. */
  async postInBrand(workspaceId: string, brandId: string, postId: string): Promise<boolean> {
    const [post] = (await this.db.query('SELECT id FROM posts WHERE id = $1 AND workspace_id = $2 AND brand_id = $3', [
      postId,
      workspaceId,
      brandId,
    ])) as Array<{ id: string }>;
    return post !== undefined;
  }

  /** The new link's id, or null when its code is taken (the caller draws another one). */
  async insert(link: NewTrackedLink): Promise<string | null> {
    const rows = (await this.db.query(
      `INSERT INTO tracked_links (workspace_id, brand_id, channel_account_id, post_id, code, target_url, campaign, channel)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [link.workspace_id, link.brand_id, link.channel_account_id, link.post_id, link.code, link.target_url,
        link.campaign, link.channel],
    )) as Array<{ id: string }>;
    return rows[0]?.id ?? null;
  }

  list(workspaceId: string, brandId: string | null, campaign: string | null): Promise<LinkRow[]> {
    return this.db.query(
      `${LINK_SELECT} WHERE l.workspace_id = $1 AND ($2::uuid IS NULL OR l.brand_id = $2)
         AND ($3::text IS NULL OR l.campaign = $3) ORDER BY l.created_at DESC, l.id LIMIT 1000`,
      [workspaceId, brandId, campaign],
    ) as Promise<LinkRow[]>;
  }

  find(workspaceId: string, linkId: string): Promise<LinkRow[]> {
    return this.db.query(`${LINK_SELECT} WHERE l.workspace_id = $1 AND l.id = $2`, [workspaceId, linkId]) as Promise<
      LinkRow[]
    >;
  }

  async findByCode(code: string): Promise<LinkRow | null> {
    const [row] = (await this.db.query(`${LINK_SELECT} WHERE l.code = $1`, [code])) as LinkRow[];
    return row ?? null;
  }

  /** null keeps a column as it is. */
  async update(
    workspaceId: string,
    linkId: string,
    patch: { targetUrl: string | null; campaign: string | null; channel: string | null },
  ): Promise<void> {
    await this.db.query(
      `UPDATE tracked_links SET target_url = coalesce($3, target_url), campaign = coalesce($4, campaign),
         channel = coalesce($5, channel) WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, linkId, patch.targetUrl, patch.campaign, patch.channel],
    );
  }

  async delete(workspaceId: string, linkId: string): Promise<void> {
    await this.db.query('DELETE FROM tracked_links WHERE workspace_id = $1 AND id = $2', [workspaceId, linkId]);
  }

  /** Clicks, unique clicks (distinct visitor per UTC day), conversions and their value, per link. */
  stats(linkIds: readonly string[]): Promise<LinkStatsRow[]> {
    return this.db.query(
      `SELECT l.id,
         (SELECT count(*)::int FROM link_clicks c WHERE c.link_id = l.id) AS clicks,
         (SELECT count(DISTINCT ((c.clicked_at AT TIME ZONE 'UTC')::date, c.visitor_hash))::int
            FROM link_clicks c WHERE c.link_id = l.id) AS unique_clicks,
         (SELECT count(*)::int FROM conversions v WHERE v.link_id = l.id) AS conversions,
         (SELECT coalesce(sum(v.value), 0)::float8 FROM conversions v WHERE v.link_id = l.id) AS conversion_value
       FROM tracked_links l WHERE l.id = ANY($1::uuid[])`,
      [linkIds],
    ) as Promise<LinkStatsRow[]>;
  }

  /**
   * Clicks and conversions (+ value) of the brand's links (or of the links created for one
   * channel account), dated by the click / the conversion in local days of `timezone`, for each
   * period [froms[k], tos[k]] — one round trip, rows in period order (i = k + 1).
   */
  countsForPeriods(
    scope: { workspaceId: string; brandId: string; channelAccountId: string | null; timezone: string },
    froms: readonly string[],
    tos: readonly string[],
  ): Promise<LinkPeriodCountsRow[]> {
    const params = [scope.workspaceId, scope.brandId, froms, tos, scope.channelAccountId, scope.timezone];
    const links = `SELECT id FROM tracked_links WHERE workspace_id = $1 AND brand_id = $2
      AND ($5::uuid IS NULL OR channel_account_id = $5)`;
    return preparedQuery(this.db,
      `SELECT k.i::int AS i,
         (SELECT count(*)::int FROM link_clicks c WHERE c.link_id IN (${links})
            AND ${inLocalDays('c.clicked_at', 'k.from_day', 'k.to_day', '$6')}) AS clicks,
         (SELECT count(*)::int FROM conversions v WHERE v.link_id IN (${links})
            AND ${inLocalDays('v.occurred_at', 'k.from_day', 'k.to_day', '$6')}) AS conversions,
         (SELECT coalesce(sum(v.value), 0)::float8 FROM conversions v WHERE v.link_id IN (${links})
            AND ${inLocalDays('v.occurred_at', 'k.from_day', 'k.to_day', '$6')}) AS value
       FROM unnest($3::date[], $4::date[]) WITH ORDINALITY AS k(from_day, to_day, i)
       ORDER BY 1`,
      params,
    ) as Promise<LinkPeriodCountsRow[]>;
  }
}
