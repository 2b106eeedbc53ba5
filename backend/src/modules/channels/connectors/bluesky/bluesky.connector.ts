import type { ChannelConnector, ConnectorAccount, ListPostsRequest, NormalizedAccountStats, NormalizedComment, NormalizedMention, Page, PostsPage } from '../channel-connector';
import { baseOf, buildUrl, type Query } from '../base-url';
import { optionalCredential } from '../credentials';
import { capabilities, HttpConnector } from '../http-connector';
import { JsonReader } from '../json-reader';
import { assertNewToken, PostRun } from '../page-state';
import { DAY_MS, utcDay } from '../sync-window';
import { flattenBlueskyThread, mapBlueskyMention, mapBlueskyPost } from './bluesky.mapper';

/**
 * Bluesky through the public AppView (default https://public.api.bsky.app + /xrpc/…); no
 * credentials needed (optional `{ accessToken }` for an authenticated AppView/PDS).
 * `handle` = the actor (handle or DID). Re-reads 7 days.
 */
export class BlueskyConnector extends HttpConnector implements ChannelConnector {
  readonly platform = 'bluesky' as const;
  readonly capabilities = capabilities({ comments: true, postMetrics: true, accountStats: true, search: true });
  /** ~3,000 requests / 5 min per IP: a 15-minute sync is gentle. */
  readonly syncIntervalMs = 15 * 60 * 1000;
  static readonly REFRESH_WINDOW_MS = 7 * DAY_MS;

  private async xrpc(account: ConnectorAccount, what: string, method: string, query: Query): Promise<JsonReader> {
    const token = optionalCredential(account, 'accessToken');
    const url = buildUrl(baseOf(account, 'https://public.api.bsky.app'), `/xrpc/${method}`, query);
    const r = await this.http.json({ url, what, headers: token ? { authorization: `Bearer ${token}` } : {}, secrets: token ? [token] : [] });
    return JsonReader.root(r.body, what);
  }

  private actor(account: ConnectorAccount): string {
    return account.externalId ?? account.handle.replace(/^@/, '');
  }

  async verify(account: ConnectorAccount) {
    const p = await this.xrpc(account, 'bluesky verify', 'app.bsky.actor.getProfile', { actor: this.actor(account) });
    return { externalId: p.get('did').str(), handle: p.get('handle').str(), displayName: p.get('displayName').optStr() || null };
  }

  async listPosts(account: ConnectorAccount, req: ListPostsRequest): Promise<PostsPage> {
    const run = PostRun.start(req, 'bluesky author feed', BlueskyConnector.REFRESH_WINDOW_MS);
    const body = await this.xrpc(account, run.what, 'app.bsky.feed.getAuthorFeed', {
      actor: this.actor(account),
      limit: 100,
      filter: 'posts_no_replies',
      cursor: run.token,
    });
    // Reposts of others appear with a `reason`: they are not the account's posts.
    const posts = body.get('feed').arr().filter((i) => i.get('reason').isMissing()).map((i) => mapBlueskyPost(i.get('post')));
    return run.finish(posts, body.get('cursor').optStr());
  }

  /** The whole reply tree comes in one getPostThread call: a single page. */
  async listComments(account: ConnectorAccount, post: { externalId: string }): Promise<Page<NormalizedComment>> {
    const body = await this.xrpc(account, 'bluesky thread', 'app.bsky.feed.getPostThread', { uri: post.externalId, depth: 10, parentHeight: 0 });
    const brand = account.externalId?.startsWith('did:') ? account.externalId : null;
    const items = flattenBlueskyThread(body.get('thread'), brand).map((c) => ({
      ...c,
      isFromBrand: c.isFromBrand || (c.author?.handle ?? '') === account.handle.replace(/^@/, ''),
    }));
    return { items, nextPage: null };
  }

  async getAccountStats(account: ConnectorAccount, now: Date): Promise<NormalizedAccountStats> {
    const p = await this.xrpc(account, 'bluesky stats', 'app.bsky.actor.getProfile', { actor: this.actor(account) });
    return { day: utcDay(now), followers: p.get('followersCount').optNum(), following: p.get('followsCount').optNum(), postsCount: p.get('postsCount').optNum() };
  }

  async search(account: ConnectorAccount, query: string, since: Date, page: string | null): Promise<Page<NormalizedMention>> {
    const what = 'bluesky search';
    const body = await this.xrpc(account, what, 'app.bsky.feed.searchPosts', { q: query, sort: 'latest', since: since.toISOString(), limit: 100, cursor: page });
    return { items: body.get('posts').arr().map(mapBlueskyMention), nextPage: assertNewToken(page, body.get('cursor').optStr(), what) };
  }
}
