import { BRANDS, SANDBOX_ACCOUNTS, SANDBOX_FEEDS, TOPIC_SUBREDDITS, blueskyDid, brandOf, brandSubreddit } from '../accounts';
import type { BrandDef } from '../accounts';
import { Rng, rngFor } from '../rng';
import {
  COMMUNITY_WEIGHTS,
  CRISIS_REPLY,
  REPLY_RATE,
  brandReply,
  communityComment,
  crisisComment,
} from '../text/comments';
import type { CommentCategory } from '../text/comments';
import { makePersonas } from '../text/personas';
import type { Persona } from '../text/personas';
import { brandPostText, crisisMentionText, mentionText, newsTitle, titleOf } from '../text/posts';
import type { MentionTone } from '../text/posts';
import type { Platform, SandboxAccount } from '../types';
import {
  cid,
  fbNumeric,
  igNumeric,
  linkedinId,
  redditId,
  snowflakeMastodon,
  snowflakeX,
  tid,
  tiktokVideoId,
  ytCommentId,
  ytReplyId,
  ytVideoId,
} from './ids';
import { DAY, HOUR, commentLikes, followersAt, postMetrics } from './metrics';
import type { PostMetrics } from './metrics';
import type { Comment, Format, Item, Lang } from './model';
import { WriteStore } from './writes';
import type { DeletionMode } from './writes';

/** Brand posts per day in the history, per platform. */
const POST_RATE: Record<Platform, number> = {
  facebook: 0.5,
  instagram: 0.6,
  youtube: 0.12,
  x: 0.9,
  linkedin: 0.25,
  tiktok: 0.35,
  mastodon: 0.3,
  bluesky: 0.4,
  reddit: 0.1,
  rss: 0.15,
};
/** After startAt the world speeds up so a live demo shows posts arriving every few minutes. */
const LIVE_POST_FACTOR = 6;
/** Extra comments per hour on an own account's latest posts once live. */
const LIVE_AMBIENT_PER_HOUR = 6;

const REACH_BASE: Record<Platform, number> = {
  facebook: 2600,
  instagram: 4800,
  youtube: 3900,
  x: 2300,
  linkedin: 1700,
  tiktok: 9200,
  mastodon: 380,
  bluesky: 620,
  reddit: 900,
  rss: 0,
};
const TAU_HOURS: Record<Platform, number> = {
  facebook: 10,
  instagram: 8,
  youtube: 40,
  x: 3,
  linkedin: 20,
  tiktok: 22,
  mastodon: 4,
  bluesky: 4,
  reddit: 6,
  rss: 1,
};
const COMMENT_MEAN: Record<Platform, number> = {
  facebook: 4,
  instagram: 5,
  youtube: 4,
  x: 2.2,
  linkedin: 2,
  tiktok: 5,
  mastodon: 1.4,
  bluesky: 2,
  reddit: 5,
  rss: 0,
};
/** Public posts mentioning a brand or its topic, per brand and day. */
const MENTION_RATE: Partial<Record<Platform, number>> = {
  bluesky: 1.4,
  x: 1.2,
  mastodon: 0.8,
  reddit: 0.45,
  youtube: 0.08,
};
const LIVE_MENTION_FACTOR = 8;
const FORMATS: Record<Platform, readonly (readonly [Format, number])[]> = {
  facebook: [['photo', 5], ['video', 2], ['link', 2], ['status', 1]],
  instagram: [['photo', 4], ['carousel', 3], ['reel', 4]],
  youtube: [['video', 1]],
  x: [['status', 5], ['photo', 3], ['video', 1]],
  linkedin: [['photo', 3], ['link', 3], ['status', 2], ['video', 1]],
  tiktok: [['video', 1]],
  mastodon: [['status', 3], ['photo', 2]],
  bluesky: [['status', 3], ['photo', 2]],
  reddit: [['status', 3], ['photo', 1]],
  rss: [['link', 1]],
};
const FORMAT_BOOST: Record<Format, number> = {
  photo: 1,
  video: 1.3,
  reel: 1.8,
  carousel: 1.2,
  link: 0.7,
  status: 0.8,
};

/** Posting rhythm over the Paris day (UTC+1): quiet nights, peaks at lunch and evening. */
function hourWeight(t: number): number {
  const h = (new Date(t).getUTCHours() + 1) % 24;
  if (h < 7) return 0.05;
  if (h < 9) return 0.7;
  if (h < 12) return 1.4;
  if (h < 14) return 1.7;
  if (h < 17) return 1.2;
  if (h < 22) return 1.6;
  return 0.5;
}

function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng.next();
  } while (p > l && k < 200);
  return k - 1;
}

/** Brands answer during office hours: push a night-time reply to the next morning. */
function officeHours(t: number, rng: Rng): number {
  // Work in Paris wall-clock time (UTC+1), then shift back.
  const paris = new Date(t + HOUR);
  const h = paris.getUTCHours();
  if (h >= 8 && h < 21) return t;
  let morning = Date.UTC(paris.getUTCFullYear(), paris.getUTCMonth(), paris.getUTCDate(), 8, 0, 0);
  if (h >= 21) morning += DAY;
  return morning - HOUR + rng.int(5, 150) * 60_000;
}

export interface CrisisEvent {
  brand: string;
  at: number;
}

export class World {
  readonly personas: Persona[];
  readonly historyStart: number;
  private readonly items = new Map<Platform, Item[]>();
  private readonly sorted = new Set<Platform>();
  private readonly byPid = new Map<string, Item>();
  private readonly commentByPid = new Map<string, Comment>();
  private readonly latestByAccount = new Map<string, Item[]>();
  private nextChunk: number;
  readonly crises: CrisisEvent[] = [];
  private readonly pendingCrises: CrisisEvent[] = [];
  /** What brands wrote through the write endpoints; reads below merge it in. */
  readonly writes = new WriteStore();

  constructor(
    readonly seed: number,
    readonly startAt: number,
    historyDays: number,
  ) {
    this.personas = makePersonas(seed);
    this.historyStart = startAt - historyDays * DAY;
    this.nextChunk = Math.floor(this.historyStart / HOUR);
  }

  /** Generates every hour chunk up to the one containing `now` (idempotent). */
  ensureUntil(now: number): void {
    const last = Math.floor(now / HOUR);
    while (this.nextChunk <= last) {
      this.generateChunk(this.nextChunk);
      this.nextChunk++;
    }
    for (const c of [...this.pendingCrises]) {
      if (c.at <= now) {
        this.pendingCrises.splice(this.pendingCrises.indexOf(c), 1);
        this.applyCrisis(c);
      }
    }
  }

  /** All generated items of a platform, oldest first (callers filter by the clock). */
  all(platform: Platform): Item[] {
    const list = this.items.get(platform) ?? [];
    if (!this.sorted.has(platform)) {
      list.sort((a, b) => a.createdAt - b.createdAt || (a.pid < b.pid ? -1 : 1));
      this.sorted.add(platform);
    }
    return list;
  }

  /** Items published up to `now`, without the ones deleted through a write. */
  visible(platform: Platform, now: number): Item[] {
    return this.all(platform).filter((i) => i.createdAt <= now && !this.writes.deletion(platform, i.pid));
  }

  item(platform: Platform, pid: string): Item | undefined {
    const i = this.byPid.get(`${platform}|${pid}`);
    return i && !this.writes.deletion(platform, i.pid) ? i : undefined;
  }

  /** A generated or written comment, unless it (or its post, or a cascading ancestor) was deleted. */
  comment(platform: Platform, pid: string): Comment | undefined {
    const c = this.commentByPid.get(`${platform}|${pid}`) ?? this.writes.reply(platform, pid);
    if (!c || this.writes.deletion(platform, c.pid) || this.writes.deletion(platform, c.item.pid)) return undefined;
    return this.cascadeDeleted(c) ? undefined : c;
  }

  /**
   * The comments of an item up to `now` as the platform lists them to the thread's owner:
   * generated ones plus the replies written through the sandbox (by time), without deleted ones
   * (a Reddit-style placeholder stays while it has replies) and, unless `unlisted`, without the
   * ones moderation took out of the lists (YouTube held / rejected, and their replies).
   */
  commentsOf(item: Item, now: number, opts: { unlisted?: boolean } = {}): Comment[] {
    const written = this.writes.repliesOf(item);
    const all = written.length ? [...item.comments, ...written].sort((a, b) => a.createdAt - b.createdAt) : item.comments;
    const present = all.filter((c) => c.createdAt <= now);
    if (this.writes.untouched) return present;
    const memo = new Map<Comment, boolean>();
    const listed = (c: Comment): boolean => {
      const known = memo.get(c);
      if (known !== undefined) return known;
      memo.set(c, false);
      let ok = !this.cascadeDeleted(c) && (opts.unlisted || !this.unlisted(c));
      const d = ok ? this.writes.deletion(item.platform, c.pid) : undefined;
      if (d) ok = d.mode === 'placeholder' && present.some((x) => x.parent === c && listed(x));
      memo.set(c, ok);
      return ok;
    };
    return present.filter(listed);
  }

  /** Post metrics with the written replies, the deletions and the likes given through writes. */
  metrics(item: Item, now: number): PostMetrics {
    const m = postMetrics(item, now, this.commentsOf(item, now));
    const extra = this.writes.likeCount(item.platform, item.pid);
    return extra ? { ...m, likes: m.likes + extra } : m;
  }

  /** A comment's likes, with the ones given through writes. */
  likesOf(c: Comment, now: number): number {
    return commentLikes(c, now) + this.writes.likeCount(c.item.platform, c.pid);
  }

  /** `/__sandbox/posts` counts: what a complete sync of the owner's token ends up with. */
  commentCounts(item: Item, now: number, from: number): { comments: number; replies: number; fromBrand: number } {
    const visible = this.commentsOf(item, now).filter((c) => c.createdAt >= from);
    return {
      comments: visible.length,
      replies: visible.filter((c) => c.parent).length,
      fromBrand: visible.filter((c) => c.fromBrand && !this.writes.deletion(item.platform, c.pid)).length,
    };
  }

  /**
   * A reply written by `author` (the token's account) at `now`, under `parent` or, without
   * one, as a top-level comment of `item`. `pid` overrides the platform-shaped generated id.
   */
  addReply(item: Item, parent: Comment | undefined, author: SandboxAccount, text: string, now: number, pid?: string): Comment {
    const uid = `${item.uid}#w${this.writes.nextSeq()}@${now}`;
    const c: Comment = {
      uid,
      pid: pid ?? this.commentPid(item, uid, now, parent),
      item,
      parent,
      createdAt: now,
      author,
      fromBrand: author.brandSlug === item.brand.slug,
      text,
      lang: parent?.lang ?? item.lang,
      category: 'brand_reply',
      likeBase: 0,
      extra: item.platform === 'bluesky' ? { cid: cid(uid) } : {},
    };
    this.writes.addReply(c);
    return c;
  }

  /** Deletes a post or a comment (`mode`: what happens to its replies, as on the platform). */
  deleteObject(platform: Platform, pid: string, by: string, now: number, mode: DeletionMode): void {
    this.writes.delete(platform, pid, { by, at: now, mode });
  }

  private cascadeDeleted(c: Comment): boolean {
    for (let p = c.parent; p; p = p.parent) if (this.writes.deletion(c.item.platform, p.pid)?.mode === 'cascade') return true;
    return false;
  }

  private unlisted(c: Comment): boolean {
    for (let p: Comment | undefined = c; p; p = p.parent) if (this.writes.moderation(c.item.platform, p.pid)?.listed === false) return true;
    return false;
  }

  followers(account: SandboxAccount, t: number): number {
    return followersAt(brandOf(account.brandSlug), account.platform, t, {
      historyStart: this.historyStart,
      crises: this.crises.filter((c) => c.brand === account.brandSlug).map((c) => c.at),
    });
  }

  /** Schedules (or, when `at` is already reached, immediately stages) a crisis. */
  scheduleCrisis(brand: string, at: number): CrisisEvent {
    brandOf(brand);
    const c = { brand, at };
    this.pendingCrises.push(c);
    return c;
  }

  // ---- generation ------------------------------------------------------------------------

  private add(item: Item): void {
    const list = this.items.get(item.platform) ?? [];
    list.push(item);
    this.items.set(item.platform, list);
    this.sorted.delete(item.platform);
    this.byPid.set(`${item.platform}|${item.pid}`, item);
    if (item.account) {
      const l = this.latestByAccount.get(item.account.key) ?? [];
      l.push(item);
      l.sort((a, b) => a.createdAt - b.createdAt);
      this.latestByAccount.set(item.account.key, l);
    }
    for (const c of item.comments) this.indexComment(c);
  }

  private indexComment(c: Comment): void {
    this.commentByPid.set(`${c.item.platform}|${c.pid}`, c);
  }

  private generateChunk(h: number): void {
    const chunkStart = h * HOUR;
    for (const account of SANDBOX_ACCOUNTS) {
      const rng = rngFor(this.seed, 'post', account.key, h);
      const t = chunkStart + rng.int(0, 3599) * 1000 + rng.int(0, 999);
      if (t < this.historyStart) continue;
      const live = t >= this.startAt;
      const rate = (POST_RATE[account.platform] / 24) * (live ? LIVE_POST_FACTOR : hourWeight(t));
      if (rng.next() < rate) this.add(this.brandPost(account, t, rng, live));
    }
    for (const brand of BRANDS) {
      for (const [platform, rate] of Object.entries(MENTION_RATE) as [Platform, number][]) {
        const rng = rngFor(this.seed, 'mention', brand.slug, platform, h);
        const live = chunkStart >= this.startAt;
        const n = poisson(rng, (rate / 24) * brand.size * (live ? LIVE_MENTION_FACTOR : hourWeight(chunkStart)));
        for (let i = 0; i < n; i++) {
          const t = chunkStart + rng.int(0, 3_599_999);
          if (t < this.historyStart) continue;
          this.add(this.publicPost(brand, platform, t, rng, rng.weighted(TONES), chunkStart >= this.startAt));
        }
      }
    }
    for (const feed of SANDBOX_FEEDS) {
      const rng = rngFor(this.seed, 'news', feed.name, h);
      const live = chunkStart >= this.startAt;
      if (rng.next() < (live ? 0.4 : 0.045) * hourWeight(chunkStart)) {
        const t = chunkStart + rng.int(0, 3_599_999);
        if (t < this.historyStart) continue;
        const candidates = BRANDS.filter((b) => feed.domain === 'consumer' || b.domain === feed.domain);
        this.add(this.newsItem(rng.pick(candidates), feed.name, t, rng, false));
      }
    }
    if (chunkStart + HOUR > this.startAt) this.ambientComments(h);
  }

  private reachFor(brand: BrandDef, platform: Platform, format: Format, rng: Rng): number {
    return Math.max(40, Math.round(REACH_BASE[platform] * brand.size * FORMAT_BOOST[format] * rng.spread(0.45)));
  }

  private rates(rng: Rng, platform: Platform): Item['rates'] {
    const visual = platform === 'instagram' || platform === 'tiktok';
    return {
      like: (visual ? 0.06 : 0.035) * rng.spread(0.3),
      share: 0.004 * rng.spread(0.5),
      save: (visual ? 0.01 : 0.002) * rng.spread(0.4),
      click: (platform === 'linkedin' || platform === 'facebook' ? 0.018 : 0.006) * rng.spread(0.4),
      impressionsPerReach: 1.25 + rng.next() * 0.45,
    };
  }

  private brandPost(account: SandboxAccount, t: number, rng: Rng, live: boolean): Item {
    const brand = brandOf(account.brandSlug);
    const platform = account.platform;
    const uid = `${account.key}@${t}`;
    const lang: Lang = rng.chance(0.12) ? 'en' : 'fr';
    const format = rng.weighted(FORMATS[platform]);
    const text = brandPostText(rng, brand, lang);
    const item: Item = {
      uid,
      pid: this.itemPid(platform, uid, t, account),
      platform,
      createdAt: t,
      brand,
      account,
      text,
      title: platform === 'youtube' || platform === 'reddit' || platform === 'rss' ? titleOf(text) : undefined,
      lang,
      format,
      channel: platform === 'reddit' ? brandSubreddit(brand.slug) : platform === 'rss' ? account.externalId : undefined,
      reachPeak: this.reachFor(brand, platform, format, rng),
      tauHours: TAU_HOURS[platform] * rng.spread(0.3),
      rates: this.rates(rng, platform),
      comments: [],
      extra: this.itemExtra(platform, uid, rng),
    };
    if (platform !== 'rss') {
      const mean = COMMENT_MEAN[platform] * Math.sqrt(brand.size) * (live ? 1.5 : 1);
      this.makeComments(item, poisson(rng, mean * rng.spread(0.5)), rng);
    }
    return item;
  }

  private publicPost(
    brand: BrandDef,
    platform: Platform,
    t: number,
    rng: Rng,
    tone: MentionTone | 'crisis',
    live: boolean,
  ): Item {
    const persona = rng.pick(this.personas);
    const lang = persona.lang;
    const uid = `public:${platform}:${brand.slug}@${t}:${persona.key}`;
    let text = tone === 'crisis' ? crisisMentionText(rng, brand, lang) : mentionText(rng, brand, tone, lang);
    // People tag their posts on the hashtag-driven networks, which tag timelines rely on.
    if ((platform === 'mastodon' || platform === 'bluesky' || platform === 'x') && !text.includes('#') && rng.chance(0.45)) {
      text += tone === 'topic' ? (brand.domain === 'beauty' ? ' #skincare' : ' #cafe') : ` #${brand.hashtag}`;
    }
    const format: Format = platform === 'youtube' ? 'video' : rng.chance(0.25) ? 'photo' : 'status';
    const item: Item = {
      uid,
      pid: this.itemPid(platform, uid, t, undefined, persona),
      platform,
      createdAt: t,
      brand,
      persona,
      text,
      title:
        platform === 'youtube'
          ? youtubeReviewTitle(rng, brand, tone)
          : platform === 'reddit'
            ? titleOf(text)
            : undefined,
      lang,
      format,
      tone,
      channel: platform === 'reddit' ? rng.pick(TOPIC_SUBREDDITS[brand.domain]) : undefined,
      reachPeak: Math.max(20, Math.round(Math.sqrt(persona.followers + 50) * 12 * rng.spread(0.6))),
      tauHours: TAU_HOURS[platform],
      rates: this.rates(rng, platform),
      comments: [],
      extra: this.itemExtra(platform, uid, rng),
    };
    const mean = platform === 'reddit' ? 4 : platform === 'youtube' ? 3 : 0.6;
    this.makeComments(item, poisson(rng, mean * (tone === 'crisis' ? 2 : 1) * (live ? 1.3 : 1)), rng);
    return item;
  }

  private newsItem(brand: BrandDef, feed: string, t: number, rng: Rng, crisis: boolean): Item {
    const uid = `news:${feed}@${t}`;
    const title = newsTitle(rng, brand, crisis);
    return {
      uid,
      pid: this.itemPid('rss', uid, t),
      platform: 'rss',
      createdAt: t,
      brand,
      text: `${title}. ${crisis ? 'Plusieurs consommateurs ont signalé des effets indésirables ; la marque indique mener des analyses.' : 'Notre rédaction fait le point.'}`,
      title,
      lang: feed === 'retail-digest' ? 'en' : 'fr',
      format: 'link',
      tone: crisis ? 'crisis' : 'news',
      channel: feed,
      reachPeak: 0,
      tauHours: 1,
      rates: { like: 0, share: 0, save: 0, click: 0, impressionsPerReach: 1 },
      comments: [],
      extra: {},
    };
  }

  private itemExtra(platform: Platform, uid: string, rng: Rng): Record<string, string> {
    if (platform === 'youtube') return { duration: `PT${rng.int(0, 14)}M${rng.int(1, 59)}S` };
    if (platform === 'bluesky') return { cid: cid(uid) };
    if (platform === 'tiktok') return { duration: String(rng.int(9, 95)) };
    return {};
  }

  private itemPid(platform: Platform, uid: string, t: number, account?: SandboxAccount, persona?: Persona): string {
    switch (platform) {
      case 'facebook':
        return `${account?.externalId ?? '100000000000000'}_${fbNumeric(uid)}`;
      case 'instagram':
        return igNumeric(uid);
      case 'youtube':
        return ytVideoId(uid);
      case 'x':
        return snowflakeX(t, uid);
      case 'linkedin':
        return `urn:li:share:${linkedinId(t, uid)}`;
      case 'tiktok':
        return tiktokVideoId(t, uid);
      case 'mastodon':
        return snowflakeMastodon(t, uid);
      case 'bluesky': {
        const did = account ? account.externalId : blueskyDid(`persona:${persona?.key ?? uid}`);
        return `at://${did}/app.bsky.feed.post/${tid(t, uid)}`;
      }
      case 'reddit':
        return redditId(uid);
      case 'rss':
        return `https://news.example/${uid.replace(/[^a-z0-9]+/gi, '-')}`;
    }
  }

  private commentPid(item: Item, uid: string, t: number, parent: Comment | undefined, persona?: Persona): string {
    switch (item.platform) {
      case 'facebook':
        return `${item.pid.split('_')[1]}_${fbNumeric(uid)}`;
      case 'instagram':
        return igNumeric(uid);
      case 'youtube':
        return parent ? ytReplyId(parent.pid, uid) : ytCommentId(uid);
      case 'x':
        return snowflakeX(t, uid);
      case 'linkedin':
        return linkedinId(t, uid);
      case 'mastodon':
        return snowflakeMastodon(t, uid);
      case 'bluesky': {
        const brandAcc = persona ? undefined : this.brandAccount(item.brand.slug, 'bluesky');
        const did = brandAcc ? brandAcc.externalId : blueskyDid(`persona:${persona?.key ?? uid}`);
        return `at://${did}/app.bsky.feed.post/${tid(t, uid)}`;
      }
      case 'reddit':
        return redditId(uid);
      default:
        return fbNumeric(uid);
    }
  }

  brandAccount(brandSlug: string, platform: Platform): SandboxAccount | undefined {
    return SANDBOX_ACCOUNTS.find((a) => a.brandSlug === brandSlug && a.platform === platform);
  }

  private newComment(
    item: Item,
    t: number,
    rng: Rng,
    fields: Pick<Comment, 'persona' | 'fromBrand' | 'text' | 'lang' | 'category'> & { parent?: Comment },
  ): Comment {
    const uid = `${item.uid}#${item.comments.length}@${t}`;
    return {
      uid,
      pid: this.commentPid(item, uid, t, fields.parent, fields.persona),
      item,
      parent: fields.parent,
      createdAt: t,
      persona: fields.persona,
      fromBrand: fields.fromBrand,
      text: fields.text,
      lang: fields.lang,
      category: fields.category,
      likeBase: fields.fromBrand ? rng.int(0, 6) : Math.floor(rng.exp(2.5)),
      extra: item.platform === 'bluesky' ? { cid: cid(uid) } : {},
    };
  }

  /** Adds `n` community comments (and the brand's answers) to an item. */
  private makeComments(item: Item, n: number, rng: Rng, at?: number): void {
    const replyTarget = item.account ?? (item.brand.kind === 'own' ? this.brandAccount(item.brand.slug, item.platform) : undefined);
    for (let i = 0; i < n; i++) {
      const t =
        at !== undefined
          ? at + rng.int(5, 240) * 1000
          : rng.chance(0.85)
            ? item.createdAt + 20_000 + Math.round(rng.exp(item.createdAt >= this.startAt ? 0.6 * HOUR : 2.5 * HOUR))
            : item.createdAt + rng.int(1, 5 * 24 * 60) * 60_000;
      const persona = rng.pick(this.personas);
      const lang: Lang = item.lang === 'en' && rng.chance(0.7) ? 'en' : persona.lang;
      const weights = item.account ? COMMUNITY_WEIGHTS : COMMUNITY_WEIGHTS.filter(([c]) => c !== 'job_application' && c !== 'subscription');
      let category: CommentCategory = rng.weighted(weights);
      if (item.tone === 'negative' && rng.chance(0.5)) category = 'complaint';
      const friend = rng.pick(this.personas);
      const text = communityComment(rng, category, lang, { brand: item.brand, handle: friend.handle });
      // A few comments answer an earlier one (people talking to each other).
      const earlier = item.comments.filter((c) => !c.parent && c.createdAt < t && !c.fromBrand);
      const parent = earlier.length && rng.chance(0.08) ? rng.pick(earlier) : undefined;
      const c = this.newComment(item, t, rng, { persona, fromBrand: false, text, lang, category, parent });
      item.comments.push(c);
      const rate = (REPLY_RATE[category] ?? 0) * (item.brand.kind === 'own' ? 1 : 0.35) * (item.account ? 1 : 0.3);
      if (!parent && replyTarget && replyTarget.platform !== 'tiktok' && rng.chance(rate)) {
        const delay = 4 * 60_000 + Math.round(rng.exp(category === 'complaint' ? 70 * 60_000 : 110 * 60_000));
        const rt = officeHours(t + delay, rng);
        const reply = brandReply(rng, category, lang, persona.name.split(' ')[0], { brand: item.brand, handle: persona.handle });
        item.comments.push(this.newComment(item, rt, rng, { fromBrand: true, text: reply, lang, category: 'brand_reply', parent: c }));
      }
    }
    item.comments.sort((a, b) => a.createdAt - b.createdAt);
  }

  private ambientComments(h: number): void {
    for (const account of SANDBOX_ACCOUNTS) {
      if (account.platform === 'rss' || account.platform === 'tiktok') continue;
      const rng = rngFor(this.seed, 'ambient', account.key, h);
      const rate = LIVE_AMBIENT_PER_HOUR * (account.brandKind === 'own' ? 1 : 0.4);
      const n = poisson(rng, rate);
      for (let i = 0; i < n; i++) {
        const t = h * HOUR + rng.int(0, 3599) * 1000;
        if (t < this.startAt) continue;
        const posts = (this.latestByAccount.get(account.key) ?? []).filter((p) => p.createdAt <= t);
        if (!posts.length) continue;
        const item = rng.pick(posts.slice(-3));
        this.appendComments(item, 1, rng, t);
      }
    }
  }

  private appendComments(item: Item, n: number, rng: Rng, at: number): void {
    const before = new Set(item.comments);
    this.makeComments(item, n, rng, at);
    for (const c of item.comments) if (!before.has(c)) this.indexComment(c);
  }

  /** A burst of negative comments and mentions about one brand, across platforms. */
  private applyCrisis(c: CrisisEvent): void {
    this.ensureUntil(c.at);
    this.crises.push(c);
    const brand = brandOf(c.brand);
    const rng = rngFor(this.seed, 'crisis', c.brand, c.at);
    const replyTo = (item: Item, comment: Comment, r: Rng): void => {
      if (brand.kind !== 'own' || !r.chance(0.35)) return;
      const t = comment.createdAt + (40 + r.int(0, 80)) * 60_000;
      const reply = this.newComment(item, t, r, {
        fromBrand: true,
        text: CRISIS_REPLY[comment.lang],
        lang: comment.lang,
        category: 'brand_reply',
        parent: comment,
      });
      item.comments.push(reply);
      this.indexComment(reply);
    };
    for (const account of SANDBOX_ACCOUNTS.filter((a) => a.brandSlug === c.brand)) {
      if (account.platform === 'rss') continue;
      const posts = (this.latestByAccount.get(account.key) ?? []).filter((p) => p.createdAt <= c.at).slice(-2);
      for (const [k, item] of posts.entries()) {
        const n = Math.round((k === posts.length - 1 ? 12 : 5) * Math.sqrt(brand.size));
        for (let i = 0; i < n; i++) {
          // The first complaint lands within a minute; the rest follow over the next hours.
          const t = c.at + (i === 0 ? rng.int(10, 50) * 1000 : 30_000 + Math.round(rng.exp(35 * 60_000)));
          const persona = rng.pick(this.personas);
          const lang: Lang = rng.chance(0.8) ? 'fr' : 'en';
          const comment = this.newComment(item, t, rng, {
            persona,
            fromBrand: false,
            text: crisisComment(rng, lang, { brand, handle: persona.handle }),
            lang,
            category: 'crisis',
          });
          comment.likeBase = rng.int(3, 60);
          item.comments.push(comment);
          this.indexComment(comment);
          if (account.platform !== 'tiktok') replyTo(item, comment, rng);
        }
        item.comments.sort((a, b) => a.createdAt - b.createdAt);
      }
    }
    const burst: [Platform, number][] = [
      ['bluesky', 10],
      ['x', 12],
      ['mastodon', 5],
      ['reddit', 3],
      ['youtube', 1],
    ];
    for (const [platform, n] of burst) {
      for (let i = 0; i < n; i++) {
        const t = c.at + (i === 0 ? rng.int(5, 40) * 1000 : Math.round(rng.exp(45 * 60_000)));
        this.add(this.publicPost(brand, platform, t, rng, 'crisis', true));
      }
    }
    this.add(this.newsItem(brand, 'conso-alerte', c.at + 25 * 60_000, rng, true));
  }
}

const TONES: readonly (readonly [MentionTone, number])[] = [
  ['positive', 4],
  ['neutral', 4],
  ['negative', 2],
  ['topic', 3],
];

function youtubeReviewTitle(rng: Rng, brand: BrandDef, tone: MentionTone | 'crisis'): string {
  const p = rng.pick(brand.products);
  if (tone === 'crisis') return `${brand.name} : ce qu’il faut savoir sur le lot défectueux de ${p}`;
  if (tone === 'topic') return brand.domain === 'beauty' ? 'Ma routine skincare complète (peau sensible)' : 'Je teste 5 cafés de spécialité à l’aveugle';
  return rng.pick([
    `J’ai testé le ${p} de ${brand.name} pendant 30 jours`,
    `${brand.name} : avis honnête sur le ${p}`,
    `HAUL ${brand.name} + premières impressions`,
    `${brand.name} vs la concurrence : lequel choisir ?`,
  ]);
}
