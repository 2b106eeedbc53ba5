import { SANDBOX_ACCOUNTS, brandSubreddit, redditBrandUser } from '../accounts';
import { intParam, pageSize, splitPath } from '../http/context';
import type { Ctx, Reply } from '../http/context';
import type { PlatformModule } from '../http/platform-module';
import { matchesText, parseQuery } from '../http/search';
import { idString } from '../rng';
import { commentLikes } from '../world/metrics';
import type { Comment, Item } from '../world/model';
import type { SandboxAccount } from '../types';
import { authorAccount } from '../world/writes';
import { logWrite, param, writer } from './write-common';

const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const subredditId = (name: string) => `t5_${idString(`sub|${name.toLowerCase()}`, 6, B36)}`;
const userId = (name: string) => `t2_${idString(`ru|${name.toLowerCase()}`, 8, B36)}`;

function authorName(item: Item): string {
  return item.account ? redditBrandUser(item.brand.slug) : item.persona!.handle.replace(/\./g, '_');
}
function commentAuthor(c: Comment): string {
  const a = authorAccount(c);
  return a ? redditBrandUser(a.brandSlug) : c.persona!.handle.replace(/\./g, '_');
}

/** The brand account moderates its own subreddit. */
const moderates = (a: SandboxAccount | undefined, item: Item): boolean => !!a && (item.channel ?? '').toLowerCase() === brandSubreddit(a.brandSlug).toLowerCase();

/** The reader's vote as Reddit's `likes`: true (up), false (down), null. */
function viewerVote(ctx: Ctx, id: string): boolean | null {
  const v = ctx.world.writes.reaction('reddit', id, writer(ctx)?.key);
  return v > 0 ? true : v < 0 ? false : null;
}

const sec = (ms: number) => Math.floor(ms / 1000);

function t3(ctx: Ctx, item: Item): Record<string, unknown> {
  const m = ctx.world.metrics(item, ctx.now);
  const sub = item.channel ?? 'france';
  const author = authorName(item);
  const permalink = `/r/${sub}/comments/${item.pid}/${(item.title ?? '').toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '_').slice(0, 40)}/`;
  const score = Math.max(1, Math.floor((m.likes - ctx.world.writes.likeCount('reddit', item.pid)) * 0.6) + ctx.world.writes.reactionSum('reddit', item.pid));
  const isSelf = item.format !== 'photo';
  return {
    approved_at_utc: null, subreddit: sub, selftext: isSelf ? item.text : '', author_fullname: userId(author), saved: false, mod_reason_title: null, gilded: 0, clicked: false,
    title: item.title ?? item.text.slice(0, 80), link_flair_richtext: [], subreddit_name_prefixed: `r/${sub}`, hidden: false, pwls: 6, link_flair_css_class: null, downs: 0,
    thumbnail: isSelf ? 'self' : `https://b.thumbs.redditmedia.com/${item.pid}.jpg`, hide_score: false, name: `t3_${item.pid}`, quarantine: false, link_flair_text_color: 'dark',
    upvote_ratio: item.tone === 'negative' || item.tone === 'crisis' ? 0.71 : 0.95, author_flair_background_color: null, subreddit_type: 'public', ups: score, total_awards_received: 0,
    media_embed: {}, author_flair_template_id: null, is_original_content: false, user_reports: [], secure_media: null, is_reddit_media_domain: !isSelf, is_meta: false,
    category: null, secure_media_embed: {}, link_flair_text: null, can_mod_post: false, score, approved_by: null, is_created_from_ads_ui: false, author_premium: false,
    edited: false, author_flair_css_class: null, author_flair_richtext: [], gildings: {}, content_categories: null, is_self: isSelf, mod_note: null,
    created: sec(item.createdAt), link_flair_type: 'text', wls: 6, removed_by_category: null, banned_by: null, author_flair_type: 'text',
    domain: isSelf ? `self.${sub}` : 'i.redd.it', allow_live_comments: false, selftext_html: isSelf ? `&lt;!-- SC_OFF --&gt;&lt;div class="md"&gt;&lt;p&gt;${item.text.replace(/&/g, '&amp;amp;').replace(/</g, '&amp;lt;')}&lt;/p&gt;\n&lt;/div&gt;&lt;!-- SC_ON --&gt;` : null,
    likes: viewerVote(ctx, item.pid), suggested_sort: null, banned_at_utc: null, view_count: null, archived: false, no_follow: score < 3, is_crosspostable: true, pinned: false, over_18: false,
    all_awardings: [], awarders: [], media_only: false, can_gild: false, spoiler: false, locked: false, author_flair_text: null, treatment_tags: [], visited: false,
    removed_by: null, num_reports: null, distinguished: item.account ? 'moderator' : null, subreddit_id: subredditId(sub), author_is_blocked: false, mod_reason_by: null,
    removal_reason: null, link_flair_background_color: '', id: item.pid, is_robot_indexable: true, report_reasons: null, author, discussion_type: null,
    num_comments: m.allComments, send_replies: true, contest_mode: false, mod_reports: [], author_patreon_flair: false, author_flair_text_color: null, permalink,
    stickied: false, url: isSelf ? `https://www.reddit.com${permalink}` : `https://i.redd.it/${item.pid}.jpg`, subreddit_subscribers: subscribers(ctx, sub),
    created_utc: sec(item.createdAt), num_crossposts: 0, media: null, is_video: false, parent_whitelist_status: 'all_ads', whitelist_status: 'all_ads',
  };
}

function subscribers(ctx: Ctx, sub: string): number {
  const acc = SANDBOX_ACCOUNTS.find((a) => a.platform === 'reddit' && a.handle.toLowerCase() === `r/${sub.toLowerCase()}`);
  return acc ? ctx.world.followers(acc, ctx.now) : 40_000 + (parseInt(idString(`subs|${sub}`, 4, '0123456789'), 10) * 37);
}

function t1(ctx: Ctx, c: Comment, depth: number): Record<string, unknown> {
  const item = c.item;
  const sub = item.channel ?? 'france';
  const children = ctx.world.commentsOf(item, ctx.now).filter((x) => x.parent === c);
  const score = 1 + commentLikes(c, ctx.now) + ctx.world.writes.reactionSum('reddit', c.pid);
  // A deleted comment that still has replies stays as a [deleted] stub; a removed one shows
  // [removed] to everyone but the subreddit's moderators, who see it flagged.
  const deleted = !!ctx.world.writes.deletion('reddit', c.pid);
  const removal = ctx.world.writes.moderation('reddit', c.pid);
  const modView = !!removal && moderates(writer(ctx), item);
  const stub = deleted || (removal && !modView);
  const author = stub ? '[deleted]' : commentAuthor(c);
  const body = deleted ? '[deleted]' : removal && !modView ? '[removed]' : c.text;
  const flags = modView ? { removed: true, approved: false, spam: false, banned_by: redditBrandUser(removal!.by.split(':')[0]), banned_at_utc: sec(ctx.now) } : {};
  const out = {
    kind: 't1',
    data: {
      subreddit_id: subredditId(sub), approved_at_utc: null, author_is_blocked: false, comment_type: null, awarders: [], mod_reason_by: null, banned_by: null,
      author_flair_type: 'text', total_awards_received: 0, subreddit: sub, author_flair_template_id: null, user_reports: [], saved: false,
      id: c.pid, banned_at_utc: null, mod_reason_title: null, gilded: 0, archived: false, collapsed_reason_code: null, no_follow: score < 3, author, likes: viewerVote(ctx, c.pid),
      can_mod_post: false, created_utc: sec(c.createdAt), send_replies: true, parent_id: c.parent ? `t1_${c.parent.pid}` : `t3_${item.pid}`, score,
      ...(stub ? {} : { author_fullname: userId(author) }), approved_by: null, mod_note: null, all_awardings: [], collapsed: false, body, edited: false, top_awarded_type: null,
      author_flair_css_class: null, name: `t1_${c.pid}`, is_submitter: author === authorName(item), downs: 0, author_flair_richtext: [], author_patreon_flair: false,
      body_html: `&lt;div class="md"&gt;&lt;p&gt;${body.replace(/&/g, '&amp;amp;').replace(/</g, '&amp;lt;')}&lt;/p&gt;\n&lt;/div&gt;`, removal_reason: null, collapsed_reason: null,
      // Generated brand answers are distinguished; a written one is not unless distinguished later.
      distinguished: c.fromBrand && !c.author && !stub ? 'moderator' : null, associated_award: null, stickied: false, author_premium: false, can_gild: false, gildings: {}, unrepliable_reason: null,
      author_flair_text_color: null, score_hidden: false, permalink: `/r/${sub}/comments/${item.pid}/_/${c.pid}/`, subreddit_type: 'public', locked: false, report_reasons: null,
      created: sec(c.createdAt), author_flair_text: null, treatment_tags: [], link_id: `t3_${item.pid}`, subreddit_name_prefixed: `r/${sub}`, controversiality: 0,
      depth, author_flair_background_color: null, collapsed_because_crowd_control: null, mod_reports: [], num_reports: null, ups: score,
      replies: children.length ? listing(children.map((x) => t1(ctx, x, depth + 1)), null, null) : '',
    },
  };
  Object.assign(out.data, flags);
  return out;
}

function listing(children: unknown[], after: string | null, before: string | null): Record<string, unknown> {
  return { kind: 'Listing', data: { after, dist: children.length, modhash: '', geo_filter: '', children, before } };
}

/** Reddit pages with `after`/`before` = fullnames of the edge items. */
function listingOf(ctx: Ctx, items: Item[]): Reply {
  const limit = pageSize(ctx, 'limit', 25, 1, 100);
  const sorted = [...items].sort((a, b) => b.createdAt - a.createdAt);
  const after = ctx.query.get('after');
  const before = ctx.query.get('before');
  let start = 0;
  if (after) {
    const i = sorted.findIndex((x) => `t3_${x.pid}` === after);
    start = i >= 0 ? i + 1 : sorted.length;
  }
  let page = sorted.slice(start, start + limit);
  if (before) {
    const i = sorted.findIndex((x) => `t3_${x.pid}` === before);
    page = i > 0 ? sorted.slice(Math.max(0, i - limit), i) : [];
  }
  const last = page[page.length - 1];
  let nextAfter = last && sorted.indexOf(last) < sorted.length - 1 ? `t3_${last.pid}` : null;
  // pagination-loop: `after` points back into the page just served.
  if (ctx.loop && page.length) nextAfter = after ?? `t3_${page[0].pid}`;
  const prevBefore = page.length && start > 0 ? `t3_${page[0].pid}` : null;
  return { status: 200, body: listing(page.map((i) => ({ kind: 't3', data: t3(ctx, i) })), nextAfter, prevBefore) };
}

const notFound = (): Reply => ({ status: 404, body: { message: 'Not Found', error: 404 } });

function handle(ctx: Ctx): Reply {
  const s = splitPath(ctx.path).map((x) => x.replace(/\.json$/, ''));
  if (s[0] === 'api' && ctx.method === 'POST') return write(ctx, s[1] ?? '');
  const visible = () => ctx.world.visible('reddit', ctx.now);
  if (s[0] === 'r' && s[1]) {
    const sub = s[1].toLowerCase();
    const inSub = () => visible().filter((i) => (i.channel ?? '').toLowerCase() === sub);
    if (s[2] === 'new' || (s[2] === undefined && s.length === 2) || s[2] === 'hot') return listingOf(ctx, inSub());
    if (s[2] === 'about') {
      const display = inSub()[0]?.channel ?? s[1];
      return { status: 200, body: { kind: 't5', data: { display_name: display, display_name_prefixed: `r/${display}`, name: subredditId(display), id: subredditId(display).slice(3), title: display, subscribers: subscribers(ctx, display), public_description: '', created_utc: 1_500_000_000, subreddit_type: 'public', lang: 'fr', over18: false, url: `/r/${display}/` } } };
    }
    if (s[2] === 'search') {
      const q = parseQuery(ctx.query.get('q') ?? '');
      const restrict = ctx.query.get('restrict_sr');
      const pool = restrict === '1' || restrict === 'true' || restrict === 'on' ? inSub() : visible();
      return listingOf(ctx, pool.filter((i) => matchesText(q, `${i.title ?? ''} ${i.text}`)));
    }
    if (s[2] === 'comments' && s[3]) return commentsOf(ctx, s[3]);
    return notFound();
  }
  if (s[0] === 'search') {
    const q = parseQuery(ctx.query.get('q') ?? '');
    return listingOf(ctx, visible().filter((i) => matchesText(q, `${i.title ?? ''} ${i.text}`)));
  }
  if (s[0] === 'comments' && s[1]) return commentsOf(ctx, s[1]);
  if ((s[0] === 'user' || s[0] === 'u') && s[1]) {
    const name = s[1];
    const brand = SANDBOX_ACCOUNTS.find((a) => a.platform === 'reddit' && redditBrandUser(a.brandSlug).toLowerCase() === name.toLowerCase());
    const persona = ctx.world.personas.find((p) => p.handle.replace(/\./g, '_').toLowerCase() === name.toLowerCase());
    if (!brand && !persona) return notFound();
    if (s[2] === 'about') {
      const display = brand ? redditBrandUser(brand.brandSlug) : persona!.handle.replace(/\./g, '_');
      return { status: 200, body: { kind: 't2', data: { name: display, id: userId(display).slice(3), created_utc: 1_600_000_000, link_karma: brand ? 2400 : 120, comment_karma: brand ? 5100 : 870, total_karma: brand ? 7500 : 990, icon_img: `https://styles.redditmedia.com/${display}.png`, is_employee: false, verified: true, has_verified_email: true, subreddit: { display_name: `u_${display}`, subscribers: brand ? 310 : 2 } } } };
    }
    if (s[2] === 'submitted') return listingOf(ctx, visible().filter((i) => authorName(i).toLowerCase() === name.toLowerCase()));
    return notFound();
  }
  return notFound();
}

function commentsOf(ctx: Ctx, id: string): Reply {
  const item = ctx.world.item('reddit', id);
  if (!item || item.createdAt > ctx.now) return notFound();
  const top = ctx.world.commentsOf(item, ctx.now).filter((c) => !c.parent);
  const sort = ctx.query.get('sort') ?? 'confidence';
  const ordered = sort === 'new' ? [...top].sort((a, b) => b.createdAt - a.createdAt) : sort === 'old' ? top : [...top].sort((a, b) => commentLikes(b, ctx.now) - commentLikes(a, ctx.now) || a.createdAt - b.createdAt);
  const limit = intParam(ctx.query, 'limit', 200, 1, 500);
  return {
    status: 200,
    body: [listing([{ kind: 't3', data: t3(ctx, item) }], null, null), listing(ordered.slice(0, limit).map((c) => t1(ctx, c, 0)), null, null)],
  };
}

// ---- writes: POST /api/comment, /api/remove, /api/approve, /api/del, /api/vote (form-encoded) ----

/** Reddit slows accounts that comment a lot: more than this many comments in 10 minutes. */
const COMMENTS_PER_10_MIN = 30;

const apiErrors = (...errors: [string, string, string | null][]): Reply => ({ status: 200, body: { json: { errors } } });

/** `t1_…` / `t3_…` → the comment or post (undefined when deleted or unknown). */
function thing(ctx: Ctx, fullname: string): { item: Item; comment?: Comment } | undefined {
  const id = fullname.slice(3);
  if (fullname.startsWith('t3_')) {
    const item = ctx.world.item('reddit', id);
    return item && item.createdAt <= ctx.now ? { item } : undefined;
  }
  const c = fullname.startsWith('t1_') ? ctx.world.comment('reddit', id) : undefined;
  return c && c.createdAt <= ctx.now ? { item: c.item, comment: c } : undefined;
}

function write(ctx: Ctx, action: string): Reply {
  const me = writer(ctx);
  if (!me) return reddit.authError(ctx);
  if (action === 'comment') return comment(ctx, me);
  const fullname = param(ctx, 'id') ?? '';
  const t = thing(ctx, fullname);
  const id = fullname.slice(3);
  if (action === 'vote') {
    const dir = Number(param(ctx, 'dir'));
    if (![1, 0, -1].includes(dir) || !t) return { status: 400, body: { message: 'Bad Request', error: 400 } };
    if (ctx.world.writes.react('reddit', id, me.key, dir)) logWrite(ctx, me, 'vote', id, { status: String(dir) });
    return { status: 200, body: {} };
  }
  if (action === 'remove' || action === 'approve') {
    if (!t) return { status: 200, body: {} };
    if (!moderates(me, t.item)) return { status: 403, body: { message: 'Forbidden', error: 403 } };
    const remove = action === 'remove';
    ctx.world.writes.moderate('reddit', id, remove ? { status: 'removed', listed: true, by: me.key } : undefined);
    logWrite(ctx, me, remove ? 'hide' : 'unhide', id, { status: remove ? 'removed' : 'published' });
    return { status: 200, body: {} };
  }
  if (action === 'del') {
    // Reddit answers {} whatever the id; only the author's own things are deleted.
    const author = t ? (t.comment ? authorAccount(t.comment) : t.item.account) : undefined;
    if (t && author?.key === me.key) {
      ctx.world.deleteObject('reddit', id, me.key, ctx.now, t.comment ? 'placeholder' : 'cascade');
      logWrite(ctx, me, 'delete', id);
    }
    return { status: 200, body: {} };
  }
  return notFound();
}

function comment(ctx: Ctx, me: SandboxAccount): Reply {
  const thingId = param(ctx, 'thing_id') ?? param(ctx, 'parent') ?? '';
  const text = param(ctx, 'text') ?? '';
  if (!thingId) return apiErrors(['NO_THING_ID', 'id not specified', 'parent']);
  const t = thing(ctx, thingId);
  if (!t) return thingId.startsWith('t3_') ? apiErrors(['DELETED_LINK', 'the link you are commenting on has been deleted', 'parent']) : apiErrors(['DELETED_COMMENT', 'that comment has been deleted', 'parent']);
  if (!text.trim()) return apiErrors(['NO_TEXT', 'we need something here', 'text']);
  const recent = ctx.world.writes.list('reddit').filter((w) => w.action === 'reply' && w.account === me.key && Date.parse(w.at) > ctx.now - 600_000);
  if (recent.length >= COMMENTS_PER_10_MIN) {
    const wait = Math.max(1, Math.ceil((Date.parse(recent[0].at) + 600_000 - ctx.now) / 1000));
    const body = { json: { ratelimit: wait, errors: [['RATELIMIT', `Looks like you've been doing that a lot. Take a break for ${Math.ceil(wait / 60)} minutes before trying again.`, 'ratelimit']] } };
    return { status: 200, body };
  }
  const reply = ctx.world.addReply(t.item, t.comment, me, text, ctx.now);
  logWrite(ctx, me, 'reply', thingId.slice(3), { id: reply.pid, text });
  let depth = 0;
  for (let p = reply.parent; p; p = p.parent) depth++;
  return { status: 200, body: { json: { errors: [], data: { things: [t1(ctx, reply, depth)] } } } };
}

export const reddit: PlatformModule = {
  auth: 'optional',
  handle,
  authError: () => ({ status: 401, body: { message: 'Unauthorized', error: 401 } }),
  rateLimitError: (_ctx, retry) => ({
    status: 429,
    body: { message: 'Too Many Requests', error: 429 },
    headers: { 'x-ratelimit-used': '100', 'x-ratelimit-remaining': '0.0', 'x-ratelimit-reset': String(retry) },
  }),
  serverError: () => ({ status: 500, body: { message: 'Internal Server Error', error: 500 } }),
  // 100 queries per minute per OAuth client (10 without OAuth since 2023-07-01).
  rateBucket: (ctx) => ({ bucket: ctx.token ?? 'anonymous', limit: ctx.token ? 100 : 10, windowMs: 60_000 }),
  rateHeaders: (st, ctx) => ({
    'x-ratelimit-used': String(st.used),
    'x-ratelimit-remaining': `${st.remaining}.0`,
    'x-ratelimit-reset': String(Math.max(0, Math.ceil((st.resetAt - ctx.now) / 1000))),
  }),
};

export { brandSubreddit };
