import { SANDBOX_ACCOUNTS } from '../accounts';
import { actsFor, intParam, pageSize, splitPath } from '../http/context';
import type { Ctx, Reply } from '../http/context';
import type { PlatformModule } from '../http/platform-module';
import { linkedinId } from '../world/ids';
import { DAY } from '../world/metrics';
import type { Comment, Item } from '../world/model';
import type { SandboxAccount } from '../types';
import type { World } from '../world/world';
import { authorAccount } from '../world/writes';
import { actingAs, bodyOf, logWrite } from './write-common';

const orgUrn = (a: SandboxAccount) => `urn:li:organization:${a.externalId}`;
const orgOf = (id: string) => SANDBOX_ACCOUNTS.find((a) => a.platform === 'linkedin' && (a.externalId === id || orgUrn(a) === id));
const activityOf = (item: Item) => `urn:li:activity:${linkedinId(item.createdAt, `act|${item.uid}`)}`;
const personUrn = (key: string) => `urn:li:person:${Buffer.from(key).toString('base64url').padEnd(10, 'x').slice(0, 10)}`;

function err(status: number, code: string, message: string, serviceErrorCode = 100): Reply {
  return { status, body: { status, serviceErrorCode, code, message } };
}

function ownerCheck(ctx: Ctx, org: SandboxAccount): Reply | undefined {
  // Community Management data is only for admins of the organization.
  if (!actsFor(ctx, org.brandSlug)) return err(403, 'ACCESS_DENIED', `Not enough permissions to access: partnerApiPostsExternal.FINDER-author.20240101`);
  return undefined;
}

function postJson(item: Item): Record<string, unknown> {
  const content =
    item.format === 'photo'
      ? { media: { id: `urn:li:image:D4E10AQ${linkedinId(item.createdAt, item.uid).slice(0, 12)}`, altText: '' } }
      : item.format === 'video'
        ? { media: { id: `urn:li:video:D4E05AQ${linkedinId(item.createdAt, item.uid).slice(0, 12)}`, title: item.text.slice(0, 50) } }
        : item.format === 'link'
          ? { article: { source: `https://www.${item.brand.handle}.example/journal`, title: item.text.slice(0, 70), description: item.text } }
          : undefined;
  return {
    isReshareDisabledByAuthor: false,
    createdAt: item.createdAt,
    lifecycleState: 'PUBLISHED',
    lastModifiedAt: item.createdAt,
    visibility: 'PUBLIC',
    publishedAt: item.createdAt,
    author: orgUrn(item.account!),
    id: item.pid,
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    ...(content ? { content } : {}),
    commentary: item.text,
    lifecycleStateInfo: { isEditedByAuthor: false },
  };
}

function paging(ctx: Ctx, start: number, count: number, total: number): Record<string, unknown> {
  const links: unknown[] = [];
  const next = ctx.loop ? start : start + count < total ? start + count : undefined;
  if (next !== undefined) {
    const q = new URLSearchParams(ctx.query);
    q.set('start', String(next));
    q.set('count', String(count));
    links.push({ type: 'application/json', rel: 'next', href: `/rest${ctx.path.replace(/^\/rest/, '')}?${q.toString()}` });
  }
  if (start > 0) {
    const q = new URLSearchParams(ctx.query);
    q.set('start', String(Math.max(0, start - count)));
    links.push({ type: 'application/json', rel: 'prev', href: `/rest${ctx.path.replace(/^\/rest/, '')}?${q.toString()}` });
  }
  return { start, count, links, total };
}

function commentJson(ctx: Ctx, c: Comment): Record<string, unknown> {
  const act = activityOf(c.item);
  const org = authorAccount(c);
  const actor = org ? orgUrn(org) : personUrn(c.persona!.key);
  const replies = ctx.world.commentsOf(c.item, ctx.now).filter((x) => x.parent === c).length;
  const likes = ctx.world.likesOf(c, ctx.now);
  const viewer = c.item.account ? actingAs(ctx, c.item.account.brandSlug) : undefined;
  return {
    actor,
    commentUrn: `urn:li:comment:(${act},${c.pid})`,
    created: { actor, time: c.createdAt },
    lastModified: { actor, time: c.createdAt },
    id: c.pid,
    message: { attributes: [], text: c.text },
    object: act,
    ...(c.parent ? { parentComment: `urn:li:comment:(${act},${c.parent.pid})` } : {}),
    likesSummary: { selectedLikes: [], aggregatedTotalLikes: likes, likedByCurrentUser: ctx.world.writes.reaction('linkedin', c.pid, viewer?.key) > 0, totalLikes: likes },
    commentsSummary: { selectedComments: [], aggregatedTotalComments: replies, totalFirstLevelComments: replies },
  };
}

function stats(world: World, item: Item, now: number) {
  const m = world.metrics(item, now);
  const engagement = m.impressions ? (m.clicks + m.likes + m.allComments + m.shares) / m.impressions : 0;
  return { uniqueImpressionsCount: m.reach, shareCount: m.shares, engagement, clickCount: m.clicks, likeCount: m.likes, impressionCount: m.impressions, commentCount: m.allComments };
}

/** Restli 2.0 lists: `List(urn%3Ali%3Ashare%3A1,urn%3Ali%3Ashare%3A2)`. */
function restliList(raw: string | null): string[] {
  if (!raw) return [];
  const m = /^List\((.*)\)$/.exec(raw);
  return (m ? m[1] : raw).split(',').map((s) => decodeURIComponent(s.trim())).filter(Boolean);
}

/** `(timeRange:(start:1700000000000,end:1702000000000),timeGranularityType:DAY)` */
function timeIntervals(raw: string | null): { start: number; end: number; day: boolean } | undefined {
  if (!raw) return undefined;
  const start = /start:(\d+)/.exec(raw);
  const end = /end:(\d+)/.exec(raw);
  if (!start) return undefined;
  return { start: Number(start[1]), end: end ? Number(end[1]) : Date.now(), day: /DAY/.test(raw) };
}

function handle(ctx: Ctx): Reply {
  const version = ctx.headers['linkedin-version'];
  if (!version) return err(400, 'VERSION_MISSING', 'A version must be present. Please specify a version by adding the LinkedIn-Version header.');
  if (!/^\d{6}(\.\d{2})?$/.test(String(version))) return err(426, 'NONEXISTENT_VERSION', `Requested version ${String(version)} is not active`);
  if (ctx.headers['x-restli-protocol-version'] !== '2.0.0') return err(400, 'ILLEGAL_ARGUMENT', 'Invalid query parameters passed to request (X-Restli-Protocol-Version 2.0.0 required)');
  const s = splitPath(ctx.path);
  if (s[0] !== 'rest') return err(404, 'NOT_FOUND', 'Not Found');
  if (ctx.method !== 'GET') return write(ctx, s, String(version));
  const start = intParam(ctx.query, 'start', 0, 0, 100_000);
  const count = pageSize(ctx, 'count', 10, 1, 100);

  if (s[1] === 'organizations' && s[2]) {
    const org = orgOf(s[2]);
    if (!org) return err(404, 'NOT_FOUND', `Organization ${s[2]} not found`);
    return { status: 200, body: { vanityName: org.handle, localizedName: org.displayName, name: { localized: { fr_FR: org.displayName }, preferredLocale: { country: 'FR', language: 'fr' } }, id: Number(org.externalId), $URN: orgUrn(org), primaryOrganizationType: 'NONE', locations: [], localizedWebsite: `https://www.${org.brandSlug}.example` } };
  }
  if (s[1] === 'organizations' && ctx.query.get('q') === 'vanityName') {
    const org = SANDBOX_ACCOUNTS.find((a) => a.platform === 'linkedin' && a.handle === ctx.query.get('vanityName'));
    return { status: 200, body: { elements: org ? [{ vanityName: org.handle, localizedName: org.displayName, id: Number(org.externalId), $URN: orgUrn(org) }] : [], paging: { start: 0, count: 10, links: [] } } };
  }
  if (s[1] === 'networkSizes' && s[2]) {
    const org = orgOf(s[2]);
    if (!org) return err(404, 'NOT_FOUND', 'Not Found');
    if (ctx.query.get('edgeType') !== 'COMPANY_FOLLOWED_BY_MEMBER') return err(400, 'ILLEGAL_ARGUMENT', 'edgeType must be COMPANY_FOLLOWED_BY_MEMBER');
    return { status: 200, body: { firstDegreeSize: ctx.world.followers(org, ctx.now) } };
  }
  if (s[1] === 'posts' && !s[2]) {
    if (ctx.query.get('q') !== 'author') return err(400, 'ILLEGAL_ARGUMENT', 'Invalid finder: q must be author');
    const org = orgOf(ctx.query.get('author') ?? '');
    if (!org) return err(400, 'ILLEGAL_ARGUMENT', 'Invalid author');
    const denied = ownerCheck(ctx, org);
    if (denied) return denied;
    const posts = ctx.world.visible('linkedin', ctx.now).filter((i) => i.account?.key === org.key).sort((a, b) => b.createdAt - a.createdAt);
    return { status: 200, body: { paging: paging(ctx, start, count, posts.length), elements: posts.slice(start, start + count).map(postJson) } };
  }
  if (s[1] === 'posts' && s[2]) {
    const item = ctx.world.item('linkedin', s[2]);
    if (!item || item.createdAt > ctx.now) return err(404, 'NOT_FOUND', 'Not Found');
    return { status: 200, body: postJson(item) };
  }
  if (s[1] === 'socialActions' && s[2] && s[3] === 'comments') {
    const target = s[2];
    let list: Comment[] | undefined;
    const item = ctx.world.item('linkedin', target) ?? ctx.world.visible('linkedin', ctx.now).find((i) => activityOf(i) === target);
    if (item) list = ctx.world.commentsOf(item, ctx.now).filter((c) => !c.parent);
    const cm = /^urn:li:comment:\((urn:li:activity:\d+),(\d+)\)$/.exec(target);
    if (cm) {
      const parent = ctx.world.comment('linkedin', cm[2]);
      if (parent) list = ctx.world.commentsOf(parent.item, ctx.now).filter((c) => c.parent === parent);
    }
    if (!list) return err(404, 'NOT_FOUND', 'Not Found');
    const owner = (item ?? ctx.world.comment('linkedin', cm?.[2] ?? '')?.item)?.account;
    if (owner) {
      const denied = ownerCheck(ctx, owner);
      if (denied) return denied;
    }
    const sorted = [...list].sort((a, b) => a.createdAt - b.createdAt);
    return { status: 200, body: { paging: paging(ctx, start, count, sorted.length), elements: sorted.slice(start, start + count).map((c) => commentJson(ctx, c)) } };
  }
  if (s[1] === 'organizationalEntityShareStatistics') {
    if (ctx.query.get('q') !== 'organizationalEntity') return err(400, 'ILLEGAL_ARGUMENT', 'q must be organizationalEntity');
    const org = orgOf(ctx.query.get('organizationalEntity') ?? '');
    if (!org) return err(400, 'ILLEGAL_ARGUMENT', 'Invalid organizationalEntity');
    const denied = ownerCheck(ctx, org);
    if (denied) return denied;
    const posts = ctx.world.visible('linkedin', ctx.now).filter((i) => i.account?.key === org.key && ctx.now - i.createdAt <= 365 * DAY);
    const shares = [...restliList(ctx.query.get('shares')), ...restliList(ctx.query.get('ugcPosts'))];
    const ti = timeIntervals(ctx.query.get('timeIntervals'));
    if (shares.length) {
      const elements = shares
        .map((urn) => posts.find((p) => p.pid === urn))
        .filter((p): p is Item => !!p)
        .map((p) => ({ organizationalEntity: orgUrn(org), share: p.pid, totalShareStatistics: stats(ctx.world, p, ctx.now) }));
      return { status: 200, body: { paging: { start: 0, count: 10, links: [] }, elements } };
    }
    const sum = (at: number, from?: number) => {
      const acc = { uniqueImpressionsCount: 0, shareCount: 0, clickCount: 0, likeCount: 0, impressionCount: 0, commentCount: 0 };
      for (const p of posts) {
        const a = stats(ctx.world, p, at);
        const b = from !== undefined ? stats(ctx.world, p, from) : undefined;
        for (const k of Object.keys(acc) as (keyof typeof acc)[]) acc[k] += a[k] - (b ? b[k] : 0);
      }
      const engagement = acc.impressionCount ? (acc.clickCount + acc.likeCount + acc.commentCount + acc.shareCount) / acc.impressionCount : 0;
      return { ...acc, engagement };
    };
    if (ti && ti.day) {
      const elements = [];
      for (let t = ti.start; t < Math.min(ti.end, ctx.now); t += DAY) {
        elements.push({ organizationalEntity: orgUrn(org), timeRange: { start: t, end: t + DAY }, totalShareStatistics: sum(Math.min(t + DAY, ctx.now), t) });
      }
      return { status: 200, body: { paging: { start: 0, count: 10, links: [] }, elements } };
    }
    return { status: 200, body: { paging: { start: 0, count: 10, links: [] }, elements: [{ organizationalEntity: orgUrn(org), totalShareStatistics: sum(ctx.now) }] } };
  }
  if (s[1] === 'organizationalEntityFollowerStatistics') {
    const org = orgOf(ctx.query.get('organizationalEntity') ?? '');
    if (!org) return err(400, 'ILLEGAL_ARGUMENT', 'Invalid organizationalEntity');
    const denied = ownerCheck(ctx, org);
    if (denied) return denied;
    const ti = timeIntervals(ctx.query.get('timeIntervals'));
    if (!ti) return { status: 200, body: { paging: { start: 0, count: 10, links: [] }, elements: [{ organizationalEntity: orgUrn(org), followerCountsByAssociationType: [], followerCountsBySeniority: [] }] } };
    const elements = [];
    for (let t = ti.start; t < Math.min(ti.end, ctx.now); t += DAY) {
      const gain = ctx.world.followers(org, Math.min(t + DAY, ctx.now)) - ctx.world.followers(org, t);
      elements.push({ organizationalEntity: orgUrn(org), timeRange: { start: t, end: t + DAY }, followerGains: { organicFollowerGain: gain, paidFollowerGain: 0 } });
    }
    return { status: 200, body: { paging: { start: 0, count: 10, links: [] }, elements } };
  }
  return err(404, 'NOT_FOUND', 'Not Found');
}

// ---- writes: comments on a post / a comment, comment deletion, reactions ----

const COMMENT_URN = /^urn:li:comment:\((urn:li:activity:\d+),(\d+)\)$/;

/** A share / ugcPost / activity urn → the post; a comment urn → the comment (and its post). */
function targetOf(ctx: Ctx, urn: string): { item: Item; comment?: Comment } | undefined {
  const cm = COMMENT_URN.exec(urn);
  if (cm) {
    const c = ctx.world.comment('linkedin', cm[2]);
    return c && c.createdAt <= ctx.now ? { item: c.item, comment: c } : undefined;
  }
  const item = ctx.world.item('linkedin', urn) ?? ctx.world.visible('linkedin', ctx.now).find((i) => activityOf(i) === urn);
  return item && item.createdAt <= ctx.now ? { item } : undefined;
}

/** The organization named as `actor`, when the token administers it. */
function actorOrg(ctx: Ctx, actor: unknown): SandboxAccount | undefined {
  const org = typeof actor === 'string' ? orgOf(actor) : undefined;
  return org ? actingAs(ctx, org.brandSlug) : undefined;
}

const denied = (resource: string, method: string, version: string): Reply => err(403, 'ACCESS_DENIED', `Not enough permissions to access: ${resource}.${method}.${version}`);

function write(ctx: Ctx, s: string[], version: string): Reply {
  const body = bodyOf(ctx);
  if (s[1] === 'socialActions' && s[2] && s[3] === 'comments' && !s[4] && ctx.method === 'POST') {
    const me = actorOrg(ctx, body.actor);
    if (!me) return denied('socialActionsComments', 'CREATE', version);
    const text = (body.message as { text?: unknown } | undefined)?.text;
    if (typeof text !== 'string' || !text.trim()) return err(422, 'UNPROCESSABLE_ENTITY', 'ERROR :: /message/text :: field is required but not found and has no default value', 100);
    const t = targetOf(ctx, typeof body.parentComment === 'string' ? body.parentComment : s[2]);
    if (!t) return err(404, 'NOT_FOUND', `Not Found: ${typeof body.parentComment === 'string' ? body.parentComment : s[2]}`);
    // Two levels at most: an answer to a reply joins its first-level comment.
    const parent = t.comment ? (t.comment.parent ?? t.comment) : undefined;
    const reply = ctx.world.addReply(t.item, parent, me, text, ctx.now);
    logWrite(ctx, me, 'reply', t.comment?.pid ?? t.item.pid, { id: reply.pid, text });
    return { status: 201, body: commentJson(ctx, reply), headers: { 'x-restli-id': reply.pid } };
  }
  if (s[1] === 'socialActions' && s[2] && s[3] === 'comments' && s[4] && ctx.method === 'DELETE') {
    const me = actorOrg(ctx, ctx.query.get('actor'));
    if (!me) return denied('socialActionsComments', 'DELETE', version);
    const c = ctx.world.comment('linkedin', s[4]);
    if (!c || c.createdAt > ctx.now) return err(404, 'NOT_FOUND', `Not Found: ${s[4]}`);
    // An organization deletes its own comments and any comment on its posts.
    if (authorAccount(c)?.key !== me.key && c.item.account?.key !== me.key) return denied('socialActionsComments', 'DELETE', version);
    ctx.world.deleteObject('linkedin', c.pid, me.key, ctx.now, 'cascade');
    logWrite(ctx, me, 'delete', c.pid);
    return { status: 204, body: '' };
  }
  if (s[1] === 'reactions' && !s[2] && ctx.method === 'POST') {
    const actor = ctx.query.get('actor');
    const me = actorOrg(ctx, actor);
    if (!me) return denied('reactions', 'CREATE', version);
    const root = typeof body.root === 'string' ? body.root : '';
    const type = typeof body.reactionType === 'string' ? body.reactionType : 'LIKE';
    const t = targetOf(ctx, root);
    if (!t) return err(404, 'NOT_FOUND', `Not Found: ${root}`);
    const id = t.comment?.pid ?? t.item.pid;
    if (ctx.world.writes.react('linkedin', id, me.key, 1)) logWrite(ctx, me, 'like', id, { status: type });
    const urn = `urn:li:reaction:(${orgUrn(me)},${root})`;
    const stamp = { actor: orgUrn(me), time: ctx.now };
    return { status: 201, body: { id: urn, root, reactionType: type, created: stamp, lastModified: stamp }, headers: { 'x-restli-id': urn } };
  }
  return err(404, 'NOT_FOUND', 'Not Found');
}

export const linkedin: PlatformModule = {
  auth: 'required',
  handle,
  authError: () => err(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600),
  // LinkedIn sends no rate-limit headers: a bare 429 is the only signal.
  rateLimitError: () => err(429, 'TOO_MANY_REQUESTS', 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.', 101),
  serverError: () => err(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error'),
  rateBucket: (ctx) => ({ bucket: ctx.token ?? '', limit: 100_000, windowMs: DAY }),
};
