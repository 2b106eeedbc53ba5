import { SANDBOX_ACCOUNTS } from '../accounts';
import { idString } from '../rng';
import { capPage, splitPath } from '../http/context';
import type { Ctx, Reply } from '../http/context';
import type { PlatformModule } from '../http/platform-module';
import { postMetrics } from '../world/metrics';
import type { Item } from '../world/model';

const logId = (ctx: Ctx) => `${new Date(ctx.now).toISOString().replace(/\D/g, '').slice(0, 14)}${idString(`log|${ctx.now}|${ctx.path}`, 18, '0123456789ABCDEF')}`;

function fail(ctx: Ctx, status: number, code: string, message: string): Reply {
  return { status, body: { data: {}, error: { code, message, log_id: logId(ctx) } } };
}

const USER_FIELDS = ['open_id', 'union_id', 'avatar_url', 'avatar_url_100', 'avatar_large_url', 'display_name', 'bio_description', 'profile_deep_link', 'is_verified', 'username', 'follower_count', 'following_count', 'likes_count', 'video_count'];
const VIDEO_FIELDS = ['id', 'create_time', 'cover_image_url', 'share_url', 'video_description', 'duration', 'height', 'width', 'title', 'embed_html', 'embed_link', 'like_count', 'comment_count', 'share_count', 'view_count'];

function fieldsOf(ctx: Ctx, allowed: string[]): string[] | Reply {
  const raw = ctx.query.get('fields');
  if (!raw) return fail(ctx, 400, 'invalid_params', 'The request parameter fields is required.');
  const fields = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = fields.find((f) => !allowed.includes(f));
  if (bad) return fail(ctx, 400, 'invalid_params', `Invalid field: ${bad}`);
  return fields;
}

function videoJson(ctx: Ctx, v: Item, fields: string[]): Record<string, unknown> {
  const m = postMetrics(v, ctx.now);
  const all: Record<string, unknown> = {
    id: v.pid,
    create_time: Math.floor(v.createdAt / 1000),
    cover_image_url: `https://p16-sign.tiktokcdn.example/${v.pid}.jpeg`,
    share_url: `https://www.tiktok.com/@${v.account!.handle}/video/${v.pid}`,
    video_description: v.text,
    duration: Number(v.extra.duration ?? 30),
    height: 1024,
    width: 576,
    title: v.text.split(/[.!?]/)[0].slice(0, 60),
    embed_html: `<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@${v.account!.handle}/video/${v.pid}" data-video-id="${v.pid}"></blockquote>`,
    embed_link: `https://www.tiktok.com/player/v1/${v.pid}`,
    like_count: m.likes,
    comment_count: m.allComments,
    share_count: m.shares,
    view_count: m.views,
  };
  return Object.fromEntries(fields.map((f) => [f, all[f]]));
}

function handle(ctx: Ctx): Reply {
  const s = splitPath(ctx.path);
  // The Display / Content APIs give brands no comment access: no reading, no answering.
  if (s.some((x) => x.includes('comment')))
    return fail(ctx, 403, 'scope_not_authorized', 'The user did not authorize the scope required for completing this request: comments cannot be read or answered through the TikTok API for developers.');
  const account = ctx.tokenAccount!;
  if (s[0] === 'v2' && s[1] === 'user' && s[2] === 'info') {
    const fields = fieldsOf(ctx, USER_FIELDS);
    if (!Array.isArray(fields)) return fields;
    const videos = ctx.world.visible('tiktok', ctx.now).filter((i) => i.account?.key === account.key);
    const all: Record<string, unknown> = {
      open_id: account.externalId,
      union_id: idString(`union|${account.key}`, 36, '0123456789abcdef-'),
      avatar_url: `https://p16-sign.tiktokcdn.example/avatar/${account.handle}.jpeg`,
      avatar_url_100: `https://p16-sign.tiktokcdn.example/avatar/${account.handle}_100.jpeg`,
      avatar_large_url: `https://p16-sign.tiktokcdn.example/avatar/${account.handle}_large.jpeg`,
      display_name: account.displayName,
      bio_description: `${account.displayName} — compte officiel`,
      profile_deep_link: `https://vm.tiktok.com/${account.handle}`,
      is_verified: true,
      username: account.handle,
      follower_count: ctx.world.followers(account, ctx.now),
      following_count: 48,
      likes_count: videos.reduce((sum, v) => sum + postMetrics(v, ctx.now).likes, 0),
      video_count: videos.length,
    };
    return { status: 200, body: { data: { user: Object.fromEntries(fields.map((f) => [f, all[f]])) }, error: { code: 'ok', message: '', log_id: logId(ctx) } } };
  }
  if (s[0] === 'v2' && s[1] === 'video' && (s[2] === 'list' || s[2] === 'query')) {
    if (ctx.method !== 'POST') return fail(ctx, 405, 'invalid_params', 'Method not allowed');
    const fields = fieldsOf(ctx, VIDEO_FIELDS);
    if (!Array.isArray(fields)) return fields;
    const body = (ctx.body ?? {}) as { cursor?: number; max_count?: number; filters?: { video_ids?: string[] } };
    const mine = ctx.world.visible('tiktok', ctx.now).filter((i) => i.account?.key === account.key).sort((a, b) => b.createdAt - a.createdAt);
    if (s[2] === 'query') {
      const ids = body.filters?.video_ids ?? [];
      if (!ids.length || ids.length > 20) return fail(ctx, 400, 'invalid_params', 'filters.video_ids must hold 1 to 20 ids');
      return { status: 200, body: { data: { videos: mine.filter((v) => ids.includes(v.pid)).map((v) => videoJson(ctx, v, fields)) }, error: { code: 'ok', message: '', log_id: logId(ctx) } } };
    }
    const max = body.max_count ?? 10;
    if (!Number.isInteger(max) || max < 1 || max > 20) return fail(ctx, 400, 'invalid_params', 'max_count must be between 1 and 20');
    // The cursor is a UTC timestamp in ms: videos created before it.
    const cursor = typeof body.cursor === 'number' && body.cursor > 0 ? body.cursor : undefined;
    const rest = mine.filter((v) => cursor === undefined || v.createdAt < cursor);
    const served = capPage(ctx, max);
    const page = rest.slice(0, served);
    const last = page[page.length - 1];
    const nextCursor = ctx.loop ? (cursor ?? ctx.now) : last ? last.createdAt : (cursor ?? ctx.now);
    return {
      status: 200,
      body: { data: { videos: page.map((v) => videoJson(ctx, v, fields)), cursor: nextCursor, has_more: ctx.loop ? true : rest.length > served }, error: { code: 'ok', message: '', log_id: logId(ctx) } },
    };
  }
  return fail(ctx, 404, 'invalid_params', 'Not Found');
}

export const tiktok: PlatformModule = {
  auth: 'required',
  handle,
  authError: (ctx) => fail(ctx, 401, 'access_token_invalid', 'The access token is invalid or not found in the request.'),
  rateLimitError: (ctx) => fail(ctx, 429, 'rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.'),
  serverError: (ctx) => fail(ctx, 500, 'internal_error', 'Something went wrong. Please try again later.'),
  // 600 requests per minute per endpoint (sliding window; fixed here).
  rateBucket: (ctx) => ({ bucket: `${ctx.path}|${ctx.token ?? ''}`, limit: 600, windowMs: 60_000 }),
};
