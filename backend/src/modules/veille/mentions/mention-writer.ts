import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { analyze } from '@vigie/text';
import type { DataSource } from 'typeorm';

export type MentionKind = 'post' | 'comment' | 'article';
export type MentionOrigin = 'search' | 'rss' | 'channel';

export interface MentionInput {
  platform: string;
  source: string;
  externalId: string;
  kind: MentionKind;
  origin: MentionOrigin;
  text: string;
  url: string | null;
  author: { externalId: string; handle: string | null; name: string | null; followers: number | null } | null;
  /** Platform-given reach; defaults to the author's followers (potential reach). */
  reach?: number | null;
  engagement: number | null;
  publishedAt: string | Date;
  isOwnContent: boolean;
  channelAccountId: string | null;
  /** Already known (enriched post/comment); otherwise @vigie/text reads the text. */
  language?: string | null;
  sentiment?: { label: string; score: number } | null;
  languageHint?: string;
  /** Queries that matched (checked by the real matcher) with their brand. */
  matches: Array<{ queryId: string; brandId: string }>;
}

export interface WriteResult {
  /** Mentions created by this call (not seen before). */
  inserted: number;
  /** (mention, query) pairs created by this call. */
  newMatches: number;
}

const clampInt = (n: number | null | undefined) =>
  n === null || n === undefined || !Number.isFinite(n) ? null : Math.max(0, Math.min(2_147_483_647, Math.round(n)));

/**
 * Idempotent mention upserts: the natural key (workspace, platform, external id) means a
 * re-poll or a replayed batch updates counts in place and adds only new (mention, query)
 * pairs. Only matched items are written (callers filter with the real matcher first).
 */
@Injectable()
export class MentionWriter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async write(workspaceId: string, inputs: MentionInput[]): Promise<WriteResult> {
    const byKey = new Map<string, MentionInput>();
    for (const m of inputs) {
      if (!m.matches.length) continue;
      const key = `${m.platform}\u0000${m.externalId}`;
      const prev = byKey.get(key);
      // Same item found twice in one batch (two search strings): one row, union of matches.
      if (prev) prev.matches = [...prev.matches, ...m.matches];
      else byKey.set(key, { ...m, matches: [...m.matches] });
    }
    const list = [...byKey.values()];
    if (!list.length) return { inserted: 0, newMatches: 0 };
    const rows = list.map((m) => {
      const needsText = m.language === undefined || m.sentiment === undefined;
      const a = needsText ? analyze(m.text, m.languageHint ? { languageHint: m.languageHint } : {}) : null;
      const followers = clampInt(m.author?.followers);
      return {
        platform: m.platform,
        source: m.source.slice(0, 300),
        external_id: m.externalId,
        kind: m.kind,
        origin: m.origin,
        text: m.text,
        url: m.url,
        author_external_id: m.author?.externalId ?? null,
        author_handle: m.author?.handle ?? null,
        author_name: m.author?.name ?? null,
        author_followers: followers,
        reach: clampInt(m.reach) ?? followers,
        engagement: clampInt(m.engagement),
        language: m.language !== undefined ? m.language : a && a.language !== 'und' ? a.language : null,
        sentiment: m.sentiment !== undefined ? (m.sentiment?.label ?? null) : (a?.sentiment.label ?? null),
        sentiment_score: m.sentiment !== undefined ? (m.sentiment?.score ?? null) : (a?.sentiment.score ?? null),
        is_own_content: m.isOwnContent,
        channel_account_id: m.channelAccountId,
        published_at: new Date(m.publishedAt).toISOString(),
      };
    });
    return this.db.transaction(async (tx) => {
      const written = (await tx.query(
        `INSERT INTO mentions (workspace_id, platform, source, external_id, kind, origin, text, url,
           author_external_id, author_handle, author_name, author_followers, reach, engagement,
           language, sentiment, sentiment_score, is_own_content, channel_account_id, published_at)
         SELECT $1, x.platform, x.source, x.external_id, x.kind, x.origin, x.text, x.url,
           x.author_external_id, x.author_handle, x.author_name, x.author_followers, x.reach, x.engagement,
           x.language, x.sentiment, x.sentiment_score, x.is_own_content, x.channel_account_id, x.published_at
         FROM jsonb_to_recordset($2::jsonb) AS x(platform text, source text, external_id text, kind text, origin text,
           text text, url text, author_external_id text, author_handle text, author_name text, author_followers int,
           reach int, engagement int, language text, sentiment text, sentiment_score real, is_own_content boolean,
           channel_account_id uuid, published_at timestamptz)
         ON CONFLICT (workspace_id, platform, external_id) DO UPDATE SET
           text = EXCLUDED.text,
           author_followers = COALESCE(EXCLUDED.author_followers, mentions.author_followers),
           reach = COALESCE(EXCLUDED.reach, mentions.reach),
           engagement = COALESCE(EXCLUDED.engagement, mentions.engagement)
         RETURNING id::text, platform, external_id, published_at, (xmax = 0) AS inserted`,
        [workspaceId, JSON.stringify(rows)],
      )) as Array<{ id: string; platform: string; external_id: string; published_at: Date; inserted: boolean }>;
      const idOf = new Map(written.map((w) => [`${w.platform}\u0000${w.external_id}`, w]));
      const pairs: Array<{ mention_id: string; query_id: string; brand_id: string; published_at: string }> = [];
      for (const m of list) {
        const w = idOf.get(`${m.platform}\u0000${m.externalId}`);
        if (!w) continue;
        const seen = new Set<string>();
        for (const x of m.matches) {
          if (seen.has(x.queryId)) continue;
          seen.add(x.queryId);
          pairs.push({ mention_id: w.id, query_id: x.queryId, brand_id: x.brandId, published_at: new Date(w.published_at).toISOString() });
        }
      }
      const created = (await tx.query(
        `INSERT INTO mention_matches (mention_id, query_id, workspace_id, brand_id, published_at)
         SELECT x.mention_id, x.query_id, $1, x.brand_id, x.published_at
           FROM jsonb_to_recordset($2::jsonb) AS x(mention_id bigint, query_id uuid, brand_id uuid, published_at timestamptz)
          -- a query deleted meanwhile is skipped rather than failing the batch
          WHERE EXISTS (SELECT 1 FROM watch_queries w WHERE w.id = x.query_id AND w.workspace_id = $1)
         ON CONFLICT DO NOTHING RETURNING mention_id`,
        [workspaceId, JSON.stringify(pairs)],
      )) as unknown[];
      return { inserted: written.filter((w) => w.inserted).length, newMatches: created.length };
    });
  }
}
