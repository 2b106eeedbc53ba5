import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MentionInput } from '../mentions/mention-writer';
import { MentionWriter } from '../mentions/mention-writer';
import { CompiledQueriesCache } from '../queries/compiled-queries.cache';

interface ContentRow {
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
 * Own and competitor channel content (posts, community comments) matched against the
 * compiled query set after each ingestion batch. Posts are own content of the account that
 * published them; comments are the community's unless written by the brand.
 */
@Injectable()
export class ChannelContentMatcher {
  private readonly logger = new Logger('veille-channel-content');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: CompiledQueriesCache,
    private readonly writer: MentionWriter,
  ) {}

  async matchPosts(workspaceId: string, postIds: string[]) {
    if (!postIds.length) return { inserted: 0, newMatches: 0 };
    const rows = (await this.db.query(
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
    )) as ContentRow[];
    return this.write(workspaceId, rows, 'post');
  }

  async matchComments(workspaceId: string, commentIds: string[]) {
    if (!commentIds.length) return { inserted: 0, newMatches: 0 };
    const rows = (await this.db.query(
      `SELECT c.id::text, c.external_id AS "externalId", c.text, p.permalink AS url, c.published_at AS "publishedAt",
              ca.platform, ca.handle, ca.id AS "channelAccountId", c.language, c.sentiment, c.sentiment_score AS "sentimentScore",
              a.external_id AS "authorExternalId", a.handle AS "authorHandle", a.display_name AS "authorName",
              a.followers, NULL::float8 AS reach, c.likes::float8 AS engagement, c.is_from_brand AS "isOwn"
         FROM comments c JOIN channel_accounts ca ON ca.id = c.channel_account_id
         JOIN posts p ON p.id = c.post_id
         LEFT JOIN authors a ON a.id = c.author_id
        WHERE c.workspace_id = $1 AND c.id = ANY($2::bigint[])`,
      [workspaceId, commentIds],
    )) as ContentRow[];
    return this.write(workspaceId, rows, 'comment');
  }

  private async write(workspaceId: string, rows: ContentRow[], kind: 'post' | 'comment') {
    const { set, byId } = await this.cache.get(workspaceId);
    if (set.size === 0) return { inserted: 0, newMatches: 0 };
    const inputs: MentionInput[] = [];
    for (const r of rows) {
      const ids = set.match({
        text: r.text,
        lang: r.language ?? undefined,
        platform: r.platform,
        source: r.handle,
        author: r.authorHandle ?? undefined,
      });
      const matches = ids.flatMap((id) => (byId.has(id) ? [{ queryId: id, brandId: byId.get(id)!.brandId }] : []));
      if (!matches.length) continue;
      const enriched = r.sentiment !== null;
      inputs.push({
        platform: r.platform,
        source: `${r.platform}:${r.handle}`,
        externalId: r.externalId,
        kind,
        origin: 'channel',
        text: r.text,
        url: r.url,
        author: r.authorExternalId
          ? { externalId: r.authorExternalId, handle: r.authorHandle, name: r.authorName, followers: r.followers }
          : null,
        reach: r.reach,
        engagement: r.engagement,
        publishedAt: r.publishedAt,
        isOwnContent: r.isOwn,
        channelAccountId: r.channelAccountId,
        // Enrichment may not have run yet: read the text ourselves then.
        ...(enriched ? { language: r.language, sentiment: { label: r.sentiment!, score: r.sentimentScore ?? 0 } } : {}),
        ...(r.language ? { languageHint: r.language } : {}),
        matches,
      });
    }
    const w = await this.writer.write(workspaceId, inputs);
    if (w.inserted) this.logger.debug(`${w.inserted} ${kind} mention(s) from channel content`);
    return w;
  }
}
