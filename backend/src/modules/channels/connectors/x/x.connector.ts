import type { AnswerTarget, ChannelConnector, ConnectorAccount, ListPostsRequest, NormalizedAccountStats, NormalizedComment, NormalizedMention, Page, PostedReply, PostsPage } from '../channel-connector';
import { answerCapabilities, write } from '../answer';
import { baseOf, buildUrl, type Query } from '../base-url';
import { requireCredential } from '../credentials';
import { capabilities, HttpConnector, OPEN_NETWORK_READS } from '../http-connector';
import { JsonReader } from '../json-reader';
import { assertNewToken, PostRun } from '../page-state';
import { DAY_MS, utcDay } from '../sync-window';
import { mapXMention, mapXReply, mapXTweet, X_TWEET_FIELDS, X_USER_FIELDS, xUsersById } from './x.mapper';

/**
 * X API v2. Credentials: `{ bearerToken }`. Account: user id (`externalId`) or `handle`
 * (resolved once with /2/users/by/username). Default host https://api.x.com + /2/….
 * Re-reads 7 days (start_time) so counts refresh; replies via recent search (7-day window).
 */
export class XConnector extends HttpConnector implements ChannelConnector {
  readonly platform = 'x' as const;
  readonly capabilities = capabilities({
    ...OPEN_NETWORK_READS,
    // User-context token (tweet.write, like.write): reply, hide replies to the account's posts, like.
    answer: answerCapabilities({ reply: true, hide: true, like: true }),
  });
  /** Pay-per-read: every sync re-reads the window, so sync every 6 h. */
  readonly syncIntervalMs = 6 * 60 * 60 * 1000;
  static readonly REFRESH_WINDOW_MS = 7 * DAY_MS;

  private async get(account: ConnectorAccount, what: string, path: string, query: Query): Promise<JsonReader> {
    const token = requireCredential(account, 'bearerToken');
    const url = buildUrl(baseOf(account, 'https://api.x.com'), path, query);
    const r = await this.http.json({ url, what, headers: { authorization: `Bearer ${token}` }, secrets: [token] });
    return JsonReader.root(r.body, what);
  }

  private async user(account: ConnectorAccount, what: string): Promise<JsonReader> {
    const path = account.externalId ? `/2/users/${account.externalId}` : `/2/users/by/username/${encodeURIComponent(account.handle.replace(/^@/, ''))}`;
    return (await this.get(account, what, path, { 'user.fields': X_USER_FIELDS })).get('data').obj();
  }

  async verify(account: ConnectorAccount) {
    const u = await this.user(account, 'x verify');
    return { externalId: u.get('id').str(), handle: u.get('username').str(), displayName: u.get('name').optStr() };
  }

  async listPosts(account: ConnectorAccount, req: ListPostsRequest): Promise<PostsPage> {
    const run = PostRun.start(req, 'x tweets', XConnector.REFRESH_WINDOW_MS);
    let userId = account.externalId ?? run.extra('userId');
    if (!userId) {
      userId = (await this.user(account, 'x user')).get('id').str();
      run.setExtra('userId', userId);
    }
    const body = await this.get(account, run.what, `/2/users/${userId}/tweets`, {
      max_results: 100,
      'tweet.fields': X_TWEET_FIELDS,
      expansions: 'author_id',
      'user.fields': X_USER_FIELDS,
      // The brand's replies are read as comments of the conversations they answer, not as posts.
      exclude: 'retweets,replies',
      start_time: run.lowerBound.toISOString(),
      pagination_token: run.token,
    });
    const users = xUsersById(body);
    const self = { externalId: userId, handle: account.handle.replace(/^@/, ''), displayName: null, followers: null };
    const posts = body.get('data').optArr().map((t) => mapXTweet(t, users, self));
    // The first page (newest first) holds the newest tweet: its id is the run's since_id.
    const newest = run.isFirstPage ? body.at('meta.newest_id').optStr() : null;
    return run.finish(posts, body.at('meta.next_token').optStr(), newest ? { sinceId: newest } : {});
  }

  async listComments(account: ConnectorAccount, post: { externalId: string }, page: string | null): Promise<Page<NormalizedComment>> {
    const what = 'x replies';
    const body = await this.get(account, what, '/2/tweets/search/recent', {
      query: `conversation_id:${post.externalId}`,
      max_results: 100,
      'tweet.fields': X_TWEET_FIELDS,
      expansions: 'author_id',
      'user.fields': X_USER_FIELDS,
      next_token: page,
    });
    const users = xUsersById(body);
    // The conversation's root is the post itself (its conversation_id is its own id): not a reply.
    const items = body
      .get('data')
      .optArr()
      .filter((t) => t.get('id').optStr() !== post.externalId)
      .map((t) => mapXReply(t, post.externalId, users, account.externalId));
    return { items, nextPage: assertNewToken(page, body.at('meta.next_token').optStr(), what) };
  }

  async getAccountStats(account: ConnectorAccount, now: Date): Promise<NormalizedAccountStats> {
    const pm = (await this.user(account, 'x stats')).get('public_metrics');
    return { day: utcDay(now), followers: pm.get('followers_count').optNum(), following: pm.get('following_count').optNum(), postsCount: pm.get('tweet_count').optNum() };
  }

  async search(account: ConnectorAccount, query: string, since: Date, page: string | null): Promise<Page<NormalizedMention>> {
    const what = 'x search';
    // Recent search only reaches back 7 days.
    const floor = Date.now() - 7 * DAY_MS + 60_000;
    const body = await this.get(account, what, '/2/tweets/search/recent', {
      query,
      max_results: 100,
      start_time: new Date(Math.max(since.getTime(), floor)).toISOString(),
      'tweet.fields': X_TWEET_FIELDS,
      expansions: 'author_id',
      'user.fields': X_USER_FIELDS,
      next_token: page,
    });
    const users = xUsersById(body);
    return { items: body.get('data').optArr().map((t) => mapXMention(t, users)), nextPage: assertNewToken(page, body.at('meta.next_token').optStr(), what) };
  }

  /** Writes act as the user: the OAuth 2.0 user token (`accessToken`), else the configured bearer. */
  private async send(account: ConnectorAccount, what: string, method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<JsonReader> {
    const token = account.credentials?.accessToken || requireCredential(account, 'bearerToken');
    const url = buildUrl(baseOf(account, 'https://api.x.com'), path);
    return write(what, async () => {
      const r = await this.http.json({ url, method, body, what, headers: { authorization: `Bearer ${token}` }, secrets: [token] });
      return JsonReader.root(r.body ?? {}, what);
    });
  }

  /** `POST /2/tweets {text, reply: {in_reply_to_tweet_id}}`. */
  async reply(account: ConnectorAccount, target: AnswerTarget, text: string): Promise<PostedReply> {
    const r = await this.send(account, 'x reply', 'POST', '/2/tweets', { text, reply: { in_reply_to_tweet_id: target.externalId } });
    return { externalId: r.get('data').get('id').str(), publishedAt: null };
  }

  /** `PUT /2/tweets/:id/hidden {hidden}`: replies to the account's own conversations only. */
  async setHidden(account: ConnectorAccount, target: AnswerTarget, hidden: boolean): Promise<void> {
    await this.send(account, hidden ? 'x hide reply' : 'x unhide reply', 'PUT', `/2/tweets/${encodeURIComponent(target.externalId)}/hidden`, { hidden });
  }

  /** `DELETE /2/tweets/:id`: the account's own posts (its replies) only. */
  async deleteComment(account: ConnectorAccount, target: AnswerTarget): Promise<void> {
    await this.send(account, 'x delete post', 'DELETE', `/2/tweets/${encodeURIComponent(target.externalId)}`);
  }

  /** `POST /2/users/:id/likes {tweet_id}`. */
  async like(account: ConnectorAccount, target: AnswerTarget): Promise<void> {
    const me = account.externalId ?? (await this.user(account, 'x user')).get('id').str();
    await this.send(account, 'x like', 'POST', `/2/users/${encodeURIComponent(me)}/likes`, { tweet_id: target.externalId });
  }
}
