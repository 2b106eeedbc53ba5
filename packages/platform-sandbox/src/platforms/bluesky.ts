import { SANDBOX_ACCOUNTS, blueskyDid } from '../accounts';
import { iso, intParam, pageSize, splitPath, timeParam } from '../http/context';
import type { Ctx, Reply } from '../http/context';
import { keysetPage, sortItems } from '../http/paging';
import type { PlatformModule } from '../http/platform-module';
import { matchesText, parseQuery } from '../http/search';
import type { Persona } from '../text/personas';
import { cid } from '../world/ids';
import { commentLikes, postMetrics } from '../world/metrics';
import type { Comment, Item } from '../world/model';
import type { SandboxAccount } from '../types';

interface Actor {
  did: string;
  handle: string;
  displayName: string;
  account?: SandboxAccount;
  persona?: Persona;
}

interface BPost {
  pid: string;
  cid: string;
  createdAt: number;
  text: string;
  lang: string;
  author: Actor;
  item: Item;
  comment?: Comment;
  parent?: BPost;
  root?: BPost;
}

const actorOfAccount = (a: SandboxAccount): Actor => ({ did: a.externalId, handle: a.handle, displayName: a.displayName, account: a });
const actorOfPersona = (p: Persona): Actor => ({ did: blueskyDid(`persona:${p.key}`), handle: `${p.handle.replace(/[._]/g, '-')}.bsky.social`, displayName: p.name, persona: p });
const brandActor = (slug: string) => {
  const a = SANDBOX_ACCOUNTS.find((x) => x.platform === 'bluesky' && x.brandSlug === slug);
  return a ? actorOfAccount(a) : undefined;
};

function postsOf(ctx: Ctx): BPost[] {
  const out: BPost[] = [];
  for (const item of ctx.world.visible('bluesky', ctx.now)) {
    const author = item.account ? actorOfAccount(item.account) : actorOfPersona(item.persona!);
    const root: BPost = { pid: item.pid, cid: item.extra.cid ?? cid(item.pid), createdAt: item.createdAt, text: item.text, lang: item.lang, author, item };
    out.push(root);
    const byComment = new Map<Comment, BPost>();
    for (const c of item.comments) {
      if (c.createdAt > ctx.now) continue;
      const a = c.fromBrand ? brandActor(item.brand.slug) : actorOfPersona(c.persona!);
      if (!a) continue;
      const parent = c.parent ? byComment.get(c.parent) ?? root : root;
      const p: BPost = { pid: c.pid, cid: c.extra.cid ?? cid(c.pid), createdAt: c.createdAt, text: c.text, lang: c.lang, author: a, item, comment: c, parent, root };
      byComment.set(c, p);
      out.push(p);
    }
  }
  return out;
}

function facets(text: string): unknown[] | undefined {
  const out: unknown[] = [];
  for (const m of text.matchAll(/#([\p{L}\p{N}_]+)/gu)) {
    const byteStart = Buffer.byteLength(text.slice(0, m.index ?? 0));
    out.push({ index: { byteStart, byteEnd: byteStart + Buffer.byteLength(m[0]) }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: m[1] }] });
  }
  return out.length ? out : undefined;
}

function authorView(ctx: Ctx, a: Actor): Record<string, unknown> {
  return {
    did: a.did,
    handle: a.handle,
    displayName: a.displayName,
    avatar: `https://cdn.bsky.app/img/avatar/plain/${a.did}/bafkrei${a.did.slice(8, 20)}@jpeg`,
    viewer: { muted: false, blockedBy: false },
    labels: [],
    createdAt: a.account ? '2023-09-12T10:00:00.000Z' : '2024-02-06T18:30:00.000Z',
  };
}

function postView(ctx: Ctx, p: BPost, all: BPost[]): Record<string, unknown> {
  const record: Record<string, unknown> = { $type: 'app.bsky.feed.post', createdAt: iso(p.createdAt), langs: [p.lang], text: p.text };
  const f = facets(p.text);
  if (f) record.facets = f;
  if (p.parent && p.root) record.reply = { parent: { cid: p.parent.cid, uri: p.parent.pid }, root: { cid: p.root.cid, uri: p.root.pid } };
  const replyCount = all.filter((x) => x.parent === p).length;
  let likeCount: number;
  let repostCount = 0;
  let quoteCount = 0;
  if (p.comment) likeCount = commentLikes(p.comment, ctx.now);
  else {
    const m = postMetrics(p.item, ctx.now);
    likeCount = m.likes;
    repostCount = m.shares;
    quoteCount = Math.floor(m.shares / 5);
  }
  return {
    uri: p.pid,
    cid: p.cid,
    author: authorView(ctx, p.author),
    record,
    replyCount,
    repostCount,
    likeCount,
    quoteCount,
    indexedAt: iso(p.createdAt + 800),
    viewer: { threadMuted: false, embeddingDisabled: false },
    labels: [],
  };
}

function xrpcError(status: number, error: string, message: string): Reply {
  return { status, body: { error, message } };
}

function actorByParam(ctx: Ctx, actor: string | null): Actor | undefined {
  if (!actor) return undefined;
  const a = SANDBOX_ACCOUNTS.find((x) => x.platform === 'bluesky' && (x.externalId === actor || x.handle === actor));
  if (a) return actorOfAccount(a);
  return ctx.world.personas.map(actorOfPersona).find((p) => p.did === actor || p.handle === actor);
}

function profile(ctx: Ctx): Reply {
  const a = actorByParam(ctx, ctx.query.get('actor'));
  if (!a) return xrpcError(400, 'InvalidRequest', 'Profile not found');
  const posts = ctx.world.visible('bluesky', ctx.now).filter((i) => (a.account ? i.account?.key === a.account.key : i.persona === a.persona)).length;
  return {
    status: 200,
    body: {
      ...authorView(ctx, a),
      description: a.account ? `Compte officiel ${a.displayName}` : '',
      banner: `https://cdn.bsky.app/img/banner/plain/${a.did}/banner@jpeg`,
      followersCount: a.account ? ctx.world.followers(a.account, ctx.now) : a.persona!.followers,
      followsCount: a.account ? 84 : 210,
      postsCount: posts,
      associated: { lists: 0, feedgens: 0, starterPacks: 0, labeler: false },
      indexedAt: iso(ctx.now),
    },
  };
}

function authorFeed(ctx: Ctx): Reply {
  const a = actorByParam(ctx, ctx.query.get('actor'));
  if (!a) return xrpcError(400, 'InvalidRequest', 'Profile not found');
  const limit = pageSize(ctx, 'limit', 50, 1, 100);
  const filter = ctx.query.get('filter') ?? 'posts_with_replies';
  const all = postsOf(ctx);
  const mine = all.filter((p) => p.author.did === a.did && !(filter !== 'posts_with_replies' && p.parent));
  const page = keysetPage(sortItems(mine, 'desc'), 'desc', ctx.query.get('cursor'), limit, ctx.loop);
  const feed = page.items.map((p) => {
    const entry: Record<string, unknown> = { post: postView(ctx, p, all) };
    if (p.parent && p.root) entry.reply = { root: { $type: 'app.bsky.feed.defs#postView', ...postView(ctx, p.root, all) }, parent: { $type: 'app.bsky.feed.defs#postView', ...postView(ctx, p.parent, all) } };
    return entry;
  });
  return { status: 200, body: page.next ? { feed, cursor: page.next } : { feed } };
}

function thread(ctx: Ctx): Reply {
  const uri = ctx.query.get('uri');
  const depth = intParam(ctx.query, 'depth', 6, 0, 1000);
  const all = postsOf(ctx);
  const p = all.find((x) => x.pid === uri);
  if (!p) return xrpcError(400, 'NotFound', `Post not found: ${uri}`);
  const node = (x: BPost, d: number): Record<string, unknown> => {
    const out: Record<string, unknown> = { $type: 'app.bsky.feed.defs#threadViewPost', post: postView(ctx, x, all) };
    if (d > 0) out.replies = all.filter((r) => r.parent === x).sort((a, b) => a.createdAt - b.createdAt).map((r) => node(r, d - 1));
    return out;
  };
  const root = node(p, depth);
  let cur = root;
  let anc = p.parent;
  while (anc) {
    const parent: Record<string, unknown> = { $type: 'app.bsky.feed.defs#threadViewPost', post: postView(ctx, anc, all), replies: [] };
    cur.parent = parent;
    cur = parent;
    anc = anc.parent;
  }
  return { status: 200, body: { thread: root } };
}

function searchPosts(ctx: Ctx): Reply {
  const q = ctx.query.get('q');
  if (!q) return xrpcError(400, 'InvalidRequest', 'Error: Params must have the property "q"');
  const parsed = parseQuery(q);
  const limit = pageSize(ctx, 'limit', 25, 1, 100);
  const since = timeParam(ctx.query.get('since'));
  const until = timeParam(ctx.query.get('until'));
  const langs = ctx.query.get('lang');
  const authorParam = ctx.query.get('author') ?? parsed.operators['from']?.[0];
  const author = authorParam ? actorByParam(ctx, authorParam) : undefined;
  const all = postsOf(ctx);
  const hits = all.filter(
    (p) =>
      matchesText(parsed, p.text) &&
      (since === undefined || p.createdAt >= since) &&
      (until === undefined || p.createdAt < until) &&
      (!langs || p.lang === langs) &&
      (!authorParam || p.author.did === author?.did),
  );
  const page = keysetPage(sortItems(hits, 'desc'), 'desc', ctx.query.get('cursor'), limit, ctx.loop);
  const body: Record<string, unknown> = { hitsTotal: hits.length, posts: page.items.map((p) => postView(ctx, p, all)) };
  if (page.next) body.cursor = page.next;
  return { status: 200, body };
}

function getPosts(ctx: Ctx): Reply {
  const uris = new Set(ctx.query.getAll('uris'));
  const all = postsOf(ctx);
  return { status: 200, body: { posts: all.filter((p) => uris.has(p.pid)).map((p) => postView(ctx, p, all)) } };
}

function handle(ctx: Ctx): Reply {
  const s = splitPath(ctx.path);
  if (s[0] !== 'xrpc') return xrpcError(404, 'NotFound', 'Not Found');
  switch (s[1]) {
    case 'app.bsky.actor.getProfile':
      return profile(ctx);
    case 'app.bsky.feed.getAuthorFeed':
      return authorFeed(ctx);
    case 'app.bsky.feed.getPostThread':
      return thread(ctx);
    case 'app.bsky.feed.searchPosts':
      return searchPosts(ctx);
    case 'app.bsky.feed.getPosts':
      return getPosts(ctx);
    default:
      return xrpcError(501, 'MethodNotImplemented', 'Method Not Implemented');
  }
}

export const bluesky: PlatformModule = {
  auth: 'optional',
  handle,
  authError: () => xrpcError(401, 'AuthenticationRequired', 'Authentication Required'),
  rateLimitError: (ctx, retry) => ({
    ...xrpcError(429, 'RateLimitExceeded', 'Rate Limit Exceeded'),
    headers: { 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.ceil(ctx.now / 1000 + retry)), 'ratelimit-policy': '3000;w=300' },
  }),
  serverError: () => xrpcError(500, 'InternalServerError', 'Internal Server Error'),
  rateBucket: () => ({ bucket: 'ip', limit: 3000, windowMs: 5 * 60_000 }),
  rateHeaders: (st) => ({
    'ratelimit-limit': String(st.limit),
    'ratelimit-remaining': String(st.remaining),
    'ratelimit-reset': String(Math.ceil(st.resetAt / 1000)),
    'ratelimit-policy': `${st.limit};w=${st.windowMs / 1000}`,
  }),
};
