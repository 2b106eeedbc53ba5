import type {
  ChannelConnector,
  ConnectorAccount,
  ConnectorCapabilities,
  ListPostsRequest,
  NormalizedAccountStats,
  NormalizedComment,
  Page,
  PostsPage,
} from '../channel-connector';
import { baseOf } from '../base-url';
import { optionalCredential, requireCredential, type ConnectorOptions } from '../credentials';
import { HttpClient } from '../http-client';
import type { JsonReader } from '../json-reader';
import { fetchInsightsResilient, graphGet, graphNextToken, graphTokenQuery, GRAPH_DEFAULT_HOST, type GraphCall } from '../meta-graph';
import { assertNewToken, PostRun } from '../page-state';
import { DAY_MS, utcDay } from '../sync-window';
import {
  applyInstagramInsights,
  INSTAGRAM_COMMENT_FIELDS,
  INSTAGRAM_MEDIA_FIELDS,
  INSTAGRAM_MEDIA_INSIGHTS,
  mapInstagramComments,
  mapInstagramMedia,
} from './instagram.mapper';

/**
 * Instagram professional accounts (Graph API via Facebook Login). Credentials: `{ accessToken }`.
 * Own account: `externalId` = IG user id. Competitor: `handle` = their username, read through
 * Business Discovery from our own IG user (`credentials.igUserId`): public counts only.
 * Default host https://graph.facebook.com + /v21.0/…; re-reads 30 days (insights lag up to 48 h).
 */
export class InstagramConnector implements ChannelConnector {
  readonly platform = 'instagram' as const;
  readonly capabilities: ConnectorCapabilities = { comments: true, postMetrics: true, accountStats: true, search: false, privateMetrics: true };
  readonly syncIntervalMs = 60 * 60 * 1000;
  static readonly REFRESH_WINDOW_MS = 30 * DAY_MS;
  private readonly http: HttpClient;

  constructor(opts: ConnectorOptions = {}) {
    this.http = new HttpClient(opts);
  }

  private call(account: ConnectorAccount, what: string): GraphCall {
    return { http: this.http, base: baseOf(account, GRAPH_DEFAULT_HOST), token: requireCredential(account, 'accessToken'), what };
  }

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
}
