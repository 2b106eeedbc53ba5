import { BadRequestException, Injectable } from '@nestjs/common';
import { type MentionRow, MentionsRepository } from '../mentions.repository';
import type { ListMentionsDto } from './mentions.dto';
import { type MentionAuthorRender, MentionAuthors } from '../shared/mention-authors';

/** Keyset cursor over (published_at DESC, id DESC): stable while new mentions arrive. */
export function encodeCursor(publishedAt: Date, id: string): string {
  return Buffer.from(`${publishedAt.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { publishedAt: string; id: string } {
  const raw = Buffer.from(cursor, 'base64url').toString();
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|(\d{1,19})$/.exec(raw);
  if (!m) {
    throw new BadRequestException({ statusCode: 400, message: 'Invalid request: cursor (malformed cursor)', details: [{ field: 'cursor', errors: ['malformed cursor'] }] });
  }
  return { publishedAt: m[1], id: m[2] };
}

@Injectable()
export class MentionsService {
  constructor(
    private readonly mentions: MentionsRepository,
    private readonly authors: MentionAuthors,
  ) {}

  async list(workspaceId: string, q: ListMentionsDto) {
    const limit = q.limit ?? 50;
    // Ids from the client are only ever compared inside this workspace's rows.
    const [render, rows] = await Promise.all([this.authors.renderer(workspaceId), this.mentions.list(
      workspaceId,
      {
        brandId: q.brandId,
        queryId: q.queryId,
        platform: q.platform,
        source: q.source,
        sentiment: q.sentiment,
        lang: q.lang ? q.lang.toLowerCase() : undefined,
        minReach: q.minReach,
        from: q.from,
        to: q.to,
        before: q.cursor ? decodeCursor(q.cursor) : undefined,
      },
      limit + 1,
    )]);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toMentionDto(r, render)),
      nextCursor: rows.length > limit && last ? encodeCursor(new Date(last.publishedAt), last.id) : null,
    };
  }
}

function toMentionDto(r: MentionRow, render: MentionAuthorRender) {
  return {
    id: r.id,
    platform: r.platform,
    source: r.source,
    externalId: r.externalId,
    kind: r.kind,
    origin: r.origin,
    text: r.text,
    url: r.url,
    author: r.authorExternalId
      ? render(r.platform, { externalId: r.authorExternalId, handle: r.authorHandle, name: r.authorName, followers: r.authorFollowers })
      : null,
    reach: r.reach,
    engagement: r.engagement,
    language: r.language,
    sentiment: r.sentiment ? { label: r.sentiment, score: r.sentimentScore } : null,
    isOwnContent: r.isOwnContent,
    publishedAt: r.publishedAt,
    matchedAt: r.matchedAt,
    queryIds: r.queryIds,
    brandIds: r.brandIds,
  };
}
