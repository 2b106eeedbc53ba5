import { Injectable } from '@nestjs/common';
import { analyze } from '@vigie/text';
import { type MentionMatchRow, type MentionUpsertRow, MentionsRepository } from '../mentions.repository';

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
  constructor(private readonly mentions: MentionsRepository) {}

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
    const rows = list.map((m): MentionUpsertRow => {
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
    return this.mentions.transaction(async (tx) => {
      const written = await this.mentions.upsertMany(workspaceId, rows, tx);
      const idOf = new Map(written.map((w) => [`${w.platform}\u0000${w.external_id}`, w]));
      const pairs: MentionMatchRow[] = [];
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
      const created = await this.mentions.insertMatches(workspaceId, pairs, tx);
      return { inserted: written.filter((w) => w.inserted).length, newMatches: created };
    });
  }
}
