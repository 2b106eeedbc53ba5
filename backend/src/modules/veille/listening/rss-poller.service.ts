import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { safeFetch } from '../../../common/http/ssrf-guard';
import { DEFAULT_USER_AGENT } from '../../channels/connectors/http-client';
import { decodeFeed, feedItemToMention, parseFeed } from '../../channels/connectors/rss/rss.mapper';
import type { NormalizedMention } from '../../channels/connectors/channel-connector';
import { ListeningSourcesRepository } from '../listening-sources.repository';
import { MentionWriter } from '../mentions/mention-writer';
import { CompiledQueriesCache } from '../queries/compiled-queries.cache';
import { matchFoundItems } from './mention-inputs';

export const RSS_INTERVAL_MS = 15 * 60_000;

/**
 * Polls one RSS/Atom source. The feed is fetched through the SSRF guard (user-supplied URL:
 * every redirect hop re-checked), with the RSS connector's conditional GET (ETag /
 * If-Modified-Since: a 304 costs nothing) and parsed by the RSS connector's mapper.
 */
@Injectable()
export class RssPollerService {
  constructor(
    private readonly sources: ListeningSourcesRepository,
    private readonly cache: CompiledQueriesCache,
    private readonly writer: MentionWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intervalMs(): number {
    return this.config.syncIntervalMs ?? RSS_INTERVAL_MS;
  }

  async poll(sourceId: string, now = new Date()): Promise<{ status: number; items: number; inserted: number } | null> {
    const s = await this.sources.findForPoll(sourceId);
    if (!s || !s.active) return null;
    const headers: Record<string, string> = {
      'user-agent': DEFAULT_USER_AGENT,
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5',
    };
    if (s.etag) headers['if-none-match'] = s.etag;
    if (s.lastModified) headers['if-modified-since'] = s.lastModified;
    try {
      const res = await safeFetch({ url: s.url, headers, timeoutMs: 20_000 }, { allowPrivate: this.config.allowPrivateUrls });
      if (res.status === 304) {
        await this.mark(s.id, now, '304', null, undefined, undefined);
        return { status: 304, items: 0, inserted: 0 };
      }
      if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
      const contentType = headerOf(res.headers['content-type']);
      const feed = parseFeed(decodeFeed(new Uint8Array(res.body), contentType), 'rss source');
      const source = `rss:${new URL(res.url).host}`;
      const items = feed.items.map((i) => feedItemToMention(i, source)).filter((m): m is NormalizedMention => m !== null);
      const compiled = await this.cache.get(s.workspaceId);
      const inputs = matchFoundItems(items, { platform: 'rss', origin: 'rss', kind: 'article' }, compiled);
      const w = await this.writer.write(s.workspaceId, inputs);
      await this.mark(s.id, now, String(res.status), null, headerOf(res.headers.etag), headerOf(res.headers['last-modified']));
      return { status: res.status, items: items.length, inserted: w.inserted };
    } catch (e) {
      await this.mark(s.id, now, 'error', e instanceof Error ? e.message : String(e), undefined, undefined);
      return { status: 0, items: 0, inserted: 0 };
    }
  }

  /** `undefined` validators = keep the stored ones (errors, 304). */
  private async mark(id: string, now: Date, status: string, error: string | null, etag: string | null | undefined, lastModified: string | null | undefined) {
    await this.sources.markPolled(id, { polledAt: now, status, error, etag, lastModified });
  }
}

function headerOf(v: string | string[] | undefined): string | null {
  if (Array.isArray(v)) return v[0] ?? null;
  return v ?? null;
}
