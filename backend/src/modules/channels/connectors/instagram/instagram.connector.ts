import type { ChannelConnector, ConnectorAccount, ListPostsRequest, NormalizedAccountStats, NormalizedComment, Page, PostsPage } from '../channel-connector';
import { answerCapabilities } from '../answer';
import { optionalCredential, requireCredential } from '../credentials';
import { GraphConnector } from '../graph-connector';
import { BUSINESS_PAGE_READS, capabilities } from '../http-connector';
import type { JsonReader } from '../json-reader';
import { inHistoryRange, utcMidnightDaysBefore } from '../follower-history';
import { fetchInsightsResilient, graphGet, graphNextToken, graphTokenQuery, isNoInsightError, type GraphCommentDialect } from '../meta-graph';
import { assertNewToken, PostRun } from '../page-state';
import { DAY_MS, utcDay } from '../sync-window';
import { applyInstagramInsights, INSTAGRAM_COMMENT_FIELDS, INSTAGRAM_MEDIA_FIELDS, INSTAGRAM_MEDIA_INSIGHTS, mapInstagramComments, mapInstagramFollowerHistory, mapInstagramMedia } from './instagram.mapper';

/**
 * Instagram professional accounts (Graph API via Facebook Login). Credentials: `{ accessToken }`.
 * Own account: `externalId` = IG user id. Competitor: `handle` = their username, read through
 * Business Discovery from our own IG user (`credentials.igUserId`): public counts only.
 * Default host https://graph.facebook.com + /v21.0/…; re-reads 30 days (insights lag up to 48 h).
 */
export class InstagramConnector extends GraphConnector implements ChannelConnector {
  readonly platform = 'instagram' as const;
  protected readonly commentDialect: GraphCommentDialect = { replyEdge: 'replies', hideField: 'hide' };
  readonly capabilities = capabilities({
    ...BUSINESS_PAGE_READS,
    // instagram_manage_comments: reply, hide and delete comments on the account's media (no like API).
    answer: answerCapabilities({ reply: true, hide: true, delete: true }),
  });
  readonly syncIntervalMs = 60 * 60 * 1000;
  static readonly REFRESH_WINDOW_MS = 30 * DAY_MS;
  /**
   * follower_count covers the last 30 days (the current day excluded) and since…until may span
   * 30 days at most: from 29 days before today's midnight up to now fits.
   */
  static readonly HISTORY_DAYS = 29;
  private ownId(account: ConnectorAccount): string {
    return account.isCompetitor ? requireCredential(account, 'igUserId') : (account.externalId ?? optionalCredential(account, 'igUserId') ?? account.handle);
  }

  /** `business_discovery.username(x){…}` on our own IG user: the only way to read another account. */
  private async discovery(account: ConnectorAccount, what: string, fields: string): Promise<JsonReader> {
    const body = await graphGet(this.call(account, what), `/${this.ownId(account)}`, {
      fields: `business_discovery.username(${account.handle.replace(/^@/, '')}){${fields}}`,
    });
    return body.get('business_discovery').obj();
  }

  async verify(account: ConnectorAccount) {
    const r = account.isCompetitor
      ? await this.discovery(account, 'instagram verify', 'id,username,name')
      : await graphGet(this.call(account, 'instagram verify'), `/${this.ownId(account)}`, { fields: 'id,username,name' });
    return { externalId: r.get('id').str(), handle: r.get('username').optStr() ?? account.handle, displayName: r.get('name').optStr() };
  }

  async listPosts(account: ConnectorAccount, req: ListPostsRequest): Promise<PostsPage> {
    const run = PostRun.start(req, 'instagram media', InstagramConnector.REFRESH_WINDOW_MS);
    if (account.isCompetitor) {
      const after = run.token ? `.after(${String(JSON.parse(run.token).after)})` : '';
      const d = await this.discovery(account, run.what, `id,username,media.limit(50)${after}{${INSTAGRAM_MEDIA_FIELDS}}`);
      const owner = { id: d.get('id').optStr(), username: d.get('username').optStr() ?? account.handle };
      const media = d.get('media');
      return run.finish(media.get('data').arr().map((m) => mapInstagramMedia(m, owner)), graphNextToken(media));
    }
    const call = this.call(account, run.what);
    const id = this.ownId(account);
    const body = await graphGet(call, `/${id}/media`, { fields: INSTAGRAM_MEDIA_FIELDS, limit: 50, ...graphTokenQuery(run.token) });
    const items = [];
    for (const m of body.get('data').arr()) {
      const post = mapInstagramMedia(m, { id, username: account.handle });
      if (post.publishedAt < run.lowerBound.toISOString() || post.contentType === 'story') {
        items.push(post);
        continue;
      }
      const insights = await fetchInsightsResilient({ ...call, what: 'instagram media insights' }, `/${post.externalId}`, INSTAGRAM_MEDIA_INSIGHTS);
      items.push(applyInstagramInsights(post, insights));
    }
    return run.finish(items, graphNextToken(body));
  }

  async listComments(account: ConnectorAccount, post: { externalId: string }, page: string | null): Promise<Page<NormalizedComment>> {
    const call = this.call(account, 'instagram comments');
    const body = await graphGet(call, `/${post.externalId}/comments`, { fields: INSTAGRAM_COMMENT_FIELDS, limit: 50, ...graphTokenQuery(page) });
    const brand = { id: account.isCompetitor ? null : this.ownId(account), username: account.handle.replace(/^@/, '') };
    const items = body.get('data').arr().flatMap((c) => mapInstagramComments(c, post.externalId, brand));
    return { items, nextPage: assertNewToken(page, graphNextToken(body), call.what) };
  }

  async getAccountStats(account: ConnectorAccount, now: Date): Promise<NormalizedAccountStats> {
    const fields = 'followers_count,follows_count,media_count';
    const r = account.isCompetitor
      ? await this.discovery(account, 'instagram stats', fields)
      : await graphGet(this.call(account, 'instagram stats'), `/${this.ownId(account)}`, { fields });
    return {
      day: utcDay(now),
      followers: r.get('followers_count').optNum(),
      following: r.get('follows_count').optNum(),
      postsCount: r.get('media_count').optNum(),
    };
  }

  /**
   * Daily new followers (`follower_count`, last 30 days) turned into end-of-day counts from the
   * current `followers_count` (see mapInstagramFollowerHistory). One query: 30 days fit in one.
   */
  async getFollowerHistory(account: ConnectorAccount, since: Date, until: Date): Promise<NormalizedAccountStats[]> {
    if (account.isCompetitor) return [];
    const now = new Date(this.clock());
    const floor = utcMidnightDaysBefore(now, InstagramConnector.HISTORY_DAYS);
    const from = new Date(Math.max(since.getTime(), floor.getTime()));
    const to = new Date(Math.min(until.getTime(), utcMidnightDaysBefore(now, 0).getTime()));
    if (from >= to) return [];
    const call = this.call(account, 'instagram follower history');
    const id = this.ownId(account);
    let insights: JsonReader;
    try {
      // Gains up to today so the walk back starts from now (the platform leaves out today's).
      insights = await graphGet(call, `/${id}/insights`, {
        metric: 'follower_count',
        period: 'day',
        since: Math.floor(from.getTime() / 1000),
        until: Math.floor(now.getTime() / 1000),
      });
    } catch (e) {
      if (isNoInsightError(e)) return [];
      throw e;
    }
    const current = (await graphGet(call, `/${id}`, { fields: 'followers_count' })).get('followers_count').optNum();
    if (current === null) return [];
    return mapInstagramFollowerHistory(insights, current).filter((s) => inHistoryRange(s.day, from, to));
  }
}
