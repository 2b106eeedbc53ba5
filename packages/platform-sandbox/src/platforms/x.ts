import { SANDBOX_ACCOUNTS } from '../accounts';
import { capPage, iso, splitPath, timeParam } from '../http/context';
import type { Ctx, Reply } from '../http/context';
import { keysetPage, sortItems } from '../http/paging';
import type { PlatformModule } from '../http/platform-module';
import { matchesText, parseQuery } from '../http/search';
import type { Persona } from '../text/personas';
import { personaUserId } from '../world/ids';
import { DAY } from '../world/metrics';
import type { Comment, Item } from '../world/model';
import type { SandboxAccount } from '../types';
import { authorAccount } from '../world/writes';
import { actingAs, bodyOf, logWrite, withMention, writer } from './write-common';

/** Tweets and replies flattened into one shape. */
interface Tweet {
  pid: string;
  createdAt: number;
  text: string;
  lang: string;
  authorId: string;
  conversationId: string;
  inReplyTo?: { tweetId: string; userId: string };
  item: Item;
  comment?: Comment;
}

interface XUser {
  id: string;
  username: string;
  name: string;
  account?: SandboxAccount;
  persona?: Persona;
}

const personaUser = (p: Persona): XUser => ({ id: personaUserId('x', p.key, 19), username: p.handle, name: p.name, persona: p });
const accountUser = (a: SandboxAccount): XUser => ({ id: a.externalId, username: a.handle, name: a.displayName, account: a });

function tweetsOf(ctx: Ctx): Tweet[] {
  const out: Tweet[] = [];
  for (const item of ctx.world.visible('x', ctx.now)) {
    const author = item.account ? accountUser(item.account) : personaUser(item.persona!);
    out.push({ pid: item.pid, createdAt: item.createdAt, text: item.text, lang: item.lang, authorId: author.id, conversationId: item.pid, item });
    for (const c of ctx.world.commentsOf(item, ctx.now)) {
      const cu = userOfComment(c);
      if (!cu) continue;
      const target = c.parent ?? undefined;
      const targetUser = target ? userOfComment(target) : author;
      out.push({
        pid: c.pid,
        createdAt: c.createdAt,
        text: withMention(targetUser?.username ?? author.username, c.text),
        lang: c.lang,
        authorId: cu.id,
        conversationId: item.pid,
        inReplyTo: { tweetId: target ? target.pid : item.pid, userId: targetUser?.id ?? author.id },
        item,
        comment: c,
      });
    }
  }
  return out;
}

function userOfComment(c: Comment): XUser | undefined {
  const a = authorAccount(c);
  if (a) return accountUser(a);
  return c.persona ? personaUser(c.persona) : undefined;
}

function allUsers(ctx: Ctx): XUser[] {
  return [...SANDBOX_ACCOUNTS.filter((a) => a.platform === 'x').map(accountUser), ...ctx.world.personas.map(personaUser)];
}

function userObject(ctx: Ctx, u: XUser, fields: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: u.id, name: u.name, username: u.username };
  if (fields.has('created_at')) out.created_at = u.account ? '2014-05-20T08:31:12.000Z' : '2019-02-11T17:04:55.000Z';
  if (fields.has('description')) out.description = u.account ? `Compte officiel ${u.name}` : '';
  if (fields.has('verified')) out.verified = !!u.account;
  if (fields.has('profile_image_url')) out.profile_image_url = `https://pbs.twimg.com/profile_images/${u.id}/avatar_normal.jpg`;
  if (fields.has('public_metrics')) {
    const followers = u.account ? ctx.world.followers(u.account, ctx.now) : u.persona!.followers;
    const tweetCount = u.account ? ctx.world.visible('x', ctx.now).filter((i) => i.account?.key === u.account!.key).length + 1200 : 340;
    out.public_metrics = { followers_count: followers, following_count: u.account ? 310 : 180, tweet_count: tweetCount, listed_count: Math.floor(followers / 120), like_count: 2100 };
  }
  return out;
}

function fieldSet(ctx: Ctx, name: string): Set<string> {
  return new Set((ctx.query.get(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}

function tweetObject(ctx: Ctx, t: Tweet, fields: Set<string>, owner?: SandboxAccount): Record<string, unknown> {
  const out: Record<string, unknown> = { id: t.pid, text: t.text, edit_history_tweet_ids: [t.pid] };
  if (fields.has('created_at')) out.created_at = iso(t.createdAt);
  if (fields.has('author_id')) out.author_id = t.authorId;
  if (fields.has('conversation_id')) out.conversation_id = t.conversationId;
  if (fields.has('lang')) out.lang = t.lang;
  if (fields.has('in_reply_to_user_id') && t.inReplyTo) out.in_reply_to_user_id = t.inReplyTo.userId;
  if (fields.has('referenced_tweets') && t.inReplyTo) out.referenced_tweets = [{ type: 'replied_to', id: t.inReplyTo.tweetId }];
  if (fields.has('attachments') && !t.comment && (t.item.format === 'photo' || t.item.format === 'video')) {
    out.attachments = { media_keys: [`${t.item.format === 'photo' ? 3 : 7}_${t.pid}`] };
  }
  if (fields.has('public_metrics')) {
    if (t.comment) {
      const likes = ctx.world.likesOf(t.comment, ctx.now);
      out.public_metrics = { retweet_count: 0, reply_count: ctx.world.commentsOf(t.item, ctx.now).filter((c) => c.parent === t.comment).length, like_count: likes, quote_count: 0, bookmark_count: 0, impression_count: likes * 14 + 9 };
    } else {
      const m = ctx.world.metrics(t.item, ctx.now);
      out.public_metrics = { retweet_count: m.shares, reply_count: m.allComments, like_count: m.likes, quote_count: Math.floor(m.shares / 4), bookmark_count: m.saves, impression_count: m.impressions };
    }
  }
  // Owned posts only, and only while less than 30 days old.
  const own = owner && t.item.account?.key === owner.key && !t.comment && ctx.now - t.createdAt <= 30 * DAY;
  if (fields.has('non_public_metrics') && own) {
    const m = ctx.world.metrics(t.item, ctx.now);
    out.non_public_metrics = { impression_count: m.impressions, url_link_clicks: m.clicks, user_profile_clicks: Math.floor(m.clicks / 3) };
  }
  if (fields.has('organic_metrics') && own) {
    const m = ctx.world.metrics(t.item, ctx.now);
    out.organic_metrics = { impression_count: m.impressions, like_count: m.likes, reply_count: m.allComments, retweet_count: m.shares, url_link_clicks: m.clicks, user_profile_clicks: Math.floor(m.clicks / 3) };
  }
  return out;
}

function invalid(param: string, value: string, message: string): Reply {
  return {
    status: 400,
    body: {
      errors: [{ parameters: { [param]: [value] }, message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    },
  };
}

function tweetList(ctx: Ctx, tweets: Tweet[], min: number, dflt: number, tokenParam: string): Reply {
  const raw = ctx.query.get('max_results');
  const max = raw === null ? dflt : Number(raw);
  if (!Number.isInteger(max) || max < min || max > 100) {
    return invalid('max_results', String(raw), `The \`max_results\` query parameter value [${raw}] is not between ${min} and 100`);
  }
  const sinceId = ctx.query.get('since_id');
  const untilId = ctx.query.get('until_id');
  const start = timeParam(ctx.query.get('start_time'));
  const end = timeParam(ctx.query.get('end_time'));
  const big = (s: string) => BigInt(s);
  let list = tweets.filter(
    (t) =>
      (!sinceId || big(t.pid) > big(sinceId)) &&
      (!untilId || big(t.pid) < big(untilId)) &&
      (start === undefined || t.createdAt >= start) &&
      (end === undefined || t.createdAt <= end),
  );
  list = sortItems(list, 'desc');
  const token = ctx.query.get(tokenParam) ?? ctx.query.get('pagination_token') ?? ctx.query.get('next_token');
  const page = keysetPage(list, 'desc', token, capPage(ctx, max), ctx.loop);
  const tf = fieldSet(ctx, 'tweet.fields');
  const expansions = fieldSet(ctx, 'expansions');
  const owner = ctx.tokenAccount;
  if (!page.items.length) return { status: 200, body: { meta: { result_count: 0 } } };
  const body: Record<string, unknown> = { data: page.items.map((t) => tweetObject(ctx, t, tf, owner)) };
  const includes: Record<string, unknown> = {};
  if (expansions.has('author_id') || expansions.has('in_reply_to_user_id')) {
    const uf = fieldSet(ctx, 'user.fields');
    const users = allUsers(ctx);
    const ids = new Set<string>();
    for (const t of page.items) {
      if (expansions.has('author_id')) ids.add(t.authorId);
      if (expansions.has('in_reply_to_user_id') && t.inReplyTo) ids.add(t.inReplyTo.userId);
    }
    includes.users = users.filter((u) => ids.has(u.id)).map((u) => userObject(ctx, u, uf));
  }
  if (expansions.has('attachments.media_keys')) {
    includes.media = page.items
      .filter((t) => !t.comment && (t.item.format === 'photo' || t.item.format === 'video'))
      .map((t) => ({ media_key: `${t.item.format === 'photo' ? 3 : 7}_${t.pid}`, type: t.item.format === 'photo' ? 'photo' : 'video' }));
  }
  if (Object.keys(includes).length) body.includes = includes;
  const meta: Record<string, unknown> = {
    newest_id: page.items[0].pid,
    oldest_id: page.items[page.items.length - 1].pid,
    result_count: page.items.length,
  };
  if (page.next) meta.next_token = page.next;
  body.meta = meta;
  return { status: 200, body };
}

function notFoundUser(param: string, value: string): Reply {
  return {
    status: 200,
    body: {
      errors: [
        {
          value,
          detail: `Could not find user with ${param}: [${value}].`,
          title: 'Not Found Error',
          resource_type: 'user',
          parameter: param,
          resource_id: value,
          type: 'https://api.twitter.com/2/problems/resource-not-found',
        },
      ],
    },
  };
}

function handle(ctx: Ctx): Reply {
  const s = splitPath(ctx.path);
  if (s[0] !== '2') return { status: 404, body: { title: 'Not Found', type: 'about:blank', status: 404, detail: 'Not Found' } };
  if (ctx.method !== 'GET') return write(ctx, s);
  const uf = fieldSet(ctx, 'user.fields');
  if (s[1] === 'users' && s[2] === 'by' && s[3] === 'username' && s[4]) {
    const u = allUsers(ctx).find((x) => x.username.toLowerCase() === s[4].toLowerCase());
    return u ? { status: 200, body: { data: userObject(ctx, u, uf) } } : notFoundUser('username', s[4]);
  }
  if (s[1] === 'users' && s[2] === 'by' && !s[3]) {
    const names = (ctx.query.get('usernames') ?? '').split(',').filter(Boolean);
    const users = allUsers(ctx);
    const data = names.map((n) => users.find((u) => u.username.toLowerCase() === n.toLowerCase())).filter((u): u is XUser => !!u);
    return { status: 200, body: { data: data.map((u) => userObject(ctx, u, uf)) } };
  }
  if (s[1] === 'users' && s[2] && !s[3]) {
    const u = allUsers(ctx).find((x) => x.id === s[2]);
    return u ? { status: 200, body: { data: userObject(ctx, u, uf) } } : notFoundUser('id', s[2]);
  }
  if (s[1] === 'users' && s[2] && (s[3] === 'tweets' || s[3] === 'mentions')) {
    const u = allUsers(ctx).find((x) => x.id === s[2]);
    if (!u) return notFoundUser('id', s[2]);
    const exclude = fieldSet(ctx, 'exclude');
    let tweets = tweetsOf(ctx);
    if (s[3] === 'tweets') tweets = tweets.filter((t) => t.authorId === u.id && !(exclude.has('replies') && t.inReplyTo));
    else tweets = tweets.filter((t) => t.inReplyTo?.userId === u.id || (t.authorId !== u.id && t.text.toLowerCase().includes(`@${u.username.toLowerCase()}`)));
    // The user timeline only reaches back 3,200 tweets; ours are far fewer.
    return tweetList(ctx, tweets, 5, 10, 'pagination_token');
  }
  if (s[1] === 'tweets' && s[2] === 'search' && s[3] === 'recent') {
    const q = ctx.query.get('query');
    if (!q) return invalid('query', '', 'The `query` query parameter can not be empty');
    const parsed = parseQuery(q);
    const conv = parsed.operators['conversation_id'];
    const from = parsed.operators['from']?.map((x) => x.toLowerCase());
    const langs = parsed.operators['lang'];
    const users = allUsers(ctx);
    const nameOf = new Map(users.map((u) => [u.id, u.username.toLowerCase()]));
    const weekAgo = ctx.now - 7 * DAY;
    const isReply = parsed.operators['is']?.includes('reply');
    const notReply = parsed.operators['-is']?.includes('reply');
    const tweets = tweetsOf(ctx).filter(
      (t) =>
        t.createdAt >= weekAgo &&
        (!conv || conv.includes(t.conversationId)) &&
        (!from || from.includes(nameOf.get(t.authorId) ?? '')) &&
        (!langs || langs.includes(t.lang)) &&
        (!isReply || !!t.inReplyTo) &&
        (!notReply || !t.inReplyTo) &&
        matchesText(parsed, t.text),
    );
    return tweetList(ctx, tweets, 10, 10, 'next_token');
  }
  if (s[1] === 'tweets' && !s[2]) {
    const ids = new Set((ctx.query.get('ids') ?? '').split(','));
    const tf = fieldSet(ctx, 'tweet.fields');
    const data = tweetsOf(ctx).filter((t) => ids.has(t.pid)).map((t) => tweetObject(ctx, t, tf, ctx.tokenAccount));
    return { status: 200, body: { data } };
  }
  if (s[1] === 'tweets' && s[2]) {
    const t = tweetsOf(ctx).find((x) => x.pid === s[2]);
    if (!t) return { status: 200, body: { errors: [{ value: s[2], detail: `Could not find tweet with id: [${s[2]}].`, title: 'Not Found Error', resource_type: 'tweet', parameter: 'id', resource_id: s[2], type: 'https://api.twitter.com/2/problems/resource-not-found' }] } };
    return { status: 200, body: { data: tweetObject(ctx, t, fieldSet(ctx, 'tweet.fields'), ctx.tokenAccount) } };
  }
  return { status: 404, body: { title: 'Not Found', type: 'about:blank', status: 404, detail: 'Not Found' } };
}

// ---- writes: POST /2/tweets (reply), PUT /2/tweets/:id/hidden, DELETE /2/tweets/:id, likes ----

function problem(status: number, title: string, detail: string, type = 'about:blank'): Reply {
  return { status, body: { title, type, status, detail }, contentType: 'application/problem+json' };
}
const forbidden = (detail: string): Reply => problem(403, 'Forbidden', detail);

/** The tweet with this id as the API shows it (a post or a reply), undefined when deleted or unknown. */
function tweetById(ctx: Ctx, id: string): { item: Item; comment?: Comment } | undefined {
  const item = ctx.world.item('x', id);
  if (item && item.createdAt <= ctx.now) return { item };
  const comment = ctx.world.comment('x', id);
  return comment && comment.createdAt <= ctx.now ? { item: comment.item, comment } : undefined;
}

function write(ctx: Ctx, s: string[]): Reply {
  const me = writer(ctx);
  if (!me) return problem(403, 'Unsupported Authentication', 'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].', 'https://api.twitter.com/2/problems/unsupported-authentication');
  const body = bodyOf(ctx);
  if (s[1] === 'tweets' && !s[2] && ctx.method === 'POST') return createReply(ctx, me, body);
  if (s[1] === 'tweets' && s[2] && s[3] === 'hidden' && ctx.method === 'PUT') return hideReply(ctx, s[2], body.hidden);
  if (s[1] === 'tweets' && s[2] && !s[3] && ctx.method === 'DELETE') {
    const t = tweetById(ctx, s[2]);
    if (!t) return problem(404, 'Not Found Error', `Could not find tweet with id: [${s[2]}].`, 'https://api.twitter.com/2/problems/resource-not-found');
    const author = t.comment ? authorAccount(t.comment) : t.item.account;
    if (author?.key !== me.key) return forbidden('You are not allowed to delete a Tweet you do not own.');
    // Replies to a deleted tweet stay in the conversation.
    ctx.world.deleteObject('x', s[2], me.key, ctx.now, 'alone');
    logWrite(ctx, me, 'delete', s[2]);
    return { status: 200, body: { data: { deleted: true } } };
  }
  if (s[1] === 'users' && s[2] && s[3] === 'likes') {
    if (s[2] !== me.externalId) return forbidden('You are not permitted to perform this action on behalf of this user.');
    const like = ctx.method === 'POST' && !s[4];
    const id = like ? String(body.tweet_id ?? '') : (s[4] ?? '');
    if (ctx.method !== 'POST' && !(ctx.method === 'DELETE' && s[4])) return problem(404, 'Not Found', 'Not Found');
    if (!tweetById(ctx, id)) return forbidden('You cannot like a Tweet that is deleted or not visible to you.');
    if (ctx.world.writes.react('x', id, me.key, like ? 1 : 0)) logWrite(ctx, me, like ? 'like' : 'unlike', id);
    return { status: 200, body: { data: { liked: like } } };
  }
  return problem(404, 'Not Found', 'Not Found');
}

function createReply(ctx: Ctx, me: SandboxAccount, body: Record<string, unknown>): Reply {
  const text = typeof body.text === 'string' ? body.text : '';
  const replyTo = (body.reply as { in_reply_to_tweet_id?: unknown } | undefined)?.in_reply_to_tweet_id;
  if (!text.trim()) return invalid('text', text, 'Post text is empty or missing');
  if (typeof replyTo !== 'string' || !replyTo)
    return invalid('reply.in_reply_to_tweet_id', String(replyTo ?? ''), 'The sandbox only takes replies (reply.in_reply_to_tweet_id): publishing new posts is not simulated');
  const t = tweetById(ctx, replyTo);
  if (!t) return forbidden('You attempted to reply to a Tweet that is deleted or not visible to you.');
  // X refuses the same text twice from one account.
  const dup = ctx.world.writes.list('x').some((w) => w.action === 'reply' && w.account === me.key && w.text === text && ctx.world.comment('x', w.id ?? ''));
  if (dup) return forbidden('You are not allowed to create a Tweet with duplicate content.');
  const reply = ctx.world.addReply(t.item, t.comment, me, text, ctx.now);
  logWrite(ctx, me, 'reply', replyTo, { id: reply.pid, text });
  const shown = tweetsOf(ctx).find((x) => x.pid === reply.pid)!;
  return { status: 201, body: { data: { id: reply.pid, text: shown.text, edit_history_tweet_ids: [reply.pid] } } };
}

/** Only the author of the conversation's root may hide or unhide its replies. */
function hideReply(ctx: Ctx, id: string, hidden: unknown): Reply {
  if (typeof hidden !== 'boolean') return invalid('hidden', String(hidden), 'The `hidden` field must be a boolean');
  const t = tweetById(ctx, id);
  if (!t?.comment) return forbidden('You attempted to hide a Tweet that is not a reply, or that is deleted or not visible to you.');
  const owner = t.item.account ? actingAs(ctx, t.item.account.brandSlug) : undefined;
  if (!owner || owner.key !== t.item.account?.key) return forbidden('You are not permitted to hide replies to a conversation you did not start.');
  ctx.world.writes.moderate('x', id, hidden ? { status: 'hidden', listed: true, by: owner.key } : undefined);
  logWrite(ctx, owner, hidden ? 'hide' : 'unhide', id, { status: hidden ? 'hidden' : 'published' });
  return { status: 200, body: { data: { hidden } } };
}

function windowLimit(ctx: Ctx): { bucket: string; limit: number } {
  if (ctx.method === 'POST' && /^\/2\/tweets\/?$/.test(ctx.path)) return { bucket: 'tweets-create', limit: 100 };
  if (ctx.method !== 'GET') return { bucket: ctx.path.includes('/likes') ? 'likes' : ctx.path.endsWith('/hidden') ? 'hide' : 'tweets-delete', limit: 50 };
  if (ctx.path.includes('/search/recent')) return { bucket: 'search', limit: 450 };
  if (ctx.path.includes('/tweets') && ctx.path.includes('/users/')) return { bucket: 'timeline', limit: 1500 };
  return { bucket: 'lookup', limit: 300 };
}

export const x: PlatformModule = {
  auth: 'required',
  handle,
  authError: () => ({ status: 401, body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } }),
  rateLimitError: (ctx, retry, state) => ({
    status: 429,
    body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
    headers: {
      'x-rate-limit-limit': String(state?.limit ?? windowLimit(ctx).limit),
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': String(Math.ceil(state ? state.resetAt / 1000 : ctx.now / 1000 + retry)),
    },
  }),
  serverError: () => ({ status: 500, body: { title: 'Internal Server Error', detail: 'Internal Server Error', type: 'about:blank', status: 500 } }),
  rateBucket: (ctx) => ({ ...windowLimit(ctx), bucket: `${windowLimit(ctx).bucket}|${ctx.token ?? ''}`, windowMs: 15 * 60_000 }),
  rateHeaders: (st) => ({
    'x-rate-limit-limit': String(st.limit),
    'x-rate-limit-remaining': String(st.remaining),
    'x-rate-limit-reset': String(Math.ceil(st.resetAt / 1000)),
  }),
};
