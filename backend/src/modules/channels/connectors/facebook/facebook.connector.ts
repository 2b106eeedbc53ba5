import type { AnswerTarget, ChannelConnector, ConnectorAccount, ListPostsRequest, NormalizedAccountStats, NormalizedComment, Page, PostsPage } from '../channel-connector';
import { answerCapabilities, write } from '../answer';
import { GraphConnector } from '../graph-connector';
import { BUSINESS_PAGE_READS, capabilities } from '../http-connector';
import { historyWindows, inHistoryRange, utcMidnightDaysBefore } from '../follower-history';
import { fetchInsightsResilient, graphGet, graphNextToken, graphTokenQuery, graphWrite, isNoInsightError, type GraphCommentDialect } from '../meta-graph';
import { assertNewToken, PostRun } from '../page-state';
import { DAY_MS, utcDay } from '../sync-window';
import { applyFacebookInsights, FACEBOOK_COMMENT_FIELDS, FACEBOOK_FOLLOWERS_METRIC, FACEBOOK_POST_FIELDS, FACEBOOK_POST_INSIGHTS, mapFacebookComment, mapFacebookFollowerHistory, mapFacebookPost } from './facebook.mapper';

/**
 * Facebook Pages (Graph API). Credentials: `{ accessToken }` (a Page token). Account id: the
 * Page id (`externalId`, else `handle`). Default host https://graph.facebook.com, path /v21.0/…
 * Re-reads the last 28 days each run (post insights keep moving for about four weeks).
 * Competitors: public fields only (summaries, shares), no insights call.
 */
export class FacebookConnector extends GraphConnector implements ChannelConnector {
  readonly platform = 'facebook' as const;
  /** A hidden comment stays visible to its author and their friends. */
  protected readonly commentDialect: GraphCommentDialect = { replyEdge: 'comments', hideField: 'is_hidden' };
  readonly capabilities = capabilities({
    ...BUSINESS_PAGE_READS,
    // pages_manage_engagement: reply, hide, delete and like comments on the Page's posts.
    answer: answerCapabilities({ reply: true, hide: true, delete: true, like: true }),
  });
  /** Business Use Case limits are per page and hour; hourly syncs stay far below them. */
  readonly syncIntervalMs = 60 * 60 * 1000;
  static readonly REFRESH_WINDOW_MS = 28 * DAY_MS;
  /** Page Insights keep 2 years; one since/until query spans at most 90 days. */
  static readonly HISTORY_MAX_DAYS = 730;
  static readonly HISTORY_WINDOW_MS = 90 * DAY_MS;

  private pageId(account: ConnectorAccount): string {
    return account.externalId ?? account.handle;
  }

  async verify(account: ConnectorAccount) {
    const r = await graphGet(this.call(account, 'facebook verify'), `/${encodeURIComponent(this.pageId(account))}`, {
      fields: 'id,name,username',
    });
    return {
      externalId: r.get('id').str(),
      handle: r.get('username').optStr() ?? account.handle,
      displayName: r.get('name').optStr(),
    };
  }

  async listPosts(account: ConnectorAccount, req: ListPostsRequest): Promise<PostsPage> {
    const call = this.call(account, 'facebook posts');
    const pageId = this.pageId(account);
    const run = PostRun.start(req, call.what, FacebookConnector.REFRESH_WINDOW_MS);
    const body = await graphGet(call, `/${encodeURIComponent(pageId)}/posts`, {
      fields: FACEBOOK_POST_FIELDS,
      limit: 25,
      since: Math.floor(run.lowerBound.getTime() / 1000),
      ...graphTokenQuery(run.token),
    });
    const posts = body.get('data').arr().map((p) => mapFacebookPost(p, pageId));
    const items = [];
    for (const post of posts) {
      if (account.isCompetitor || post.publishedAt < run.lowerBound.toISOString()) {
        items.push(post);
        continue;
      }
      const insights = await fetchInsightsResilient({ ...call, what: 'facebook post insights' }, `/${post.externalId}`, FACEBOOK_POST_INSIGHTS, {
        period: 'lifetime',
      });
      items.push(applyFacebookInsights(post, insights));
    }
    return run.finish(items, graphNextToken(body));
  }

  async listComments(account: ConnectorAccount, post: { externalId: string }, page: string | null): Promise<Page<NormalizedComment>> {
    const call = this.call(account, 'facebook comments');
    const body = await graphGet(call, `/${encodeURIComponent(post.externalId)}/comments`, {
      fields: FACEBOOK_COMMENT_FIELDS,
      filter: 'stream',
      order: 'chronological',
      limit: 100,
      ...graphTokenQuery(page),
    });
    const pageId = this.pageId(account);
    const items = body.get('data').arr().map((c) => mapFacebookComment(c, post.externalId, pageId));
    return { items, nextPage: assertNewToken(page, graphNextToken(body), call.what) };
  }

  async getAccountStats(account: ConnectorAccount, now: Date): Promise<NormalizedAccountStats> {
    const r = await graphGet(this.call(account, 'facebook page stats'), `/${encodeURIComponent(this.pageId(account))}`, {
      fields: 'followers_count,fan_count',
    });
    return {
      day: utcDay(now),
      // page_fans is being retired in favour of follows: followers_count first.
      followers: r.get('followers_count').optNum() ?? r.get('fan_count').optNum(),
      following: null,
      postsCount: null,
    };
  }

  /**
   * Page Insights `page_follows` (period=day), 90-day windows. A Page without insights (under
   * 100 likes, no read_insights, retired metric) answers #10/#100: no history, not a failure.
   */
  async getFollowerHistory(account: ConnectorAccount, since: Date, until: Date): Promise<NormalizedAccountStats[]> {
    if (account.isCompetitor) return [];
    const from = new Date(Math.max(since.getTime(), utcMidnightDaysBefore(until, FacebookConnector.HISTORY_MAX_DAYS).getTime()));
    const call = this.call(account, 'facebook follower history');
    const out: NormalizedAccountStats[] = [];
    for (const w of historyWindows(from, until, FacebookConnector.HISTORY_WINDOW_MS)) {
      try {
        const body = await graphGet(call, `/${encodeURIComponent(this.pageId(account))}/insights`, {
          metric: FACEBOOK_FOLLOWERS_METRIC,
          period: 'day',
          since: Math.floor(w.since.getTime() / 1000),
          until: Math.floor(w.until.getTime() / 1000),
        });
        out.push(...mapFacebookFollowerHistory(body).filter((s) => inHistoryRange(s.day, w.since, w.until)));
      } catch (e) {
        if (isNoInsightError(e)) return [];
        throw e;
      }
    }
    return out;
  }

  async like(account: ConnectorAccount, target: AnswerTarget): Promise<void> {
    const call = this.call(account, 'facebook like comment');
    await write(call.what, () => graphWrite(call, 'POST', `/${encodeURIComponent(target.externalId)}/likes`));
  }
}
