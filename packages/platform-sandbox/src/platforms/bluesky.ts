import { SANDBOX_ACCOUNTS, blueskyDid } from '../accounts';
import { iso, intParam, pageSize, splitPath, timeParam } from '../http/context';
import type { Ctx, Reply } from '../http/context';
import { keysetPage, sortItems } from '../http/paging';
import type { PlatformModule } from '../http/platform-module';
import { matchesText, parseQuery } from '../http/search';
import type { Persona } from '../text/personas';
import { cid, tid } from '../world/ids';
import type { Comment, Item } from '../world/model';
import type { SandboxAccount } from '../types';
import { authorAccount } from '../world/writes';
import { bodyOf, logWrite, writer } from './write-common';

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
const commentActor = (c: Comment): Actor | undefined => {
  const a = authorAccount(c);
  if (a) return actorOfAccount(a);
  return c.persona ? actorOfPersona(c.persona) : undefined;
};

function postsOf(ctx: Ctx): BPost[] {
  const out: BPost[] = [];
  for (const item of ctx.world.visible('bluesky', ctx.now)) {
    const author = item.account ? actorOfAccount(item.account) : actorOfPersona(item.persona!);
    const root: BPost = { pid: item.pid, cid: item.extra.cid ?? cid(item.pid), createdAt: item.createdAt, text: item.text, lang: item.lang, author, item };
    out.push(root);
    const byComment = new Map<Comment, BPost>();
    for (const c of ctx.world.commentsOf(item, ctx.now)) {
      const a = commentActor(c);
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
  if (p.comment) likeCount = ctx.world.likesOf(p.comment, ctx.now);
  else {
    const m = ctx.world.metrics(p.item, ctx.now);
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
    viewer: { ...likeOf(ctx, p.pid), threadMuted: false, embeddingDisabled: false },
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
    case 'com.atproto.repo.createRecord':
    case 'com.atproto.repo.deleteRecord':
      return ctx.method === 'POST' ? repoWrite(ctx, s[1]) : xrpcError(405, 'InvalidRequest', 'Method Not Allowed');
    case 'com.atproto.repo.getRecord':
      return getRecord(ctx);
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

// ---- writes: com.atproto.repo.createRecord / deleteRecord (posts that reply, likes), getRecord ----

const POST = 'app.bsky.feed.post';
const LIKE = 'app.bsky.feed.like';
const RKEY = /^[a-zA-Z0-9._:~-]{1,512}$/;

interface StoredRecord {
  cid: string;
  value: Record<string, unknown>;
}

const likeMemo = (account: string, subject: string) => `bluesky-like|${account}|${subject}`;

/** `viewer.like`: the uri of the reading account's like record, when it liked the post. */
function likeOf(ctx: Ctx, uri: string): { like?: string } {
  const me = writer(ctx);
  const like = me ? ctx.world.writes.recall(likeMemo(me.key, uri), ctx.now) : undefined;
  return like ? { like } : {};
}

const commitOf = (ctx: Ctx, uri: string) => ({ cid: cid(`commit|${uri}|${ctx.now}`), rev: tid(ctx.now, `rev|${uri}`) });

/** A post the appview knows (generated or written), unless deleted. */
const postExists = (ctx: Ctx, uri: string): boolean => !!(ctx.world.item('bluesky', uri) ?? ctx.world.comment('bluesky', uri));

function repoWrite(ctx: Ctx, method: string): Reply {
  const me = writer(ctx);
  if (!me) return bluesky.authError(ctx);
  const body = bodyOf(ctx);
  const repo = typeof body.repo === 'string' ? body.repo : '';
  const collection = typeof body.collection === 'string' ? body.collection : '';
  const known = SANDBOX_ACCOUNTS.some((a) => a.platform === 'bluesky' && (a.externalId === repo || a.handle === repo)) || ctx.world.personas.some((p) => actorOfPersona(p).did === repo);
  if (!known) return xrpcError(400, 'InvalidRequest', `Could not find repo: ${repo}`);
  // A session writes its own repo only.
  if (repo !== me.externalId && repo !== me.handle) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
  if (collection !== POST && collection !== LIKE) return xrpcError(400, 'InvalidRequest', `Invalid collection: ${collection} (the sandbox writes ${POST} and ${LIKE})`);
  const rkey = typeof body.rkey === 'string' ? body.rkey : undefined;
  if (rkey !== undefined && !RKEY.test(rkey)) return xrpcError(400, 'InvalidRequest', 'Input/rkey must be a valid Record Key');
  return method === 'com.atproto.repo.createRecord'
    ? createRecord(ctx, me, collection, rkey ?? tid(ctx.now, `${me.key}|${ctx.world.writes.nextSeq()}`), body.record)
    : deleteRecord(ctx, me, collection, rkey);
}

function createRecord(ctx: Ctx, me: SandboxAccount, collection: string, rkey: string, raw: unknown): Reply {
  const uri = `at://${me.externalId}/${collection}/${rkey}`;
  // A deterministic rkey makes a retried write land once.
  if (ctx.world.writes.record(uri) || postExists(ctx, uri)) return xrpcError(400, 'InvalidRequest', 'Record already exists');
  const record = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const invalid = (why: string) => xrpcError(400, 'InvalidRequest', `Invalid ${collection} record: ${why}`);
  if (record.$type !== undefined && record.$type !== collection) return invalid(`Record/$type must be ${collection}`);
  const value = { $type: collection, ...record, createdAt: typeof record.createdAt === 'string' ? record.createdAt : iso(ctx.now) };
  const stored: StoredRecord = { cid: cid(`${uri}|${JSON.stringify(value)}`), value };
  if (collection === LIKE) {
    const subject = (record.subject as { uri?: unknown } | undefined)?.uri;
    if (typeof subject !== 'string') return invalid('Record must have the property "subject"');
    ctx.world.writes.putRecord(uri, stored);
    if (postExists(ctx, subject) && ctx.world.writes.react('bluesky', subject, me.key, 1)) {
      ctx.world.writes.remember(likeMemo(me.key, subject), uri, Infinity);
      logWrite(ctx, me, 'like', subject, { id: uri });
    }
  } else {
    const text = record.text;
    if (typeof text !== 'string') return invalid('Record must have the property "text"');
    if ([...text].length > 300) return invalid('Record/text must not be longer than 300 graphemes');
    const parentUri = (record.reply as { parent?: { uri?: unknown } } | undefined)?.parent?.uri;
    if (typeof parentUri !== 'string') return invalid('the sandbox only takes replies (record.reply.parent); publishing new posts is not simulated');
    ctx.world.writes.putRecord(uri, stored);
    // The PDS stores a reply to a deleted post too; the appview then shows it in no thread.
    const parentItem = ctx.world.item('bluesky', parentUri);
    const parentComment = parentItem ? undefined : ctx.world.comment('bluesky', parentUri);
    const item = parentItem ?? parentComment?.item;
    if (item && item.createdAt <= ctx.now) {
      const reply = ctx.world.addReply(item, parentComment, me, text, ctx.now, uri);
      reply.extra.cid = stored.cid;
    }
    logWrite(ctx, me, 'reply', parentUri, { id: uri, text });
  }
  return { status: 200, body: { uri, cid: stored.cid, commit: commitOf(ctx, uri), validationStatus: 'valid' } };
}

function deleteRecord(ctx: Ctx, me: SandboxAccount, collection: string, rkey: string | undefined): Reply {
  if (!rkey) return xrpcError(400, 'InvalidRequest', 'Input must have the property "rkey"');
  const uri = `at://${me.externalId}/${collection}/${rkey}`;
  const stored = ctx.world.writes.record(uri) as StoredRecord | undefined;
  if (collection === LIKE && stored) {
    const subject = (stored.value.subject as { uri: string }).uri;
    if (ctx.world.writes.react('bluesky', subject, me.key, 0)) logWrite(ctx, me, 'unlike', subject, { id: uri });
    ctx.world.writes.remember(likeMemo(me.key, subject), '', 0);
  }
  if (collection === POST && postExists(ctx, uri)) {
    ctx.world.deleteObject('bluesky', uri, me.key, ctx.now, 'cascade');
    logWrite(ctx, me, 'delete', uri);
  }
  ctx.world.writes.dropRecord(uri);
  // Deleting a record that is not there is not an error.
  return { status: 200, body: { commit: commitOf(ctx, uri) } };
}

function getRecord(ctx: Ctx): Reply {
  const repo = ctx.query.get('repo') ?? '';
  const collection = ctx.query.get('collection') ?? '';
  const rkey = ctx.query.get('rkey') ?? '';
  const did = actorByParam(ctx, repo)?.did ?? repo;
  const uri = `at://${did}/${collection}/${rkey}`;
  const stored = ctx.world.writes.record(uri) as StoredRecord | undefined;
  // Written records are dropped when deleted: a stored one is live.
  if (stored) return { status: 200, body: { uri, cid: stored.cid, value: stored.value } };
  const all = postsOf(ctx);
  const p = collection === POST ? all.find((x) => x.pid === uri) : undefined;
  if (!p) return xrpcError(400, 'RecordNotFound', `Could not locate record: ${uri}`);
  return { status: 200, body: { uri, cid: p.cid, value: postView(ctx, p, all).record } };
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
