import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ListMentionsDto } from './mentions.dto';

interface MentionRow {
  id: string;
  platform: string;
  source: string;
  externalId: string;
  kind: string;
  origin: string;
  text: string;
  url: string | null;
  authorExternalId: string | null;
  authorHandle: string | null;
  authorName: string | null;
  authorFollowers: number | null;
  reach: number | null;
  engagement: number | null;
  language: string | null;
  sentiment: string | null;
  sentimentScore: number | null;
  isOwnContent: boolean;
  publishedAt: Date;
  matchedAt: Date;
  queryIds: string[];
  brandIds: string[];
}

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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(workspaceId: string, q: ListMentionsDto) {
    const limit = q.limit ?? 50;
    const where: string[] = ['m.workspace_id = $1'];
    const params: unknown[] = [workspaceId];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    // Ids from the client are only ever compared inside this workspace's rows.
    if (q.brandId) where.push(`EXISTS (SELECT 1 FROM mention_matches mm WHERE mm.mention_id = m.id AND mm.brand_id = ${p(q.brandId)})`);
    if (q.queryId) where.push(`EXISTS (SELECT 1 FROM mention_matches mm WHERE mm.mention_id = m.id AND mm.query_id = ${p(q.queryId)})`);
    if (q.platform) where.push(`m.platform = ${p(q.platform)}`);
    if (q.source) where.push(`m.source = ${p(q.source)}`);
    if (q.sentiment) where.push(`m.sentiment = ${p(q.sentiment)}`);
    if (q.lang) where.push(`m.language = ${p(q.lang.toLowerCase())}`);
    if (q.minReach !== undefined) where.push(`m.reach >= ${p(q.minReach)}`);
    if (q.from || q.to) {
      // Looked up inside the list query: one round trip less (the guard proved the workspace exists).
      const tz = '(SELECT w.timezone FROM workspaces w WHERE w.id = $1)';
      if (q.from) where.push(`m.published_at >= (${p(q.from)}::date::timestamp AT TIME ZONE ${tz})`);
      if (q.to) where.push(`m.published_at < ((${p(q.to)}::date + 1)::timestamp AT TIME ZONE ${tz})`);
    }
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      where.push(`(m.published_at, m.id) < (${p(c.publishedAt)}::timestamptz, ${p(c.id)}::bigint)`);
    }
    const rows = (await this.db.query(
      `SELECT m.id::text, m.platform, m.source, m.external_id AS "externalId", m.kind, m.origin, m.text, m.url,
              m.author_external_id AS "authorExternalId", m.author_handle AS "authorHandle", m.author_name AS "authorName",
              m.author_followers AS "authorFollowers", m.reach, m.engagement, m.language, m.sentiment,
              m.sentiment_score AS "sentimentScore", m.is_own_content AS "isOwnContent",
              m.published_at AS "publishedAt", m.matched_at AS "matchedAt",
              coalesce((SELECT array_agg(mm.query_id::text ORDER BY mm.query_id) FROM mention_matches mm WHERE mm.mention_id = m.id), '{}') AS "queryIds",
              coalesce((SELECT array_agg(DISTINCT mm.brand_id::text) FROM mention_matches mm WHERE mm.mention_id = m.id), '{}') AS "brandIds"
         FROM mentions m
        WHERE ${where.join(' AND ')}
        ORDER BY m.published_at DESC, m.id DESC
        LIMIT ${limit + 1}`,
      params,
    )) as MentionRow[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toMentionDto),
      nextCursor: rows.length > limit && last ? encodeCursor(new Date(last.publishedAt), last.id) : null,
    };
  }
}

function toMentionDto(r: MentionRow) {
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
      ? { externalId: r.authorExternalId, handle: r.authorHandle, name: r.authorName, followers: r.authorFollowers }
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
