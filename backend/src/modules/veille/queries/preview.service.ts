import { Injectable } from '@nestjs/common';
import { compileQuery, matchQuery, type MatchSpan } from '@vigie/query';
import { BrandsService } from '../../brands/brands.service';
import { WorkspacesRepository } from '../../workspaces/workspaces.repository';
import { MentionsRepository, type StoredItem } from '../mentions.repository';
import { localDay, workspaceTimezone } from '../shared/workspace-time';
import { parseOr400 } from './query-error';

/** Newest items scanned when previewing over stored content (bounds the cost of a keystroke). */
export const PREVIEW_SCAN_LIMIT = 5000;
/** Matches returned in full (the counts cover every scanned item). */
export const PREVIEW_MATCHES_LIMIT = 100;
export const PREVIEW_DAYS = 30;

export type { StoredItem } from '../mentions.repository';

@Injectable()
export class PreviewService {
  constructor(
    private readonly mentions: MentionsRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly brands: BrandsService,
  ) {}

  /** Draft query over the given texts: every text with matched + spans, in input order. */
  previewTexts(query: string, texts: string[]) {
    const q = compileQuery(parseOr400(query));
    const matches = texts.map((text, index) => {
      const r = matchQuery(q, { text });
      return { index, text, matched: r.matched, spans: r.spans };
    });
    return { count: matches.filter((m) => m.matched).length, total: texts.length, matches };
  }

  /** Draft query over the workspace's last 30 days of mentions, posts and comments, newest first. */
  async previewStored(workspaceId: string, query: string, brandId?: string, now = new Date()) {
    const q = compileQuery(parseOr400(query));
    if (brandId) await this.brands.get(workspaceId, brandId);
    const tz = await workspaceTimezone(this.workspaces, workspaceId);
    const since = new Date(now.getTime() - PREVIEW_DAYS * 86_400_000);
    const items = await this.recentItems(workspaceId, since, brandId ?? null);
    const matches: Array<Omit<StoredItem, 'lang' | 'author'> & { spans: MatchSpan[] }> = [];
    const byDay = new Map<string, number>();
    const bySource = new Map<string, number>();
    let count = 0;
    for (const it of items) {
      const r = matchQuery(q, {
        text: it.text,
        lang: it.lang ?? undefined,
        platform: it.platform,
        source: it.source ?? undefined,
        author: it.author ?? undefined,
      });
      if (!r.matched) continue;
      count++;
      const day = localDay(it.publishedAt, tz);
      byDay.set(day, (byDay.get(day) ?? 0) + 1);
      bySource.set(it.platform, (bySource.get(it.platform) ?? 0) + 1);
      if (matches.length < PREVIEW_MATCHES_LIMIT) {
        matches.push({ type: it.type, id: it.id, platform: it.platform, source: it.source, text: it.text, url: it.url, publishedAt: it.publishedAt, spans: r.spans });
      }
    }
    return {
      count,
      scanned: items.length,
      truncated: items.length >= PREVIEW_SCAN_LIMIT,
      from: since.toISOString(),
      matches,
      byDay: [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, n]) => ({ day, count: n })),
      bySource: [...bySource.entries()].sort((a, b) => b[1] - a[1]).map(([platform, n]) => ({ platform, count: n })),
    };
  }

  private recentItems(workspaceId: string, since: Date, brandId: string | null): Promise<StoredItem[]> {
    // Channel-origin mentions are the posts/comments of the read model: not scanned twice.
    return this.mentions.recentStoredItems(workspaceId, since, brandId, PREVIEW_SCAN_LIMIT);
  }
}
