import type { AnswerTarget, ChannelConnector, ConnectorAccount, ListPostsRequest, NormalizedAccountStats, NormalizedComment, Page, PostedReply, PostsPage } from '../channel-connector';
import { answerCapabilities, write } from '../answer';
import { baseOf } from '../base-url';
import { requireCredential } from '../credentials';
import { capabilities, HttpConnector } from '../http-connector';
import { historyWindows, inHistoryRange, utcMidnightDaysBefore } from '../follower-history';
import {
  fetchInsightsResilient,
  graphDeleteComment,
  graphGet,
  graphNextToken,
  graphReply,
  graphSetHidden,
  graphTokenQuery,
  graphWrite,
  GRAPH_DEFAULT_HOST,
  isNoInsightError,
  type GraphCall,
  type GraphCommentDialect,
} from '../meta-graph';
import { assertNewToken, PostRun } from '../page-state';
import { DAY_MS, utcDay } from '../sync-window';
import { applyFacebookInsights, FACEBOOK_COMMENT_FIELDS, FACEBOOK_FOLLOWERS_METRIC, FACEBOOK_POST_FIELDS, FACEBOOK_POST_INSIGHTS, mapFacebookComment, mapFacebookFollowerHistory, mapFacebookPost } from './facebook.mapper';

const FACEBOOK_COMMENTS: GraphCommentDialect = { replyEdge: 'comments', hideField: 'is_hidden' };

/**
 * Facebook Pages (Graph API). Credentials: `{ accessToken }` (a Page token). Account id: the
 * Page id (`externalId`, else `handle`). Default host https://graph.facebook.com, path /v21.0/…
 * Re-reads the last 28 days each run (post insights keep moving for about four weeks).
 * Competitors: public fields only (summaries, shares), no insights call.
 */
export class FacebookConnector extends HttpConnector implements ChannelConnector {
  readonly platform = 'facebook' as const;
  readonly capabilities = capabilities({
    comments: true,
    postMetrics: true,
    accountStats: true,
    privateMetrics: true,
    followerHistory: true,
    // pages_manage_engagement: reply, hide, delete and like comments on the Page's posts.
    answer: answerCapabilities({ reply: true, hide: true, delete: true, like: true }),
  });
  /** Business Use Case limits are per page and hour; hourly syncs stay far below them. */
  readonly syncIntervalMs = 60 * 60 * 1000;
  static readonly REFRESH_WINDOW_MS = 28 * DAY_MS;
  /** Page Insights keep 2 years; one since/until query spans at most 90 days. */
  static readonly HISTORY_MAX_DAYS = 730;
  static readonly HISTORY_WINDOW_MS = 90 * DAY_MS;

  private call(account: ConnectorAccount, what: string): GraphCall {
    return { http: this.http, base: baseOf(account, GRAPH_DEFAULT_HOST), token: requireCredential(account, 'accessToken'), what };
  }

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

  /** `POST /{comment-id}/comments message=…` as the Page. */
  async reply(account: ConnectorAccount, target: AnswerTarget, text: string): Promise<PostedReply> {
    return graphReply(this.call(account, 'facebook reply'), FACEBOOK_COMMENTS, target, text);
  }

  /** `POST /{comment-id} is_hidden=true|false`: hidden from everyone but its author and friends. */
  async setHidden(account: ConnectorAccount, target: AnswerTarget, hidden: boolean): Promise<void> {
    await graphSetHidden(this.call(account, hidden ? 'facebook hide comment' : 'facebook unhide comment'), FACEBOOK_COMMENTS, target, hidden);
  }

  async deleteComment(account: ConnectorAccount, target: AnswerTarget): Promise<void> {
    await graphDeleteComment(this.call(account, 'facebook delete comment'), target);
  }

  async like(account: ConnectorAccount, target: AnswerTarget): Promise<void> {
    const call = this.call(account, 'facebook like comment');
    await write(call.what, () => graphWrite(call, 'POST', `/${encodeURIComponent(target.externalId)}/likes`));
  }
}
