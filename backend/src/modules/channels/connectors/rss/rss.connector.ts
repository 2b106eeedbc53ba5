import type { ChannelConnector, ConnectorAccount, ListPostsRequest, NormalizedMention, NormalizedPost, Page, PostsPage } from '../channel-connector';
import { emptyMetrics } from '../facebook/facebook.mapper';
import { capabilities, HttpConnector } from '../http-connector';
import { PostRun } from '../page-state';
import { DAY_MS } from '../sync-window';
import { decodeFeed, feedItemToMention, parseFeed, type ParsedFeed } from './rss.mapper';

/**
 * RSS / Atom feeds (own blog or a listening source). `handle` = the feed URL. Base-URL
 * convention: `baseUrl`, when set, replaces the feed URL's scheme+host (path kept), e.g.
 * https://www.lemonde.fr/rss/une.xml ↔ http://127.0.0.1:PORT/rss/rss/une.xml.
 * Conditional GET: the cursor keeps `etag` / `lastModified`; a 304 yields no items.
 */
export class RssConnector extends HttpConnector implements ChannelConnector {
  readonly platform = 'rss' as const;
  readonly capabilities = capabilities({ search: true });
  readonly syncIntervalMs = 30 * 60 * 1000;
  static readonly REFRESH_WINDOW_MS = 2 * DAY_MS;

  feedUrl(account: ConnectorAccount): string {
    const u = new URL(account.handle);
    if (!account.baseUrl) return u.toString();
    return account.baseUrl.replace(/\/+$/, '') + u.pathname + u.search;
  }

  private async fetchFeed(account: ConnectorAccount, what: string, validators: { etag?: string | null; lastModified?: string | null } = {}) {
    const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5' };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const r = await this.http.raw({ url: this.feedUrl(account), what, headers, passStatuses: [304] });
    const feed: ParsedFeed | null = r.status === 304 ? null : parseFeed(decodeFeed(r.bytes, r.headers.get('content-type')), what);
    return { feed, etag: r.headers.get('etag'), lastModified: r.headers.get('last-modified') };
  }

  async verify(account: ConnectorAccount) {
    const { feed } = await this.fetchFeed(account, 'rss verify');
    return { externalId: account.handle, handle: account.handle, displayName: feed?.title ?? null };
  }

  /** One page per run (a feed is one document). Items without a date are skipped. */
  async listPosts(account: ConnectorAccount, req: ListPostsRequest): Promise<PostsPage> {
    const run = PostRun.start(req, 'rss feed', RssConnector.REFRESH_WINDOW_MS);
    const prev = req.cursor ?? {};
    const res = await this.fetchFeed(account, run.what, {
      etag: typeof prev.etag === 'string' ? prev.etag : null,
      lastModified: typeof prev.lastModified === 'string' ? prev.lastModified : null,
    });
    if (!res.feed) return { items: [], nextPage: null, nextCursor: { ...prev } };
    const posts: NormalizedPost[] = res.feed.items
      .filter((i) => i.publishedAt !== null)
      .map((i) => ({
        externalId: i.id,
        publishedAt: i.publishedAt as string,
        contentType: 'article' as const,
        text: i.text && i.text !== i.title ? `${i.title}\n\n${i.text}` : i.title,
        permalink: i.link,
        author: i.author ? { externalId: i.author, handle: null, displayName: i.author, followers: null } : null,
        metrics: emptyMetrics(),
        impressionsDefinition: null,
      }))
      // Feeds are not always sorted: newest first so the window cut holds.
      .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1));
    const page = run.finish(posts, null, { etag: res.etag, lastModified: res.lastModified });
    return page;
  }

  /** Listening: feed items whose text contains every word of the query (case-insensitive). */
  async search(account: ConnectorAccount, query: string, since: Date): Promise<Page<NormalizedMention>> {
    const { feed } = await this.fetchFeed(account, 'rss search');
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const source = `rss:${new URL(account.handle).host}`;
    const items = (feed?.items ?? [])
      .map((i) => feedItemToMention(i, source))
      .filter((m): m is NormalizedMention => m !== null && m.publishedAt >= since.toISOString())
      .filter((m) => words.every((w) => m.text.toLowerCase().includes(w)));
    return { items, nextPage: null };
  }
}
