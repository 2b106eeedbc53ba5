import type { AnswerTarget, ChannelConnector, ConnectorAccount, ListPostsRequest, NormalizedAccountStats, NormalizedComment, NormalizedMention, Page, PostedReply, PostsPage } from '../channel-connector';
import { answerCapabilities, write } from '../answer';
import { ConnectorError, ConnectorErrorCode } from '../connector-error';
import { baseOf, buildUrl, type Query } from '../base-url';
import { optionalBearer, optionalCredential, requireCredential } from '../credentials';
import { capabilities, HttpConnector, OPEN_NETWORK_READS } from '../http-connector';
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
  readonly capabilities = capabilities({
    ...OPEN_NETWORK_READS,
    // OAuth `submit` scope: reply as the account (moderation needs mod rights, not assumed).
    answer: answerCapabilities({ reply: true }),
  });
  readonly syncIntervalMs = 30 * 60 * 1000;
  static readonly REFRESH_WINDOW_MS = 3 * DAY_MS;

  private async get(account: ConnectorAccount, what: string, path: string, query: Query = {}): Promise<JsonReader> {
    const token = optionalCredential(account, 'accessToken');
    const url = buildUrl(baseOf(account, token ? 'https://oauth.reddit.com' : 'https://www.reddit.com'), path, { raw_json: 1, ...query });
    const r = await this.http.json({ url, what, ...optionalBearer(token) });
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

  /** Form-encoded write on oauth.reddit.com (`api_type=json` makes errors a JSON list). */
  private async send(account: ConnectorAccount, what: string, path: string, form: Record<string, string>): Promise<JsonReader> {
    const token = requireCredential(account, 'accessToken');
    const url = buildUrl(baseOf(account, 'https://oauth.reddit.com'), path);
    const r = await write(what, () => this.http.json({ url, method: 'POST', form: { ...form, api_type: 'json' }, what, headers: { authorization: `Bearer ${token}` }, secrets: [token] }));
    const body = JsonReader.root(r.body, what);
    const errors = body.get('json').get('errors').optArr();
    if (errors.length) throw redditWriteError(what, errors.map((e) => e.arr().map((x) => x.optStr() ?? '')));
    return body.get('json').get('data');
  }

  /** `POST /api/comment thing_id=t1_…|t3_… text=…`. */
  async reply(account: ConnectorAccount, target: AnswerTarget, text: string): Promise<PostedReply> {
    const thing = /^t[13]_/.test(target.externalId) ? target.externalId : `t1_${target.externalId}`;
    const d = await this.send(account, 'reddit reply', '/api/comment', { thing_id: thing, text });
    const c = d.get('things').arr()[0]?.get('data');
    if (!c) return d.get('things').fail();
    const created = c.get('created_utc').optNum();
    return { externalId: c.get('id').str(), publishedAt: created === null ? null : new Date(created * 1000).toISOString() };
  }

  /** `POST /api/del id=t1_…`: the account's own comments (its replies). */
  async deleteComment(account: ConnectorAccount, target: AnswerTarget): Promise<void> {
    const id = /^t[13]_/.test(target.externalId) ? target.externalId : `t1_${target.externalId}`;
    await this.send(account, 'reddit delete comment', '/api/del', { id });
  }
}

/** Reddit's `{json: {errors: [[CODE, message, field]]}}` (HTTP 200) as a ConnectorError. */
function redditWriteError(what: string, errors: string[][]): ConnectorError {
  const [code = 'UNKNOWN', message = ''] = errors[0] ?? [];
  const text = `${what}: ${code} — ${message}`;
  if (code === 'RATELIMIT') {
    const m = /(\d+)\s*(second|minute)/.exec(message);
    const ms = m ? Number(m[1]) * (m[2] === 'minute' ? 60_000 : 1000) : 60_000;
    return new ConnectorError(ConnectorErrorCode.RATE_LIMITED, text, { retryAfterMs: ms, platformCode: code });
  }
  if (code === 'DELETED_COMMENT' || code === 'DELETED_LINK' || code === 'TOO_OLD' || code === 'THREAD_LOCKED') {
    return new ConnectorError(ConnectorErrorCode.NOT_FOUND, text, { platformCode: code, reason: 'target_gone' });
  }
  if (code === 'USER_REQUIRED' || code === 'SUBREDDIT_NOTALLOWED' || code === 'BANNED_FROM_SUBREDDIT') {
    return new ConnectorError(ConnectorErrorCode.AUTH, text, { platformCode: code, reason: 'permission_missing' });
  }
  return new ConnectorError(ConnectorErrorCode.BAD_REQUEST, text, { platformCode: code });
}
