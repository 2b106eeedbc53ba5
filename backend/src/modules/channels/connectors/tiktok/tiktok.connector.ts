import type { ChannelConnector, ConnectorAccount, ListPostsRequest, NormalizedAccountStats, PostsPage } from '../channel-connector';
import { baseOf, buildUrl } from '../base-url';
import { requireCredential } from '../credentials';
import { capabilities, HttpConnector } from '../http-connector';
import { JsonReader } from '../json-reader';
import { PostRun } from '../page-state';
import { DAY_MS, utcDay } from '../sync-window';
import { mapTiktokVideo, TIKTOK_USER_FIELDS, TIKTOK_VIDEO_FIELDS } from './tiktok.mapper';

/**
 * TikTok Display API. Credentials: `{ accessToken }` (user token with video.list,
 * user.info.basic/stats). Default host https://open.tiktokapis.com + /v2/…. Comments are not
 * available to brands (Research API only). Pages with `cursor`/`has_more`; re-reads 14 days.
 */
export class TiktokConnector extends HttpConnector implements ChannelConnector {
  readonly platform = 'tiktok' as const;
  readonly capabilities = capabilities({ postMetrics: true, accountStats: true });
  /** 600 requests/min per endpoint: hourly is plenty for public counts. */
  readonly syncIntervalMs = 60 * 60 * 1000;
  static readonly REFRESH_WINDOW_MS = 14 * DAY_MS;

  private async call(account: ConnectorAccount, what: string, path: string, fields: string, body?: unknown): Promise<JsonReader> {
    const token = requireCredential(account, 'accessToken');
    const url = buildUrl(baseOf(account, 'https://open.tiktokapis.com'), path, { fields });
    const r = await this.http.json({ url, what, method: body ? 'POST' : 'GET', body, headers: { authorization: `Bearer ${token}` }, secrets: [token] });
    return JsonReader.root(r.body, what).get('data');
  }

  async verify(account: ConnectorAccount) {
    const u = (await this.call(account, 'tiktok verify', '/v2/user/info/', TIKTOK_USER_FIELDS)).get('user');
    return { externalId: u.get('open_id').str(), handle: u.get('username').optStr() ?? account.handle, displayName: u.get('display_name').optStr() };
  }

  async listPosts(account: ConnectorAccount, req: ListPostsRequest): Promise<PostsPage> {
    const run = PostRun.start(req, 'tiktok video list', TiktokConnector.REFRESH_WINDOW_MS);
    const data = await this.call(account, run.what, '/v2/video/list/', TIKTOK_VIDEO_FIELDS, {
      max_count: 20,
      ...(run.token ? { cursor: Number(run.token) } : {}),
    });
    const posts = data.get('videos').optArr().map((v) => mapTiktokVideo(v, account.externalId));
    const more = data.get('has_more').optBool() === true;
    return run.finish(posts, more ? data.get('cursor').str() : null);
  }

  async getAccountStats(account: ConnectorAccount, now: Date): Promise<NormalizedAccountStats> {
    const u = (await this.call(account, 'tiktok stats', '/v2/user/info/', TIKTOK_USER_FIELDS)).get('user');
    return { day: utcDay(now), followers: u.get('follower_count').optNum(), following: u.get('following_count').optNum(), postsCount: u.get('video_count').optNum() };
  }
}
