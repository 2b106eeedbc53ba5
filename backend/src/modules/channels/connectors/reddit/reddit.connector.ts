import type { ChannelConnector, ConnectorAccount, ListPostsRequest, NormalizedAccountStats, NormalizedComment, NormalizedMention, Page, PostsPage } from '../channel-connector';
import { baseOf, buildUrl, type Query } from '../base-url';
import { optionalCredential } from '../credentials';
import { capabilities, HttpConnector } from '../http-connector';
import { JsonReader } from '../json-reader';
import { assertNewToken, PostRun } from '../page-state';
import { DAY_MS, utcDay } from '../sync-window';
import { flattenRedditComments, mapRedditLink, mapRedditMention } from './reddit.mapper';

/**
 * Reddit. `handle` = `r/<sub>` or `u/<user>`. Credentials: optional `{ accessToken }` (OAuth,
 * default host https://oauth.reddit.com) else anonymous JSON (default https://www.reddit.com,
 * 10 req/min); optional `username` marks the brand's own comments. Paths end in `.json`.
 * Listings page with `after`; re-reads 3 days (votes settle quickly).
 */
export class RedditConnector extends HttpConnector implements ChannelConnector {
  readonly platform = 'reddit' as const;
  readonly capabilities = capabilities({ comments: true, postMetrics: true, accountStats: true, search: true });
  readonly syncIntervalMs = 30 * 60 * 1000;
  static readonly REFRESH_WINDOW_MS = 3 * DAY_MS;

  private async get(account: ConnectorAccount, what: string, path: string, query: Query = {}): Promise<JsonReader> {
    const token = optionalCredential(account, 'accessToken');
    const url = buildUrl(baseOf(account, token ? 'https://oauth.reddit.com' : 'https://www.reddit.com'), path, { raw_json: 1, ...query });
    const r = await this.http.json({ url, what, headers: token ? { authorization: `Bearer ${token}` } : {}, secrets: token ? [token] : [] });
    return JsonReader.root(r.body, what);
  }

  /** 'r/france' → ['r', 'france']; 'u/name' or '/user/name' → ['user', 'name']. */
  private target(account: ConnectorAccount): { kind: 'r' | 'user'; name: string } {
    const m = /^\/?(r|u|user)\/([^/]+)/.exec(account.handle.trim());
    if (m) return { kind: m[1] === 'r' ? 'r' : 'user', name: m[2] };
    return { kind: 'r', name: account.handle.replace(/^\/+/, '') };
  }

  async verify(account: ConnectorAccount) {
    const t = this.target(account);
    const d = (await this.get(account, 'reddit verify', `/${t.kind}/${t.name}/about.json`)).get('data');
    return {
      externalId: d.get('name').str(),
      handle: t.kind === 'r' ? `r/${d.get('display_name').str()}` : `u/${d.get('name').str()}`,
      displayName: d.get('title').optStr() ?? d.get('name').optStr(),
    };
  }

  async listPosts(account: ConnectorAccount, req: ListPostsRequest): Promise<PostsPage> {
    const run = PostRun.start(req, 'reddit listing', RedditConnector.REFRESH_WINDOW_MS);
    const t = this.target(account);
    const path = t.kind === 'r' ? `/r/${t.name}/new.json` : `/user/${t.name}/submitted.json`;
    const body = await this.get(account, run.what, path, { limit: 100, sort: t.kind === 'user' ? 'new' : undefined, after: run.token });
    const posts = body.get('data').get('children').arr().filter((c) => c.get('kind').optStr() === 't3').map(mapRedditLink);
    return run.finish(posts, body.get('data').get('after').optStr());
  }

  /** /comments/:id returns [post listing, comment tree]: one page, `more` stubs not expanded. */
  async listComments(account: ConnectorAccount, post: { externalId: string }): Promise<Page<NormalizedComment>> {
    const body = await this.get(account, 'reddit comments', `/comments/${post.externalId}.json`, { limit: 500 });
    const t = this.target(account);
    const brand = optionalCredential(account, 'username') ?? (t.kind === 'user' ? t.name : null);
    return { items: flattenRedditComments(body.arr()[1] ?? body.get('1'), post.externalId, brand), nextPage: null };
  }

  async getAccountStats(account: ConnectorAccount, now: Date): Promise<NormalizedAccountStats> {
    const t = this.target(account);
    const d = (await this.get(account, 'reddit stats', `/${t.kind}/${t.name}/about.json`)).get('data');
    const followers = t.kind === 'r' ? d.get('subscribers').optNum() : d.get('subreddit').get('subscribers').optNum();
    return { day: utcDay(now), followers, following: null, postsCount: null };
  }

  async search(account: ConnectorAccount, query: string, since: Date, page: string | null): Promise<Page<NormalizedMention>> {
    const what = 'reddit search';
    const body = await this.get(account, what, '/search.json', { q: query, sort: 'new', limit: 100, after: page, type: 'link' });
    const all = body.get('data').get('children').arr().filter((c) => c.get('kind').optStr() === 't3').map(mapRedditMention);
    const items = all.filter((m) => m.publishedAt >= since.toISOString());
    const next = items.length === all.length ? body.get('data').get('after').optStr() : null;
    return { items, nextPage: assertNewToken(page, next, what) };
  }
}
