import type { AnswerTarget, ChannelConnector, ConnectorAccount, ListPostsRequest, NormalizedAccountStats, NormalizedComment, Page, PostedReply, PostsPage } from '../channel-connector';
import { answerCapabilities, write } from '../answer';
import { baseOf } from '../base-url';
import { requireCredential } from '../credentials';
import { BUSINESS_PAGE_READS, capabilities, HttpConnector } from '../http-connector';
import { JsonReader } from '../json-reader';
import { countsFromGains, followerRows, inHistoryRange, utcMidnightDaysBefore } from '../follower-history';
import { ConnectorError, ConnectorErrorCode } from '../connector-error';
import { assertNewToken, PostRun } from '../page-state';
import { DAY_MS, utcDay } from '../sync-window';
import { applyLinkedinStats, commentUrnOf, mapLinkedinComment, mapLinkedinFollowerGains, mapLinkedinPost, nextStartOf } from './linkedin.mapper';

/** LinkedIn-Version header (YYYYMM) of the versioned Community Management API. */
export const LINKEDIN_VERSION = '202501';
const PAGE_SIZE = 50;
const COMMENT_PAGE_SIZE = 100;

/**
 * LinkedIn organisation pages (Community Management API). Credentials: `{ accessToken }` with
 * r_organization_social / rw_organization_admin. Account: organisation id (`externalId`,
 * numeric). Default host https://api.linkedin.com + /rest/…. Pages with start/count;
 * statistics (organic, rolling 12 months) for own pages only; re-reads 30 days.
 */
export class LinkedinConnector extends HttpConnector implements ChannelConnector {
  readonly platform = 'linkedin' as const;
  readonly capabilities = capabilities({
    ...BUSINESS_PAGE_READS,
    // w_organization_social: comment as the organization (replies one level deep).
    answer: answerCapabilities({ reply: true }),
  });
  /** Unpublished daily limits that reset at midnight UTC: sync every 6 h. */
  readonly syncIntervalMs = 6 * 60 * 60 * 1000;
  static readonly REFRESH_WINDOW_MS = 30 * DAY_MS;
  /** Follower statistics cover a rolling 12 months. */
  static readonly HISTORY_DAYS = 365;
  /** Rest.li 2.0 wants URNs percent-encoded but List(...) syntax literal, so the query is built by hand. */
  private async get(account: ConnectorAccount, what: string, pathAndQuery: string): Promise<JsonReader> {
    const token = requireCredential(account, 'accessToken');
    const url = `${baseOf(account, 'https://api.linkedin.com')}${pathAndQuery}`;
    const r = await this.http.json({
      url,
      what,
      headers: { authorization: `Bearer ${token}`, 'LinkedIn-Version': LINKEDIN_VERSION, 'X-Restli-Protocol-Version': '2.0.0' },
      secrets: [token],
    });
    return JsonReader.root(r.body, what);
  }

  /** A Rest.li write; the created entity's id comes back in `x-restli-id` (or the body's `id`). */
  private async send(account: ConnectorAccount, what: string, method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ id: string | null; r: JsonReader }> {
    const token = requireCredential(account, 'accessToken');
    const url = `${baseOf(account, 'https://api.linkedin.com')}${path}`;
    return write(what, async () => {
      const res = await this.http.json({
        url,
        method,
        body,
        what,
        headers: { authorization: `Bearer ${token}`, 'LinkedIn-Version': LINKEDIN_VERSION, 'X-Restli-Protocol-Version': '2.0.0' },
        secrets: [token],
        passStatuses: [201, 204],
      });
      const r = JsonReader.root(res.body ?? {}, what);
      return { id: res.headers.get('x-restli-id') ?? r.get('id').optStr(), r };
    });
  }

  /**
   * `POST /rest/socialActions/{comment urn}/comments {actor, object, message, parentComment}` as
   * the organization; LinkedIn nests one level, so a reply to a reply answers its parent.
   */
  async reply(account: ConnectorAccount, target: AnswerTarget, text: string): Promise<PostedReply> {
    const parentId = target.parentExternalId ?? target.externalId;
    const commentUrn = await this.commentUrn(account, target.postExternalId, parentId);
    const actor = `urn:li:organization:${this.orgId(account)}`;
    const { id, r } = await this.send(account, 'linkedin reply', 'POST', `/rest/socialActions/${encodeURIComponent(commentUrn)}/comments`, {
      actor,
      object: target.postExternalId,
      message: { text },
      parentComment: commentUrn,
    });
    const created = r.get('created').get('time').optNum();
    if (!id) return r.get('id').fail();
    return { externalId: commentIdOf(id), publishedAt: created === null ? null : new Date(created).toISOString() };
  }

  /**
   * The URN LinkedIn names a first-level comment by, `urn:li:comment:(urn:li:activity:…,id)`: its
   * activity is not the post's share/ugcPost URN, so it is read from the post's comments
   * (`commentUrn`), never rebuilt. Not there (deleted): NOT_FOUND, reason target_gone.
   */
  private async commentUrn(account: ConnectorAccount, postUrn: string, commentId: string): Promise<string> {
    const what = 'linkedin reply target';
    let start = 0;
    for (let i = 0; i < 50; i++) {
      const body = await write(what, () => this.get(account, what, `/rest/socialActions/${encodeURIComponent(postUrn)}/comments?start=${start}&count=${COMMENT_PAGE_SIZE}`));
      for (const c of body.get('elements').arr()) {
        if (mapLinkedinComment(c, postUrn, '').externalId === commentId) {
          const urn = commentUrnOf(c);
          if (urn) return urn;
        }
      }
      const next = nextStartOf(body, start, COMMENT_PAGE_SIZE);
      if (next === null || next <= start) break;
      start = next;
    }
    throw new ConnectorError(ConnectorErrorCode.NOT_FOUND, `${what}: comment ${commentId} is no longer under ${postUrn}`, { status: 404, reason: 'target_gone' });
  }

  /** `DELETE /rest/socialActions/{post urn}/comments/{id}?actor=`: the organization's own comments. */
  async deleteComment(account: ConnectorAccount, target: AnswerTarget): Promise<void> {
    const actor = encodeURIComponent(`urn:li:organization:${this.orgId(account)}`);
    await this.send(account, 'linkedin delete comment', 'DELETE', `/rest/socialActions/${encodeURIComponent(target.postExternalId)}/comments/${encodeURIComponent(target.externalId)}?actor=${actor}`);
  }

  private orgId(account: ConnectorAccount): string {
    return (account.externalId ?? account.handle).replace(/^urn:li:organization:/, '');
  }

  async verify(account: ConnectorAccount) {
    const o = await this.get(account, 'linkedin verify', `/rest/organizations/${this.orgId(account)}`);
    return { externalId: o.get('id').str(), handle: o.get('vanityName').optStr() ?? account.handle, displayName: o.get('localizedName').optStr() };
  }

  async listPosts(account: ConnectorAccount, req: ListPostsRequest): Promise<PostsPage> {
    const run = PostRun.start(req, 'linkedin posts', LinkedinConnector.REFRESH_WINDOW_MS);
    const org = `urn:li:organization:${this.orgId(account)}`;
    const start = Number(run.token ?? '0');
    const body = await this.get(account, run.what, `/rest/posts?q=author&author=${encodeURIComponent(org)}&count=${PAGE_SIZE}&start=${start}&sortBy=CREATED`);
    let posts = body.get('elements').arr().map(mapLinkedinPost);
    if (!account.isCompetitor && posts.length) {
      const shares = posts.filter((p) => p.externalId.startsWith('urn:li:share:')).map((p) => encodeURIComponent(p.externalId));
      const ugc = posts.filter((p) => p.externalId.startsWith('urn:li:ugcPost:')).map((p) => encodeURIComponent(p.externalId));
      const lists = [shares.length ? `shares=List(${shares.join(',')})` : '', ugc.length ? `ugcPosts=List(${ugc.join(',')})` : ''].filter(Boolean).join('&');
      const stats = await this.get(
        account,
        'linkedin share statistics',
        `/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${encodeURIComponent(org)}&${lists}`,
      );
      const byUrn = new Map<string, JsonReader>();
      for (const e of stats.get('elements').optArr()) {
        const urn = e.get('share').optStr() ?? e.get('ugcPost').optStr();
        if (urn) byUrn.set(urn, e.get('totalShareStatistics'));
      }
      posts = posts.map((p) => (byUrn.has(p.externalId) ? applyLinkedinStats(p, byUrn.get(p.externalId)!) : p));
    }
    const next = nextStartOf(body, start, PAGE_SIZE);
    return run.finish(posts, next === null ? null : String(next));
  }

  /**
   * First-level comments of a post, each followed by its replies: LinkedIn lists a comment's
   * replies only under that comment (`socialActions/{commentUrn}/comments`, two levels at most).
   */
  async listComments(account: ConnectorAccount, post: { externalId: string }, page: string | null): Promise<Page<NormalizedComment>> {
    const what = 'linkedin comments';
    const start = Number(page ?? '0');
    const body = await this.get(account, what, `/rest/socialActions/${encodeURIComponent(post.externalId)}/comments?start=${start}&count=${COMMENT_PAGE_SIZE}`);
    const org = `urn:li:organization:${this.orgId(account)}`;
    const items: NormalizedComment[] = [];
    for (const c of body.get('elements').arr()) {
      const comment = mapLinkedinComment(c, post.externalId, org);
      items.push(comment);
      const urn = commentUrnOf(c);
      const summary = c.get('commentsSummary');
      const replies = summary.get('totalFirstLevelComments').optNum() ?? summary.get('aggregatedTotalComments').optNum();
      // No summary: ask (a reply left unread is a question left unanswered).
      if (urn && !comment.parentExternalId && (replies === null || replies > 0)) {
        items.push(...(await this.replies(account, urn, post.externalId, comment.externalId, org)));
      }
    }
    const next = nextStartOf(body, start, COMMENT_PAGE_SIZE);
    return { items, nextPage: assertNewToken(page, next === null ? null : String(next), what) };
  }

  private async replies(account: ConnectorAccount, commentUrn: string, postUrn: string, parentId: string, org: string): Promise<NormalizedComment[]> {
    const what = 'linkedin comment replies';
    const out: NormalizedComment[] = [];
    let start: number | null = 0;
    const seen = new Set<number>();
    while (start !== null) {
      if (seen.has(start)) throw new ConnectorError(ConnectorErrorCode.MALFORMED, `${what}: pagination loop at start=${start}`, { path: 'paging' });
      seen.add(start);
      const body = await this.get(account, what, `/rest/socialActions/${encodeURIComponent(commentUrn)}/comments?start=${start}&count=${COMMENT_PAGE_SIZE}`);
      out.push(...body.get('elements').arr().map((c) => mapLinkedinComment(c, postUrn, org, parentId)));
      start = nextStartOf(body, start, COMMENT_PAGE_SIZE);
    }
    return out;
  }

  async getAccountStats(account: ConnectorAccount, now: Date): Promise<NormalizedAccountStats> {
    const org = encodeURIComponent(`urn:li:organization:${this.orgId(account)}`);
    const r = await this.get(account, 'linkedin followers', `/rest/networkSizes/${org}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`);
    return { day: utcDay(now), followers: r.get('firstDegreeSize').optNum(), following: null, postsCount: null };
  }

  /**
   * Daily net follower gains (organizationalEntityFollowerStatistics, DAY intervals up to now)
   * walked back from the current networkSizes count: the count at the end of each day.
   */
  async getFollowerHistory(account: ConnectorAccount, since: Date, until: Date): Promise<NormalizedAccountStats[]> {
    if (account.isCompetitor) return [];
    const now = this.clock();
    const from = Math.max(since.getTime(), utcMidnightDaysBefore(new Date(now), LinkedinConnector.HISTORY_DAYS).getTime());
    if (from >= until.getTime()) return [];
    const org = encodeURIComponent(`urn:li:organization:${this.orgId(account)}`);
    const intervals = `(timeRange:(start:${from},end:${now}),timeGranularityType:DAY)`;
    const body = await this.get(
      account,
      'linkedin follower history',
      `/rest/organizationalEntityFollowerStatistics?q=organizationalEntity&organizationalEntity=${org}&timeIntervals=${intervals}`,
    );
    const gains = mapLinkedinFollowerGains(body);
    const current = (await this.getAccountStats(account, new Date(now))).followers;
    if (current === null) return [];
    return followerRows(countsFromGains(current, gains)).filter((s) => inHistoryRange(s.day, new Date(from), until));
  }
}

/** A comment id from `x-restli-id` (a bare id or a `urn:li:comment:(post,id)` URN). */
function commentIdOf(id: string): string {
  const m = /^urn:li:comment:\(.+,([^,()]+)\)$/.exec(id);
  return m ? m[1]! : id;
}
