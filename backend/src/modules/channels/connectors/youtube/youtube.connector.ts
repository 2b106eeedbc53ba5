import type { AnswerTarget, ChannelConnector, ConnectorAccount, ListPostsRequest, NormalizedAccountStats, NormalizedComment, NormalizedMention, Page, PostedReply, PostsPage } from '../channel-connector';
import { answerCapabilities, write } from '../answer';
import { baseOf, buildUrl, type Query } from '../base-url';
import { ConnectorError, ConnectorErrorCode } from '../connector-error';
import { optionalCredential, requireCredential } from '../credentials';
import { capabilities, HttpConnector, OPEN_NETWORK_READS } from '../http-connector';
import { JsonReader } from '../json-reader';
import { assertNewToken, PostRun } from '../page-state';
import { DAY_MS, utcDay } from '../sync-window';
import { mapYoutubeReply, mapYoutubeSearchItem, mapYoutubeThread, mapYoutubeVideo } from './youtube.mapper';

/**
 * YouTube Data API v3. Credentials: `{ apiKey }` (public data) or `{ accessToken }` (OAuth).
 * Account: channel id (`externalId`, UC…) or `handle` (@name → channels?forHandle=).
 * Default host https://www.googleapis.com + /youtube/v3/…. Uploads are read from the channel's
 * uploads playlist (1 unit/page) + videos.list statistics (1 unit/50 videos); 14-day re-read.
 */
export class YoutubeConnector extends HttpConnector implements ChannelConnector {
  readonly platform = 'youtube' as const;
  readonly capabilities = capabilities({
    ...OPEN_NETWORK_READS,
    // OAuth (youtube.force-ssl): reply, hold for review / publish (hide). Only own comments can be deleted.
    answer: answerCapabilities({ reply: true, hide: true }),
  });
  /** 10,000 units/day: an hourly sync costs a few units; search (100 units) is for listening only. */
  readonly syncIntervalMs = 60 * 60 * 1000;
  static readonly REFRESH_WINDOW_MS = 14 * DAY_MS;

  private async get(account: ConnectorAccount, what: string, resource: string, query: Query): Promise<JsonReader> {
    const apiKey = optionalCredential(account, 'apiKey');
    const token = optionalCredential(account, 'accessToken');
    if (!apiKey && !token) throw new ConnectorError(ConnectorErrorCode.AUTH, 'youtube: missing credential "apiKey" or "accessToken"');
    const url = buildUrl(baseOf(account, 'https://www.googleapis.com'), `/youtube/v3/${resource}`, { ...query, key: apiKey });
    const r = await this.http.json({
      url,
      what,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      secrets: [apiKey ?? '', token ?? ''],
    });
    return JsonReader.root(r.body, what);
  }

  private async channel(account: ConnectorAccount, what: string, part: string): Promise<JsonReader> {
    const id = account.externalId ?? (account.handle.startsWith('UC') ? account.handle : null);
    const body = await this.get(account, what, 'channels', id ? { part, id } : { part, forHandle: account.handle });
    const first = body.get('items').optArr()[0];
    if (!first) throw new ConnectorError(ConnectorErrorCode.NOT_FOUND, `${what}: channel ${id ?? account.handle} not found`);
    return first;
  }

  async verify(account: ConnectorAccount) {
    const c = await this.channel(account, 'youtube verify', 'id,snippet');
    return {
      externalId: c.get('id').str(),
      handle: c.get('snippet').get('customUrl').optStr() ?? account.handle,
      displayName: c.get('snippet').get('title').optStr(),
    };
  }

  async listPosts(account: ConnectorAccount, req: ListPostsRequest): Promise<PostsPage> {
    const run = PostRun.start(req, 'youtube videos', YoutubeConnector.REFRESH_WINDOW_MS);
    let playlist = run.extra('uploads');
    if (!playlist) {
      const c = await this.channel(account, 'youtube channel', 'contentDetails');
      playlist = c.at('contentDetails.relatedPlaylists.uploads').str();
      run.setExtra('uploads', playlist);
    }
    const items = await this.get(account, 'youtube playlistItems', 'playlistItems', {
      part: 'snippet,contentDetails',
      playlistId: playlist,
      maxResults: 50,
      pageToken: run.token,
    });
    const ids = items
      .get('items')
      .arr()
      .map((i) => i.at('contentDetails.videoId').optStr() ?? i.at('snippet.resourceId.videoId').str());
    const videos = ids.length
      ? (await this.get(account, 'youtube videos', 'videos', { part: 'snippet,statistics,contentDetails', id: ids.join(','), maxResults: 50 }))
          .get('items')
          .arr()
          .map(mapYoutubeVideo)
      : [];
    // Uploads playlists are newest first; sort anyway so the window cut is reliable.
    videos.sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1));
    return run.finish(videos, items.get('nextPageToken').optStr());
  }

  async listComments(account: ConnectorAccount, post: { externalId: string }, page: string | null): Promise<Page<NormalizedComment>> {
    const what = 'youtube commentThreads';
    const body = await this.get(account, what, 'commentThreads', {
      part: 'snippet,replies',
      videoId: post.externalId,
      maxResults: 100,
      textFormat: 'plainText',
      pageToken: page,
    });
    const channelId = account.externalId;
    const items: NormalizedComment[] = [];
    for (const t of body.get('items').arr()) {
      const thread = mapYoutubeThread(t, channelId);
      items.push(...thread);
      // Threads include at most 5 replies inline; fetch the rest with comments.list.
      const total = t.at('snippet.totalReplyCount').optNum() ?? 0;
      if (total > thread.length - 1) {
        const replies = await this.get(account, 'youtube comments', 'comments', {
          part: 'snippet',
          parentId: thread[0].externalId,
          maxResults: 100,
          textFormat: 'plainText',
        });
        const known = new Set(thread.map((c) => c.externalId));
        for (const r of replies.get('items').arr()) {
          const c = mapYoutubeReply(r, post.externalId, channelId);
          if (!known.has(c.externalId)) items.push({ ...c, parentExternalId: thread[0].externalId });
        }
      }
    }
    return { items, nextPage: assertNewToken(page, body.get('nextPageToken').optStr(), what) };
  }

  async getAccountStats(account: ConnectorAccount, now: Date): Promise<NormalizedAccountStats> {
    const s = (await this.channel(account, 'youtube stats', 'statistics')).get('statistics');
    const hidden = s.get('hiddenSubscriberCount').optBool() === true;
    return { day: utcDay(now), followers: hidden ? null : s.get('subscriberCount').optNum(), following: null, postsCount: s.get('videoCount').optNum() };
  }

  /** search.list costs 100 units (own 100 calls/day bucket): keep watch queries few. */
  async search(account: ConnectorAccount, query: string, since: Date, page: string | null): Promise<Page<NormalizedMention>> {
    const what = 'youtube search';
    const body = await this.get(account, what, 'search', {
      part: 'snippet',
      q: query,
      type: 'video',
      order: 'date',
      publishedAfter: since.toISOString(),
      maxResults: 50,
      pageToken: page,
    });
    return { items: body.get('items').arr().map(mapYoutubeSearchItem), nextPage: assertNewToken(page, body.get('nextPageToken').optStr(), what) };
  }

  /** Writes need the channel owner's OAuth token (an API key only reads). */
  private async send(account: ConnectorAccount, what: string, method: 'POST' | 'DELETE', resource: string, query: Query, body?: unknown): Promise<JsonReader> {
    const token = requireCredential(account, 'accessToken');
    const url = buildUrl(baseOf(account, 'https://www.googleapis.com'), `/youtube/v3/${resource}`, query);
    return write(what, async () => {
      const r = await this.http.json({ url, method, body, what, headers: { authorization: `Bearer ${token}` }, secrets: [token], passStatuses: [204] });
      return JsonReader.root(r.body ?? {}, what);
    });
  }

  /** `POST /youtube/v3/comments?part=snippet {snippet: {parentId, textOriginal}}` (parentId: a top-level comment). */
  async reply(account: ConnectorAccount, target: AnswerTarget, text: string): Promise<PostedReply> {
    const parentId = target.parentExternalId ?? target.externalId;
    const r = await this.send(account, 'youtube reply', 'POST', 'comments', { part: 'snippet' }, { snippet: { parentId, textOriginal: text } });
    return { externalId: r.get('id').str(), publishedAt: r.get('snippet').get('publishedAt').optStr() };
  }

  /** `POST /youtube/v3/comments/setModerationStatus` heldForReview (hidden) or published. */
  async setHidden(account: ConnectorAccount, target: AnswerTarget, hidden: boolean): Promise<void> {
    await this.send(account, hidden ? 'youtube hold comment' : 'youtube publish comment', 'POST', 'comments/setModerationStatus', {
      id: target.externalId,
      moderationStatus: hidden ? 'heldForReview' : 'published',
    });
  }

  /** `DELETE /youtube/v3/comments?id=`: the channel's own comments (its replies). */
  async deleteComment(account: ConnectorAccount, target: AnswerTarget): Promise<void> {
    await this.send(account, 'youtube delete comment', 'DELETE', 'comments', { id: target.externalId });
  }
}
