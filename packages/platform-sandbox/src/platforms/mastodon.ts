import { MASTODON_DOMAIN, SANDBOX_ACCOUNTS } from '../accounts';
import { iso, intParam, pageSize, splitPath } from '../http/context';
import type { Ctx, Reply } from '../http/context';
import type { PlatformModule } from '../http/platform-module';
import { matchesText, normalise, parseQuery } from '../http/search';
import type { Persona } from '../text/personas';
import { personaUserId } from '../world/ids';
import { commentLikes, postMetrics } from '../world/metrics';
import type { Comment, Item } from '../world/model';
import type { SandboxAccount } from '../types';

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

const brandAccount = (slug: string) => SANDBOX_ACCOUNTS.find((a) => a.platform === 'mastodon' && a.brandSlug === slug);
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
    for (const c of item.comments) {
      if (c.createdAt > ctx.now) continue;
      const a = c.fromBrand ? brandAccount(c.item.brand.slug) : undefined;
      const cAuthor = c.fromBrand ? (a ? fromSandbox(a) : undefined) : fromPersona(c.persona!);
      if (!cAuthor) continue;
      const target = c.parent;
      const targetAuthor = target ? (target.fromBrand ? author : fromPersona(target.persona!)) : author;
      out.push({
        pid: c.pid,
        createdAt: c.createdAt,
        text: `@${targetAuthor.username} ${c.text}`,
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
  const replies = s.comment
    ? s.item.comments.filter((c) => c.parent === s.comment && c.createdAt <= ctx.now).length
    : s.item.comments.filter((c) => !c.parent && c.createdAt <= ctx.now).length;
  const m = s.comment ? undefined : postMetrics(s.item, ctx.now);
  const host = s.author.acct.includes('@') ? s.author.acct.split('@')[1] : MASTODON_DOMAIN;
  return {
    id: s.pid,
    created_at: iso(s.createdAt),
    in_reply_to_id: s.inReplyTo?.id ?? null,
    in_reply_to_account_id: s.inReplyTo?.accountId ?? null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: s.lang,
    uri: `https://${host}/users/${s.author.username}/statuses/${s.pid}`,
    url: `https://${host}/@${s.author.username}/${s.pid}`,
    replies_count: replies,
    reblogs_count: m ? m.shares : 0,
    favourites_count: m ? m.likes : commentLikes(s.comment!, ctx.now),
    edited_at: null,
    favourited: false,
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
