import { MASTODON_DOMAIN, SANDBOX_ACCOUNTS } from '../accounts';
import { iso, intParam, pageSize, splitPath } from '../http/context';
import type { Ctx, Reply } from '../http/context';
import type { PlatformModule } from '../http/platform-module';
import { matchesText, normalise, parseQuery } from '../http/search';
import type { Persona } from '../text/personas';
import { personaUserId } from '../world/ids';
import type { Comment, Item } from '../world/model';
import type { SandboxAccount } from '../types';
import { authorAccount } from '../world/writes';
import { logWrite, param, withMention, writer } from './write-common';

interface Status {
  pid: string;
  createdAt: number;
  text: string;
  lang: string;
  author: MAccount;
  item: Item;
  comment?: Comment;
  inReplyTo?: { id: string; accountId: string };
}

interface MAccount {
  id: string;
  username: string;
  acct: string;
  displayName: string;
  account?: SandboxAccount;
  persona?: Persona;
}

const fromSandbox = (a: SandboxAccount): MAccount => ({ id: a.externalId, username: a.handle.split('@')[0], acct: a.handle.split('@')[0], displayName: a.displayName, account: a });
// A third of the crowd lives on other instances, as on the real fediverse.
const fromPersona = (p: Persona): MAccount => {
  const remote = Number(p.key.slice(1)) % 3 === 0;
  return { id: personaUserId('masto', p.key, 18), username: p.handle, acct: remote ? `${p.handle}@piaille.example` : p.handle, displayName: p.name, persona: p };
};

function statusesOf(ctx: Ctx): Status[] {
  const out: Status[] = [];
  for (const item of ctx.world.visible('mastodon', ctx.now)) {
    const author = item.account ? fromSandbox(item.account) : fromPersona(item.persona!);
    out.push({ pid: item.pid, createdAt: item.createdAt, text: item.text, lang: item.lang, author, item });
    for (const c of ctx.world.commentsOf(item, ctx.now)) {
      const cAuthor = authorOfComment(c);
      if (!cAuthor) continue;
      const target = c.parent;
      const targetAuthor = (target && authorOfComment(target)) ?? author;
      out.push({
        pid: c.pid,
        createdAt: c.createdAt,
        text: withMention(targetAuthor.username, c.text),
        lang: c.lang,
        author: cAuthor,
        item,
        comment: c,
        inReplyTo: { id: target ? target.pid : item.pid, accountId: targetAuthor.id },
      });
    }
  }
  return out;
}

function authorOfComment(c: Comment): MAccount | undefined {
  const a = authorAccount(c);
  if (a) return fromSandbox(a);
  return c.persona ? fromPersona(c.persona) : undefined;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Mastodon serves HTML: paragraphs, hashtag links and mention links. */
function html(text: string): string {
  const body = escapeHtml(text)
    .replace(/(^|\s)#([\p{L}\p{N}_]+)/gu, (_m, sp: string, tag: string) => `${sp}<a href="https://${MASTODON_DOMAIN}/tags/${tag.toLowerCase()}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`)
    .replace(/(^|\s)@([a-z0-9_.]+)/gi, (_m, sp: string, u: string) => `${sp}<span class="h-card" translate="no"><a href="https://${MASTODON_DOMAIN}/@${u}" class="u-url mention">@<span>${u}</span></a></span>`);
  return `<p>${body.replace(/\n+/g, '</p><p>')}</p>`;
}

function tagsOf(text: string): string[] {
  return [...text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]);
}

function accountJson(ctx: Ctx, a: MAccount): Record<string, unknown> {
  const followers = a.account ? ctx.world.followers(a.account, ctx.now) : a.persona!.followers;
  const statuses = a.account ? ctx.world.visible('mastodon', ctx.now).filter((i) => i.account?.key === a.account!.key).length : 120;
  const host = a.acct.includes('@') ? a.acct.split('@')[1] : MASTODON_DOMAIN;
  return {
    id: a.id,
    username: a.username,
    acct: a.acct,
    display_name: a.displayName,
    locked: false,
    bot: false,
    discoverable: true,
    group: false,
    created_at: a.account ? '2022-11-07T00:00:00.000Z' : '2023-01-15T00:00:00.000Z',
    note: a.account ? `<p>Compte officiel ${escapeHtml(a.displayName)}</p>` : '',
    url: `https://${host}/@${a.username}`,
    uri: `https://${host}/users/${a.username}`,
    avatar: `https://files.${MASTODON_DOMAIN}/accounts/avatars/${a.id}.png`,
    avatar_static: `https://files.${MASTODON_DOMAIN}/accounts/avatars/${a.id}.png`,
    header: `https://files.${MASTODON_DOMAIN}/accounts/headers/${a.id}.png`,
    header_static: `https://files.${MASTODON_DOMAIN}/accounts/headers/${a.id}.png`,
    followers_count: followers,
    following_count: a.account ? 96 : 150,
    statuses_count: statuses,
    last_status_at: new Date(ctx.now).toISOString().slice(0, 10),
    emojis: [],
    fields: [],
  };
}

function statusJson(ctx: Ctx, s: Status): Record<string, unknown> {
  const thread = ctx.world.commentsOf(s.item, ctx.now);
  const replies = s.comment ? thread.filter((c) => c.parent === s.comment).length : thread.filter((c) => !c.parent).length;
  const m = s.comment ? undefined : ctx.world.metrics(s.item, ctx.now);
  const viewer = writer(ctx);
  const host = s.author.acct.includes('@') ? s.author.acct.split('@')[1] : MASTODON_DOMAIN;
  return {
    id: s.pid,
    created_at: iso(s.createdAt),
    in_reply_to_id: s.inReplyTo?.id ?? null,
    in_reply_to_account_id: s.inReplyTo?.accountId ?? null,
    sensitive: false,
    spoiler_text: '',
    visibility: s.comment?.extra.visibility ?? 'public',
    language: s.lang,
    uri: `https://${host}/users/${s.author.username}/statuses/${s.pid}`,
    url: `https://${host}/@${s.author.username}/${s.pid}`,
    replies_count: replies,
    reblogs_count: m ? m.shares : 0,
    favourites_count: m ? m.likes : ctx.world.likesOf(s.comment!, ctx.now),
    edited_at: null,
    favourited: ctx.world.writes.reaction('mastodon', s.pid, viewer?.key) > 0,
    reblogged: false,
    muted: false,
    bookmarked: false,
    pinned: false,
    content: html(s.text),
    reblog: null,
    application: { name: 'Web', website: null },
    account: accountJson(ctx, s.author),
    media_attachments:
      !s.comment && s.item.format === 'photo'
        ? [{ id: `${s.pid}1`, type: 'image', url: `https://files.${MASTODON_DOMAIN}/media/${s.pid}.jpg`, preview_url: `https://files.${MASTODON_DOMAIN}/media/${s.pid}_small.jpg`, remote_url: null, description: null, blurhash: 'UeKUpFxuo~R%0nW;WCnhF6RjaJt757oJodS$' }]
        : [],
    mentions: s.inReplyTo ? [{ id: s.inReplyTo.accountId, username: s.text.slice(1).split(' ')[0], url: `https://${MASTODON_DOMAIN}/@${s.text.slice(1).split(' ')[0]}`, acct: s.text.slice(1).split(' ')[0] }] : [],
    tags: tagsOf(s.text).map((t) => ({ name: t.toLowerCase(), url: `https://${MASTODON_DOMAIN}/tags/${t.toLowerCase()}` })),
    emojis: [],
    card: null,
    poll: null,
  };
}

const notFound = (): Reply => ({ status: 404, body: { error: 'Record not found' } });

/** Mastodon paginates by id and tells the next/previous pages in the Link header. */
function idPage(ctx: Ctx, list: Status[], dflt: number, max: number, path: string): Reply {
  const limit = pageSize(ctx, 'limit', dflt, 1, max);
  const maxId = ctx.query.get('max_id');
  const sinceId = ctx.query.get('since_id');
  const minId = ctx.query.get('min_id');
  const big = (v: string) => BigInt(v);
  let sel = list.filter((s) => (!maxId || big(s.pid) < big(maxId)) && (!sinceId || big(s.pid) > big(sinceId)) && (!minId || big(s.pid) > big(minId)));
  sel.sort((a, b) => (big(b.pid) > big(a.pid) ? 1 : -1));
  // min_id returns the page just above it (oldest first), still rendered newest first.
  sel = minId ? sel.slice(-limit) : sel.slice(0, limit);
  const headers: Record<string, string> = {};
  if (sel.length) {
    const base = `${ctx.baseUrl}${path}`;
    const keep = new URLSearchParams(ctx.query);
    for (const k of ['max_id', 'since_id', 'min_id']) keep.delete(k);
    keep.set('limit', String(limit));
    // The pagination-loop fault points "next" back at the page just served.
    const nextMax = ctx.loop ? (maxId ?? (big(sel[0].pid) + 1n).toString()) : sel[sel.length - 1].pid;
    const n = new URLSearchParams(keep);
    n.set('max_id', nextMax);
    const p = new URLSearchParams(keep);
    p.set('min_id', sel[0].pid);
    headers.link = `<${base}?${n.toString()}>; rel="next", <${base}?${p.toString()}>; rel="prev"`;
  }
  return { status: 200, body: sel.map((s) => statusJson(ctx, s)), headers };
}

function lookupAccount(ctx: Ctx, acct: string): MAccount | undefined {
  const clean = acct.replace(/^@/, '').toLowerCase();
  const local = clean.endsWith(`@${MASTODON_DOMAIN}`) ? clean.split('@')[0] : clean;
  const sandbox = SANDBOX_ACCOUNTS.filter((a) => a.platform === 'mastodon').map(fromSandbox);
  const personas = ctx.world.personas.map(fromPersona);
  return [...sandbox, ...personas].find((a) => a.acct.toLowerCase() === local || a.acct.toLowerCase() === clean);
}

function accountById(ctx: Ctx, id: string): MAccount | undefined {
  const a = SANDBOX_ACCOUNTS.find((x) => x.platform === 'mastodon' && x.externalId === id);
  if (a) return fromSandbox(a);
  return ctx.world.personas.map(fromPersona).find((p) => p.id === id);
}

function handle(ctx: Ctx): Reply {
  const s = splitPath(ctx.path);
  if (s[0] !== 'api') return notFound();
  if (ctx.method !== 'GET') return write(ctx, s);
  const v = s[1];
  if (v === 'v1' && s[2] === 'accounts' && s[3] === 'lookup') {
    const a = lookupAccount(ctx, ctx.query.get('acct') ?? '');
    return a ? { status: 200, body: accountJson(ctx, a) } : notFound();
  }
  if (v === 'v1' && s[2] === 'accounts' && s[3]) {
    const a = accountById(ctx, s[3]);
    if (!a) return notFound();
    if (!s[4]) return { status: 200, body: accountJson(ctx, a) };
    if (s[4] === 'statuses') {
      const excludeReplies = ctx.query.get('exclude_replies') === 'true';
      const list = statusesOf(ctx).filter((st) => st.author.id === a.id && !(excludeReplies && st.inReplyTo));
      return idPage(ctx, list, 20, 40, ctx.path);
    }
    return notFound();
  }
  if (v === 'v1' && s[2] === 'statuses' && s[3]) {
    const all = statusesOf(ctx);
    const st = all.find((x) => x.pid === s[3]);
    if (!st) return notFound();
    if (!s[4]) return { status: 200, body: statusJson(ctx, st) };
    if (s[4] === 'context') {
      const root = all.find((x) => x.pid === st.item.pid)!;
      const thread = all.filter((x) => x.item === st.item);
      const ancestors: Status[] = [];
      let cur = st;
      while (cur.inReplyTo) {
        const parent = thread.find((x) => x.pid === cur.inReplyTo!.id);
        if (!parent) break;
        ancestors.unshift(parent);
        cur = parent;
      }
      // Descendants: everything below this status in the thread, in thread (depth-first) order.
      const below = (id: string): Status[] =>
        thread
          .filter((x) => x.inReplyTo?.id === id)
          .sort((a, b) => a.createdAt - b.createdAt)
          .flatMap((x) => [x, ...below(x.pid)]);
      void root;
      return { status: 200, body: { ancestors: ancestors.map((x) => statusJson(ctx, x)), descendants: below(st.pid).map((x) => statusJson(ctx, x)) } };
    }
    return notFound();
  }
  if (v === 'v1' && s[2] === 'timelines' && s[3] === 'tag' && s[4]) {
    const tag = normalise(s[4]);
    const any = ctx.query.getAll('any[]').map(normalise);
    const list = statusesOf(ctx).filter((st) => {
      const tags = tagsOf(st.text).map(normalise);
      return tags.includes(tag) || any.some((t) => tags.includes(t));
    });
    return idPage(ctx, list, 20, 40, ctx.path);
  }
  if (v === 'v2' && s[2] === 'search') {
    // Full-text status search needs a logged-in user on real instances.
    if (!ctx.tokenAccount) return { status: 200, body: { accounts: [], statuses: [], hashtags: [] } };
    const q = parseQuery(ctx.query.get('q') ?? '');
    const limit = intParam(ctx.query, 'limit', 20, 1, 40);
    const offset = intParam(ctx.query, 'offset', 0, 0, 10_000);
    const found = statusesOf(ctx).filter((st) => matchesText(q, st.text)).sort((a, b) => b.createdAt - a.createdAt);
    return { status: 200, body: { accounts: [], statuses: found.slice(offset, offset + limit).map((x) => statusJson(ctx, x)), hashtags: [] } };
  }
  return notFound();
}

// ---- writes: POST /api/v1/statuses (reply, Idempotency-Key), favourite, DELETE own statuses ----

const IDEMPOTENCY_MS = 3_600_000;
const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'];
const unprocessable = (error: string): Reply => ({ status: 422, body: { error } });

function write(ctx: Ctx, s: string[]): Reply {
  const me = writer(ctx);
  if (!me) return mastodon.authError(ctx);
  if (s[1] !== 'v1' || s[2] !== 'statuses') return notFound();
  if (!s[3] && ctx.method === 'POST') return postStatus(ctx, me);
  const find = () => statusesOf(ctx).find((x) => x.pid === s[3]);
  if (s[3] && (s[4] === 'favourite' || s[4] === 'unfavourite') && ctx.method === 'POST') {
    const st = find();
    if (!st) return notFound();
    const like = s[4] === 'favourite';
    if (ctx.world.writes.react('mastodon', st.pid, me.key, like ? 1 : 0)) logWrite(ctx, me, like ? 'like' : 'unlike', st.pid);
    return { status: 200, body: statusJson(ctx, st) };
  }
  if (s[3] && !s[4] && ctx.method === 'DELETE') {
    // Status.where(account: current_account).find(id): someone else's status is not found.
    const st = find();
    if (!st || st.author.account?.key !== me.key) return notFound();
    const body = { ...statusJson(ctx, st), text: st.text };
    ctx.world.deleteObject('mastodon', st.pid, me.key, ctx.now, 'cascade');
    logWrite(ctx, me, 'delete', st.pid);
    return { status: 200, body };
  }
  return notFound();
}

/** A reply as Mastodon's PostStatusService makes it: the same Idempotency-Key within an hour returns the first status. */
function postStatus(ctx: Ctx, me: SandboxAccount): Reply {
  const header = ctx.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  const memo = key ? `mastodon|${me.key}|${key}` : undefined;
  const earlier = memo ? ctx.world.writes.recall(memo, ctx.now) : undefined;
  if (earlier) {
    const st = statusesOf(ctx).find((x) => x.pid === earlier);
    return st ? { status: 200, body: statusJson(ctx, st) } : notFound();
  }
  const text = param(ctx, 'status') ?? '';
  if (!text.trim()) return unprocessable("Validation failed: Text can't be blank");
  if ([...text].length > 500) return unprocessable('Validation failed: Text character limit of 500 exceeded');
  const visibility = param(ctx, 'visibility') ?? 'public';
  if (!VISIBILITIES.includes(visibility)) return unprocessable("Validation failed: Visibility is not included in the list");
  const replyTo = param(ctx, 'in_reply_to_id');
  if (!replyTo) return unprocessable('Validation failed: the sandbox only takes replies (in_reply_to_id); publishing new posts is not simulated');
  const st = statusesOf(ctx).find((x) => x.pid === replyTo);
  if (!st) return { status: 404, body: { error: 'The post you are trying to reply to does not appear to exist.' } };
  const reply = ctx.world.addReply(st.item, st.comment, me, text, ctx.now);
  reply.extra.visibility = visibility;
  if (memo) ctx.world.writes.remember(memo, reply.pid, ctx.now + IDEMPOTENCY_MS);
  logWrite(ctx, me, 'reply', replyTo, { id: reply.pid, text });
  return { status: 200, body: statusJson(ctx, statusesOf(ctx).find((x) => x.pid === reply.pid)!) };
}

export const mastodon: PlatformModule = {
  auth: 'optional',
  handle,
  authError: () => ({ status: 401, body: { error: 'The access token is invalid' } }),
  rateLimitError: (ctx, retry) => ({
    status: 429,
    body: { error: 'Too many requests' },
    headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(ctx.now + retry * 1000).toISOString() },
  }),
  serverError: () => ({ status: 500, body: { error: 'We\'re sorry, but something went wrong on our end.' } }),
  rateBucket: (ctx) => ({ bucket: ctx.token ?? 'ip', limit: 300, windowMs: 5 * 60_000 }),
  rateHeaders: (st) => ({
    'x-ratelimit-limit': String(st.limit),
    'x-ratelimit-remaining': String(st.remaining),
    'x-ratelimit-reset': new Date(st.resetAt).toISOString(),
  }),
};
