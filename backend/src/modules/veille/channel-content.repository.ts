import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** A post or comment as a mention candidate (read model over posts' tables, read-only). */
export interface ChannelContentRow {
  id: string;
  externalId: string;
  text: string;
  url: string | null;
  publishedAt: Date;
  platform: string;
  handle: string;
  channelAccountId: string;
  language: string | null;
  sentiment: string | null;
  sentimentScore: number | null;
  authorExternalId: string | null;
  authorHandle: string | null;
  authorName: string | null;
  followers: number | null;
  reach: number | null;
  engagement: number | null;
  isOwn: boolean;
}

/**
 * Read-only read model: freshly ingested channel content (`posts`, `comments`, `authors`,
 * `channel_accounts`, `account_daily_stats`, owned by posts / channels) shaped as mention
 * candidates for the matcher. Writes nothing.
 */
@Injectable()
export class ChannelContentRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Posts are own content of the account that published them. */
  async postsByIds(workspaceId: string, postIds: string[]): Promise<ChannelContentRow[]> {
    return (await this.db.query(
      `SELECT p.id::text, p.external_id AS "externalId", p.text, p.permalink AS url, p.published_at AS "publishedAt",
              ca.platform, ca.handle, ca.id AS "channelAccountId", p.language, p.sentiment, p.sentiment_score AS "sentimentScore",
              coalesce(a.external_id, ca.external_id, ca.handle) AS "authorExternalId", coalesce(a.handle, ca.handle) AS "authorHandle",
              coalesce(a.display_name, ca.display_name) AS "authorName",
              coalesce(a.followers, (SELECT s.followers FROM account_daily_stats s WHERE s.channel_account_id = ca.id
                                      AND s.followers IS NOT NULL ORDER BY s.day DESC LIMIT 1)) AS followers,
              p.reach::float8 AS reach,
              CASE WHEN p.reactions IS NULL AND p.comments IS NULL AND p.shares IS NULL THEN NULL
                   ELSE (coalesce(p.reactions, 0) + coalesce(p.comments, 0) + coalesce(p.shares, 0))::float8 END AS engagement,
              true AS "isOwn"
         FROM posts p JOIN channel_accounts ca ON ca.id = p.channel_account_id
         LEFT JOIN authors a ON a.id = p.author_id
        WHERE p.workspace_id = $1 AND p.id = ANY($2::bigint[])`,
      [workspaceId, postIds],
    )) as ChannelContentRow[];
  }

  /** Comments are the community's unless written by the brand. */
  async commentsByIds(workspaceId: string, commentIds: string[]): Promise<ChannelContentRow[]> {
    return (await this.db.query(
      `SELECT c.id::text, c.external_id AS "externalId", c.text, p.permalink AS url, c.published_at AS "publishedAt",
              ca.platform, ca.handle, ca.id AS "channelAccountId", c.language, c.sentiment, c.sentiment_score AS "sentimentScore",
              a.external_id AS "authorExternalId", a.handle AS "authorHandle", a.display_name AS "authorName",
              a.followers, NULL::float8 AS reach, c.likes::float8 AS engagement, c.is_from_brand AS "isOwn"
         FROM comments c JOIN channel_accounts ca ON ca.id = c.channel_account_id
         JOIN posts p ON p.id = c.post_id
         LEFT JOIN authors a ON a.id = c.author_id
        WHERE c.workspace_id = $1 AND c.id = ANY($2::bigint[])`,
      [workspaceId, commentIds],
    )) as ChannelContentRow[];
  }
}
