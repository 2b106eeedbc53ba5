import { Injectable, Logger } from '@nestjs/common';
import { ChannelContentRepository, type ChannelContentRow } from '../channel-content.repository';
import type { MentionInput } from '../mentions/mention-writer';
import { MentionWriter } from '../mentions/mention-writer';
import { CompiledQueriesCache } from '../queries/compiled-queries.cache';

/**
 * Own and competitor channel content (posts, community comments) matched against the
 * compiled query set after each ingestion batch. Posts are own content of the account that
 * published them; comments are the community's unless written by the brand.
 */
@Injectable()
export class ChannelContentMatcher {
  private readonly logger = new Logger('veille-channel-content');

  constructor(
    private readonly content: ChannelContentRepository,
    private readonly cache: CompiledQueriesCache,
    private readonly writer: MentionWriter,
  ) {}

  async matchPosts(workspaceId: string, postIds: string[]) {
    if (!postIds.length) return { inserted: 0, newMatches: 0 };
    const rows = await this.content.postsByIds(workspaceId, postIds);
    return this.write(workspaceId, rows, 'post');
  }

  async matchComments(workspaceId: string, commentIds: string[]) {
    if (!commentIds.length) return { inserted: 0, newMatches: 0 };
    const rows = await this.content.commentsByIds(workspaceId, commentIds);
    return this.write(workspaceId, rows, 'comment');
  }

  private async write(workspaceId: string, rows: ChannelContentRow[], kind: 'post' | 'comment') {
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
