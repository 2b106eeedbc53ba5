import type { AnswerTarget, ChannelConnector, ConnectorAccount, ListPostsRequest, NormalizedAccountStats, NormalizedComment, NormalizedMention, Page, PostedReply, PostsPage } from '../channel-connector';
import { write } from '../answer';
import { baseOf, buildUrl, type Query } from '../base-url';
import { optionalBearer, optionalCredential, requireCredential } from '../credentials';
import type { JsonResponse } from '../http-client';
import { HttpConnector, openNetworkWithOwnAnswers } from '../http-connector';
import { JsonReader } from '../json-reader';
import { assertNewToken, PostRun } from '../page-state';
import { DAY_MS, utcDay } from '../sync-window';
import { mapMastodonMention, mapMastodonReply, mapMastodonStatus, nextMaxIdFromLink } from './mastodon.mapper';

/**
 * Mastodon (any instance). Credentials: optional `{ accessToken }` (public endpoints work
 * without). `baseUrl` = the instance (default https://mastodon.social), + /api/v1/….
 * `handle` = acct (`user` or `user@instance`). Pages with max_id from the Link header; re-reads 7 days.
 * The account's replies are not posts: they come back as comments of the threads they answer.
 */
export class MastodonConnector extends HttpConnector implements ChannelConnector {
  readonly platform = 'mastodon' as const;
  /** write:statuses + write:favourites. */
  readonly capabilities = openNetworkWithOwnAnswers();
  /** 300 requests / 5 min per instance by default. */
  readonly syncIntervalMs = 15 * 60 * 1000;
  static readonly REFRESH_WINDOW_MS = 7 * DAY_MS;

  private async get(account: ConnectorAccount, what: string, path: string, query: Query = {}): Promise<JsonResponse & { r: JsonReader }> {
    const token = optionalCredential(account, 'accessToken');
    const url = buildUrl(baseOf(account, 'https://mastodon.social'), path, query);
    const res = await this.http.json({ url, what, ...optionalBearer(token) });
    return { ...res, r: JsonReader.root(res.body, what) };
  }

  private async lookup(account: ConnectorAccount, what: string): Promise<JsonReader> {
    return (await this.get(account, what, '/api/v1/accounts/lookup', { acct: account.handle.replace(/^@/, '') })).r.obj();
  }

  async verify(account: ConnectorAccount) {
    const a = await this.lookup(account, 'mastodon verify');
    return { externalId: a.get('id').str(), handle: a.get('acct').str(), displayName: a.get('display_name').optStr() || null };
  }

  async listPosts(account: ConnectorAccount, req: ListPostsRequest): Promise<PostsPage> {
    const run = PostRun.start(req, 'mastodon statuses', MastodonConnector.REFRESH_WINDOW_MS);
    let id = account.externalId ?? run.extra('accountId');
    if (!id) {
      id = (await this.lookup(account, 'mastodon lookup')).get('id').str();
      run.setExtra('accountId', id);
    }
    const res = await this.get(account, run.what, `/api/v1/accounts/${id}/statuses`, { limit: 40, exclude_reblogs: true, exclude_replies: true, max_id: run.token });
    const posts = res.r.arr().map(mapMastodonStatus);
    return run.finish(posts, nextMaxIdFromLink(res.headers.get('link')), posts[0] && run.isFirstPage ? { sinceId: posts[0].externalId } : {});
  }

  /** The whole thread comes in one call (context.descendants): a single page. */
  async listComments(account: ConnectorAccount, post: { externalId: string }): Promise<Page<NormalizedComment>> {
    const res = await this.get(account, 'mastodon context', `/api/v1/statuses/${post.externalId}/context`);
    const items = res.r.get('descendants').arr().map((s) => mapMastodonReply(s, post.externalId, account.externalId));
    return { items, nextPage: null };
  }

  async getAccountStats(account: ConnectorAccount, now: Date): Promise<NormalizedAccountStats> {
    const a = await this.lookup(account, 'mastodon stats');
    return { day: utcDay(now), followers: a.get('followers_count').optNum(), following: a.get('following_count').optNum(), postsCount: a.get('statuses_count').optNum() };
  }

  /**
   * Keyword listening. `#tag` → the public hashtag timeline. A word or `"a phrase"` → the instance's
   * full-text search (`/api/v2/search?type=statuses`, needs an access token and an instance with
   * search enabled), paged by offset; without a token, or when the instance refuses it, the words
   * joined as a hashtag timeline instead, with a `notice` saying so (listening status).
   */
  async search(account: ConnectorAccount, query: string, since: Date, page: string | null): Promise<Page<NormalizedMention>> {
    const q = query.trim();
    const instance = new URL(baseOf(account, 'https://mastodon.social')).host;
    if (!q.startsWith('#')) {
      const token = optionalCredential(account, 'accessToken');
      if (token) {
        try {
          return await this.fullText(account, q, since, page, instance);
        } catch (e) {
          const status = (e as { status?: number }).status;
          if (status !== 401 && status !== 403 && status !== 404 && status !== 422) throw e;
        }
      }
      const tag = `#${mastodonTagOf(q)}`;
      const r = await this.tagTimeline(account, tag, since, page, instance);
      return { ...r, notice: `${instance} cannot search full text${token ? '' : ' without an access token'}: searched the hashtag ${tag} instead of ${q}` };
    }
    return this.tagTimeline(account, q, since, page, instance);
  }

  private async tagTimeline(account: ConnectorAccount, tagText: string, since: Date, page: string | null, instance: string): Promise<Page<NormalizedMention>> {
    const what = 'mastodon tag timeline';
    const tag = mastodonTagOf(tagText);
    const res = await this.get(account, what, `/api/v1/timelines/tag/${encodeURIComponent(tag)}`, { limit: 40, max_id: page });
    const all = res.r.arr().map((s) => mapMastodonMention(s, instance));
    const items = all.filter((m) => m.publishedAt >= since.toISOString());
    const next = items.length === all.length ? nextMaxIdFromLink(res.headers.get('link')) : null;
    return { items, nextPage: assertNewToken(page, next, what) };
  }

  private async fullText(account: ConnectorAccount, q: string, since: Date, page: string | null, instance: string): Promise<Page<NormalizedMention>> {
    const what = 'mastodon search';
    const offset = page ? Number(page) : 0;
    const res = await this.get(account, what, '/api/v2/search', { q, type: 'statuses', resolve: 'false', limit: 40, offset });
    const all = res.r.get('statuses').arr().map((s) => mapMastodonMention(s, instance));
    const items = all.filter((m) => m.publishedAt >= since.toISOString());
    const next = all.length === 40 && items.length === all.length ? String(offset + 40) : null;
    return { items, nextPage: assertNewToken(page, next, what) };
  }

  /** Authenticated write (writes need the account's token, unlike the public reads). */
  private async send(account: ConnectorAccount, what: string, method: 'POST' | 'DELETE', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonReader> {
    const token = requireCredential(account, 'accessToken');
    const url = buildUrl(baseOf(account, 'https://mastodon.social'), path);
    return write(what, async () => {
      const res = await this.http.json({ url, method, body, what, headers: { authorization: `Bearer ${token}`, ...headers }, secrets: [token] });
      return JsonReader.root(res.body ?? {}, what);
    });
  }

  /**
   * `POST /api/v1/statuses {status, in_reply_to_id}` with `Idempotency-Key`: the instance returns
   * the same status for a retried key (kept 1 hour), so a retry after a lost answer posts once.
   */
  async reply(account: ConnectorAccount, target: AnswerTarget, text: string, idempotencyKey: string): Promise<PostedReply> {
    const s = await this.send(account, 'mastodon reply', 'POST', '/api/v1/statuses', { status: text, in_reply_to_id: target.externalId }, { 'idempotency-key': idempotencyKey });
    return { externalId: s.get('id').str(), publishedAt: s.get('created_at').optStr() };
  }

  /** Only the account's own statuses (its replies) can be deleted. */
  async deleteComment(account: ConnectorAccount, target: AnswerTarget): Promise<void> {
    await this.send(account, 'mastodon delete status', 'DELETE', `/api/v1/statuses/${encodeURIComponent(target.externalId)}`);
  }

  async like(account: ConnectorAccount, target: AnswerTarget): Promise<void> {
    await this.send(account, 'mastodon favourite', 'POST', `/api/v1/statuses/${encodeURIComponent(target.externalId)}/favourite`);
  }
}

/** A hashtag from a term: sigil, quotes and separators dropped, lower-cased (tags are case-insensitive). */
export function mastodonTagOf(term: string): string {
  return term.replace(/^#/, '').replace(/["“”«»]/g, '').split(/[\s'’\-.]+/).filter(Boolean).join('').toLowerCase();
}
