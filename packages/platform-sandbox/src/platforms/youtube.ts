import { SANDBOX_ACCOUNTS } from '../accounts';
import { idString } from '../rng';
import { intParam, pageSize, splitPath, timeParam, ytDate } from '../http/context';
import type { Ctx, Reply } from '../http/context';
import { keysetPage, sortItems } from '../http/paging';
import type { PlatformModule } from '../http/platform-module';
import { matchesText, parseQuery } from '../http/search';
import { ytChannelId } from '../world/ids';
import { DAY, postMetrics } from '../world/metrics';
import type { Comment, Item } from '../world/model';
import { authorAccount } from '../world/writes';
import { actingAs, bodyOf, logWrite, writer } from './write-common';

const etag = (key: string): string => idString(`etag|${key}`, 27, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');

function ytError(status: number, message: string, reason: string, domain = 'global', statusText?: string): Reply {
  return {
    status,
    body: { error: { code: status, message, errors: [{ message, domain, reason }], ...(statusText ? { status: statusText } : {}) } },
  };
}

const channelOf = (id: string) => SANDBOX_ACCOUNTS.find((a) => a.platform === 'youtube' && a.externalId === id);
const channelByHandle = (h: string) =>
  SANDBOX_ACCOUNTS.find((a) => a.platform === 'youtube' && a.handle.toLowerCase() === (h.startsWith('@') ? h : `@${h}`).toLowerCase());

interface Author {
  channelId: string;
  title: string;
  handle: string;
}

function authorOf(item: Item): Author {
  if (item.account) return { channelId: item.account.externalId, title: item.account.displayName, handle: item.account.handle };
  const p = item.persona!;
  return { channelId: ytChannelId(p.key), title: p.name, handle: `@${p.handle}` };
}

const thumbnails = (videoId: string) => ({
  default: { url: `https://i.ytimg.com/vi/${videoId}/default.jpg`, width: 120, height: 90 },
  medium: { url: `https://i.ytimg.com/vi/${videoId}/mqdefault.jpg`, width: 320, height: 180 },
  high: { url: `https://i.ytimg.com/vi/${videoId}/hqdefault.jpg`, width: 480, height: 360 },
});

function videoSnippet(item: Item) {
  const a = authorOf(item);
  return {
    publishedAt: ytDate(item.createdAt),
    channelId: a.channelId,
    title: item.title ?? item.text.slice(0, 80),
    description: item.text,
    thumbnails: thumbnails(item.pid),
    channelTitle: a.title,
    tags: [item.brand.hashtag],
    categoryId: '26',
    liveBroadcastContent: 'none',
    defaultLanguage: item.lang,
    localized: { title: item.title ?? item.text.slice(0, 80), description: item.text },
    defaultAudioLanguage: item.lang,
  };
}

function parts(ctx: Ctx): Set<string> | Reply {
  const raw = ctx.query.get('part');
  if (!raw) return ytError(400, "No filter selected. Expected one of: forUsername, mine, forHandle, id, managedByMe, categoryId", 'missingRequiredParameter');
  return new Set(raw.split(',').map((s) => s.trim()));
}

function channels(ctx: Ctx): Reply {
  const p = parts(ctx);
  if (!(p instanceof Set)) return ytError(400, 'Required parameter: part', 'required');
  let found = [] as typeof SANDBOX_ACCOUNTS[number][];
  const ids = ctx.query.get('id');
  const handle = ctx.query.get('forHandle');
  const username = ctx.query.get('forUsername');
  if (ids) found = ids.split(',').map((i) => channelOf(i.trim())).filter((a): a is NonNullable<typeof a> => !!a);
  else if (handle) found = [channelByHandle(handle)].filter((a): a is NonNullable<typeof a> => !!a);
  else if (username) found = [channelByHandle(username)].filter((a): a is NonNullable<typeof a> => !!a);
  else return ytError(400, 'No filter selected. Expected one of: forUsername, mine, forHandle, id, managedByMe, categoryId', 'missingRequiredParameter', 'youtube.parameter');
  const items = found.map((a) => {
    const videos = ctx.world.visible('youtube', ctx.now).filter((i) => i.account?.key === a.key);
    const out: Record<string, unknown> = { kind: 'youtube#channel', etag: etag(`${a.key}|${ctx.now}`), id: a.externalId };
    if (p.has('snippet'))
      out.snippet = {
        title: a.displayName,
        description: `Bienvenue sur la chaîne officielle de ${a.displayName}.`,
        customUrl: a.handle.toLowerCase(),
        publishedAt: '2016-03-14T09:12:44Z',
        thumbnails: thumbnails(a.externalId),
        localized: { title: a.displayName, description: `Bienvenue sur la chaîne officielle de ${a.displayName}.` },
        country: 'FR',
      };
    if (p.has('contentDetails')) out.contentDetails = { relatedPlaylists: { likes: '', uploads: `UU${a.externalId.slice(2)}` } };
    if (p.has('statistics'))
      out.statistics = {
        viewCount: String(videos.reduce((s, v) => s + postMetrics(v, ctx.now).views, 0) + 120_000),
        subscriberCount: String(ctx.world.followers(a, ctx.now)),
        hiddenSubscriberCount: false,
        videoCount: String(videos.length),
      };
    return out;
  });
  const body: Record<string, unknown> = { kind: 'youtube#channelListResponse', etag: etag(`cl|${ctx.now}`), pageInfo: { totalResults: items.length, resultsPerPage: 5 } };
  if (items.length) body.items = items;
  return { status: 200, body };
}

function searchResult(item: Item) {
  const s = videoSnippet(item);
  return {
    kind: 'youtube#searchResult',
    etag: etag(`sr|${item.pid}`),
    id: { kind: 'youtube#video', videoId: item.pid },
    snippet: {
      publishedAt: s.publishedAt,
      channelId: s.channelId,
      title: s.title,
      description: s.description.slice(0, 160),
      thumbnails: s.thumbnails,
      channelTitle: s.channelTitle,
      liveBroadcastContent: 'none',
      publishTime: s.publishedAt,
    },
  };
}

function listBody(kind: string, ctx: Ctx, items: unknown[], total: number, perPage: number, next?: string, prev?: string): Reply {
  const body: Record<string, unknown> = { kind, etag: etag(`${kind}|${ctx.now}|${next ?? ''}`) };
  if (next) body.nextPageToken = next;
  if (prev) body.prevPageToken = prev;
  if (kind === 'youtube#searchListResponse') body.regionCode = 'FR';
  body.pageInfo = { totalResults: total, resultsPerPage: perPage };
  body.items = items;
  return { status: 200, body };
}

function search(ctx: Ctx): Reply {
  const channelId = ctx.query.get('channelId');
  const q = ctx.query.get('q');
  const after = timeParam(ctx.query.get('publishedAfter'));
  const before = timeParam(ctx.query.get('publishedBefore'));
  const limit = intParam(ctx.query, 'maxResults', 5, 0, 50);
  const type = ctx.query.get('type');
  if (type && !type.split(',').includes('video')) return listBody('youtube#searchListResponse', ctx, [], 0, limit);
  const parsed = q ? parseQuery(q) : undefined;
  let items = ctx.world.visible('youtube', ctx.now).filter((i) => {
    if (channelId && authorOf(i).channelId !== channelId) return false;
    if (after !== undefined && i.createdAt < after) return false;
    if (before !== undefined && i.createdAt >= before) return false;
    if (parsed && !matchesText(parsed, `${i.title ?? ''} ${i.text} ${authorOf(i).title}`)) return false;
    return true;
  });
  const order = ctx.query.get('order') ?? 'relevance';
  items = order === 'viewCount'
    ? [...items].sort((a, b) => postMetrics(b, ctx.now).views - postMetrics(a, ctx.now).views || b.createdAt - a.createdAt)
    : sortItems(items, 'desc');
  const p = offsetPage(ctx, items, limit);
  return listBody('youtube#searchListResponse', ctx, p.items.map(searchResult), items.length, limit, p.next, p.prev);
}

/** YouTube's page tokens are opaque offsets (`CAUQAA` style); offsets suit the fixed orders here. */
function offsetPage<T>(ctx: Ctx, items: T[], limit: number): { items: T[]; next?: string; prev?: string } {
  const token = ctx.query.get('pageToken');
  let offset = 0;
  if (token) {
    const m = /^CA(\d+)Q$/.exec(Buffer.from(token, 'base64url').toString('latin1'));
    if (!m) throw new YtInvalidPageToken();
    offset = Number(m[1]);
  }
  const enc = (o: number) => Buffer.from(`CA${o}Q`, 'latin1').toString('base64url');
  const page = items.slice(offset, offset + limit);
  let next = offset + limit < items.length ? enc(offset + limit) : undefined;
  if (ctx.loop) next = enc(offset);
  return { items: page, next, prev: offset > 0 ? enc(Math.max(0, offset - limit)) : undefined };
}

class YtInvalidPageToken extends Error {}

function videos(ctx: Ctx): Reply {
  const p = parts(ctx);
  if (!(p instanceof Set)) return ytError(400, 'Required parameter: part', 'required');
  const ids = (ctx.query.get('id') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length > 50) return ytError(400, 'The request specifies an invalid filter parameter.', 'invalidFilters');
  const items = ids
    .map((id) => ctx.world.item('youtube', id))
    .filter((i): i is Item => !!i && i.createdAt <= ctx.now)
    .map((i) => {
      const out: Record<string, unknown> = { kind: 'youtube#video', etag: etag(`v|${i.pid}|${ctx.now}`), id: i.pid };
      if (p.has('snippet')) out.snippet = videoSnippet(i);
      if (p.has('contentDetails'))
        out.contentDetails = { duration: i.extra.duration ?? 'PT3M2S', dimension: '2d', definition: 'hd', caption: 'false', licensedContent: false, contentRating: {}, projection: 'rectangular' };
      if (p.has('status')) out.status = { uploadStatus: 'processed', privacyStatus: 'public', license: 'youtube', embeddable: true, publicStatsViewable: true, madeForKids: false };
      if (p.has('statistics')) {
        const m = ctx.world.metrics(i, ctx.now);
        out.statistics = { viewCount: String(m.views), likeCount: String(m.likes), favoriteCount: '0', commentCount: String(m.allComments) };
      }
      return out;
    });
  return listBody('youtube#videoListResponse', ctx, items, items.length, items.length);
}

function authorFields(c: Comment) {
  const a = authorAccount(c);
  if (a) {
    return { authorDisplayName: a.handle, authorProfileImageUrl: `https://yt3.ggpht.com/${a.externalId}=s48`, authorChannelUrl: `http://www.youtube.com/${a.handle}`, authorChannelId: { value: a.externalId } };
  }
  const p = c.persona!;
  const id = ytChannelId(p.key);
  return { authorDisplayName: `@${p.handle}`, authorProfileImageUrl: `https://yt3.ggpht.com/${id}=s48`, authorChannelUrl: `http://www.youtube.com/@${p.handle}`, authorChannelId: { value: id } };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function commentResource(ctx: Ctx, c: Comment) {
  const channelId = authorOf(c.item).channelId;
  const plain = ctx.query.get('textFormat') === 'plainText';
  return {
    kind: 'youtube#comment',
    etag: etag(`c|${c.pid}`),
    id: c.pid,
    snippet: {
      channelId,
      ...(c.parent ? {} : { videoId: c.item.pid }),
      textDisplay: plain ? c.text : escapeHtml(c.text),
      textOriginal: c.text,
      ...(c.parent ? { parentId: c.parent.pid } : {}),
      ...authorFields(c),
      canRate: true,
      viewerRating: 'none',
      likeCount: ctx.world.likesOf(c, ctx.now),
      // Only the channel owner sees a moderation status.
      ...(moderationOf(ctx, c) ? { moderationStatus: moderationOf(ctx, c) } : {}),
      publishedAt: ytDate(c.createdAt),
      updatedAt: ytDate(c.createdAt),
    },
  };
}

function commentThreads(ctx: Ctx): Reply {
  const p = parts(ctx);
  if (!(p instanceof Set)) return ytError(400, 'Required parameter: part', 'required');
  const videoId = ctx.query.get('videoId');
  const channelId = ctx.query.get('allThreadsRelatedToChannelId');
  const idFilter = ctx.query.get('id');
  const limit = pageSize(ctx, 'maxResults', 20, 1, 100);
  let videosOf: Item[];
  if (videoId) {
    const v = ctx.world.item('youtube', videoId);
    if (!v || v.createdAt > ctx.now)
      return ytError(404, 'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter could not be found.', 'videoNotFound', 'youtube.commentThread');
    videosOf = [v];
  } else if (channelId) videosOf = ctx.world.visible('youtube', ctx.now).filter((i) => authorOf(i).channelId === channelId);
  else if (idFilter) videosOf = ctx.world.visible('youtube', ctx.now);
  else return ytError(400, 'No filter selected. Expected one of: allThreadsRelatedToChannelId, videoId, id', 'missingRequiredParameter');
  // moderationStatus=heldForReview|likelySpam lists what awaits the owner's review (owner only).
  const status = ctx.query.get('moderationStatus') ?? 'published';
  if (status !== 'published' && videosOf.some((v) => !ownerOf(ctx, v)))
    return ytError(403, 'The request is not properly authorized to retrieve the specified comment threads.', 'forbidden', 'youtube.commentThread', 'PERMISSION_DENIED');
  let tops = videosOf.flatMap((v) =>
    status === 'published'
      ? ctx.world.commentsOf(v, ctx.now).filter((c) => !c.parent)
      : ctx.world.commentsOf(v, ctx.now, { unlisted: true }).filter((c) => !c.parent && ctx.world.writes.moderation('youtube', c.pid)?.status === status),
  );
  if (idFilter) {
    const ids = new Set(idFilter.split(','));
    tops = tops.filter((c) => ids.has(c.pid));
  }
  const q = ctx.query.get('searchTerms');
  if (q) tops = tops.filter((c) => matchesText(parseQuery(q), c.text));
  const sorted = sortItems(tops, 'desc'); // order=time (default): newest first
  const page = offsetPage(ctx, sorted, limit);
  const items = page.items.map((c) => {
    const replies = ctx.world.commentsOf(c.item, ctx.now).filter((r) => r.parent === c);
    const out: Record<string, unknown> = {
      kind: 'youtube#commentThread',
      etag: etag(`t|${c.pid}|${replies.length}`),
      id: c.pid,
      snippet: {
        channelId: authorOf(c.item).channelId,
        videoId: c.item.pid,
        topLevelComment: commentResource(ctx, c),
        canReply: true,
        totalReplyCount: replies.length,
        isPublic: true,
      },
    };
    if (p.has('replies') && replies.length) out.replies = { comments: replies.slice(0, 5).map((r) => commentResource(ctx, r)) };
    return out;
  });
  return listBody('youtube#commentThreadListResponse', ctx, items, items.length, limit, page.next);
}

function comments(ctx: Ctx): Reply {
  const parentId = ctx.query.get('parentId');
  const limit = pageSize(ctx, 'maxResults', 20, 1, 100);
  const ids = ctx.query.get('id');
  if (!parentId && ids) {
    const found = ids.split(',').map((i) => ctx.world.comment('youtube', i.trim())).filter((c): c is Comment => !!c && c.createdAt <= ctx.now);
    return listBody('youtube#commentListResponse', ctx, found.map((c) => commentResource(ctx, c)), found.length, found.length);
  }
  if (!parentId) return ytError(400, 'No filter selected. Expected one of: parentId, id', 'missingRequiredParameter');
  const parent = ctx.world.comment('youtube', parentId);
  if (!parent) return ytError(404, 'The comment identified by the <code>parentId</code> parameter could not be found.', 'commentNotFound', 'youtube.comment');
  const replies = sortItems(ctx.world.commentsOf(parent.item, ctx.now).filter((r) => r.parent === parent), 'asc');
  const page = offsetPage(ctx, replies, limit);
  return listBody('youtube#commentListResponse', ctx, page.items.map((c) => commentResource(ctx, c)), replies.length, limit, page.next);
}

function playlistItems(ctx: Ctx): Reply {
  const playlistId = ctx.query.get('playlistId') ?? '';
  const channel = channelOf(`UC${playlistId.slice(2)}`);
  if (!channel || !playlistId.startsWith('UU'))
    return ytError(404, 'The playlist identified with the request\'s <code>playlistId</code> parameter cannot be found.', 'playlistNotFound', 'youtube.playlistItem');
  const limit = pageSize(ctx, 'maxResults', 5, 0, 50);
  const vids = sortItems(ctx.world.visible('youtube', ctx.now).filter((i) => i.account?.key === channel.key), 'desc');
  const page = offsetPage(ctx, vids, limit);
  const items = page.items.map((v, idx) => ({
    kind: 'youtube#playlistItem',
    etag: etag(`pi|${v.pid}`),
    id: Buffer.from(`${playlistId}.${v.pid}`).toString('base64url'),
    snippet: { ...videoSnippet(v), playlistId, position: idx, resourceId: { kind: 'youtube#video', videoId: v.pid }, videoOwnerChannelTitle: channel.displayName, videoOwnerChannelId: channel.externalId },
    contentDetails: { videoId: v.pid, videoPublishedAt: ytDate(v.createdAt) },
  }));
  return listBody('youtube#playlistItemListResponse', ctx, items, vids.length, limit, page.next, page.prev);
}

function handle(ctx: Ctx): Reply {
  const segs = splitPath(ctx.path);
  if (segs[0] !== 'youtube' || segs[1] !== 'v3') return ytError(404, 'Not Found', 'notFound');
  if (ctx.method !== 'GET') return write(ctx, segs.slice(2));
  try {
    switch (segs[2]) {
      case 'channels':
        return channels(ctx);
      case 'search':
        return search(ctx);
      case 'videos':
        return videos(ctx);
      case 'commentThreads':
        return commentThreads(ctx);
      case 'comments':
        return comments(ctx);
      case 'playlistItems':
        return playlistItems(ctx);
      default:
        return ytError(404, 'Not Found', 'notFound');
    }
  } catch (e) {
    if (e instanceof YtInvalidPageToken) return ytError(400, 'The request specifies an invalid page token.', 'invalidPageToken', 'youtube.parameter');
    throw e;
  }
}

// ---- writes (comments.insert, comments.setModerationStatus, comments.delete): 50 units each ----

const MODERATION = ['heldForReview', 'published', 'rejected'];

/** The video's channel, when the token manages it (moderation is the owner's). */
function ownerOf(ctx: Ctx, video: Item) {
  return video.account ? actingAs(ctx, video.account.brandSlug) : undefined;
}

function moderationOf(ctx: Ctx, c: Comment): string | undefined {
  const m = ctx.world.writes.moderation('youtube', c.pid);
  return m && ownerOf(ctx, c.item) ? m.status : undefined;
}

const forbidden = (what: string): Reply =>
  ytError(403, `The comment could not be ${what} due to insufficient permissions. The request might not be properly authorized.`, 'forbidden', 'youtube.comment', 'PERMISSION_DENIED');
const commentNotFound = (what = 'The comment identified by the <code>id</code> parameter could not be found.'): Reply =>
  ytError(404, what, 'commentNotFound', 'youtube.comment', 'NOT_FOUND');
const processingFailure = (): Reply =>
  ytError(400, "The API server failed to successfully process the request. While this can be a transient error, it usually indicates that the request's input is invalid.", 'processingFailure', 'youtube.comment', 'INVALID_ARGUMENT');

function write(ctx: Ctx, segs: string[]): Reply {
  // Writes need an OAuth access token (youtube.force-ssl): an API key alone is refused.
  if (!ctx.headers.authorization)
    return {
      status: 401,
      body: { error: { code: 401, message: 'API keys are not supported by this API. Expected OAuth2 access token or other authentication credentials that assert a principal. See https://cloud.google.com/docs/authentication', errors: [{ message: 'Login Required.', domain: 'global', reason: 'required', location: 'Authorization', locationType: 'header' }], status: 'UNAUTHENTICATED' } },
    };
  const me = writer(ctx);
  if (!me) return forbidden('created');
  if (segs[0] === 'comments' && !segs[1] && ctx.method === 'POST') return insertReply(ctx, me);
  if (segs[0] === 'comments' && segs[1] === 'setModerationStatus' && ctx.method === 'POST') return setModerationStatus(ctx);
  if (segs[0] === 'comments' && !segs[1] && ctx.method === 'DELETE') return deleteComment(ctx);
  return ytError(404, 'Not Found', 'notFound');
}

/** comments.insert: a reply to a top-level comment (an answer to a reply joins its thread, as on YouTube). */
function insertReply(ctx: Ctx, me: NonNullable<ReturnType<typeof writer>>): Reply {
  const snippet = bodyOf(ctx).snippet as { parentId?: unknown; textOriginal?: unknown } | undefined;
  if (!snippet || typeof snippet !== 'object') return processingFailure();
  if (typeof snippet.parentId !== 'string' || !snippet.parentId)
    return ytError(400, 'The comment must be linked to a parent comment: snippet.parentId is missing.', 'parentIdMissing', 'youtube.comment', 'INVALID_ARGUMENT');
  const text = typeof snippet.textOriginal === 'string' ? snippet.textOriginal : '';
  if (!text.trim()) return ytError(400, 'The comment resource must specify a value for the snippet.textOriginal property. Comments cannot be empty.', 'commentTextRequired', 'youtube.comment', 'INVALID_ARGUMENT');
  if (text.length > 10_000) return ytError(400, 'The snippet.textOriginal property contains too many characters.', 'commentTextTooLong', 'youtube.comment', 'INVALID_ARGUMENT');
  const found = ctx.world.comment('youtube', snippet.parentId);
  const parent = found && found.createdAt <= ctx.now ? (found.parent ?? found) : undefined;
  if (!parent) return commentNotFound('The parent comment identified by the <code>snippet.parentId</code> property could not be found.');
  const reply = ctx.world.addReply(parent.item, parent, me, text, ctx.now);
  logWrite(ctx, me, 'reply', snippet.parentId, { id: reply.pid, text });
  return { status: 200, body: commentResource(ctx, reply) };
}

function setModerationStatus(ctx: Ctx): Reply {
  const status = ctx.query.get('moderationStatus') ?? '';
  const ids = (ctx.query.get('id') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!MODERATION.includes(status) || !ids.length || ids.length > 50) return processingFailure();
  if (ctx.query.get('banAuthor') === 'true' && status !== 'rejected')
    return ytError(400, 'The banAuthor parameter can only be used if the moderationStatus parameter value is rejected.', 'banWithoutReject', 'youtube.comment', 'INVALID_ARGUMENT');
  const targets: Comment[] = [];
  for (const id of ids) {
    const c = ctx.world.comment('youtube', id);
    // A deleted comment can no longer be moderated; an unknown id is not found.
    if (!c && ctx.world.writes.deletion('youtube', id)) return forbidden('moderated');
    if (!c || c.createdAt > ctx.now) return commentNotFound();
    if (!ownerOf(ctx, c.item)) return forbidden('moderated');
    // A rejected comment cannot be published again.
    if (status === 'published' && ctx.world.writes.moderation('youtube', id)?.status === 'rejected') return processingFailure();
    targets.push(c);
  }
  for (const c of targets) {
    const owner = ownerOf(ctx, c.item)!;
    ctx.world.writes.moderate('youtube', c.pid, status === 'published' ? undefined : { status, listed: false, by: owner.key });
    logWrite(ctx, owner, status === 'published' ? 'unhide' : 'hide', c.pid, { status });
  }
  return { status: 204, body: '' };
}

/** comments.delete: only the comment's author may delete it (owners reject others' comments instead). */
function deleteComment(ctx: Ctx): Reply {
  const id = ctx.query.get('id') ?? '';
  const c = ctx.world.comment('youtube', id);
  if (!c || c.createdAt > ctx.now) return commentNotFound();
  const author = authorAccount(c);
  const me = author ? actingAs(ctx, author.brandSlug) : undefined;
  if (!author || me?.key !== author.key) return forbidden('deleted');
  ctx.world.deleteObject('youtube', id, me.key, ctx.now, 'cascade');
  logWrite(ctx, me, 'delete', id);
  return { status: 204, body: '' };
}

const QUOTA_MSG = 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.';

export const youtube: PlatformModule = {
  auth: 'required',
  handle,
  authError: (ctx) =>
    ctx.token
      ? { ...ytError(400, 'API key not valid. Please pass a valid API key.', 'badRequest', 'global', 'INVALID_ARGUMENT') }
      : ytError(403, 'The request is missing a valid API key.', 'forbidden', 'global', 'PERMISSION_DENIED'),
  // An exhausted quota is a 403 quotaExceeded, not a 429.
  rateLimitError: () => ytError(403, QUOTA_MSG, 'quotaExceeded', 'youtube.quota'),
  serverError: () => ytError(500, 'Internal error encountered.', 'backendError', 'global', 'INTERNAL'),
  rateBucket: (ctx) => ({
    bucket: `quota|${ctx.token ?? ''}`,
    limit: 10_000,
    windowMs: DAY,
    // search.list costs 100 units, list calls 1; the day resets at midnight Pacific time.
    cost: ctx.method !== 'GET' ? 50 : ctx.path.includes('/search') ? 100 : 1,
    windowStart: (now) => Math.floor((now - 8 * 3_600_000) / DAY) * DAY + 8 * 3_600_000,
  }),
};
