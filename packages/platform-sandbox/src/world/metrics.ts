import type { Comment, Item } from './model';
import type { Platform } from '../types';
import type { BrandDef } from '../accounts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Share of the plateau reached `age` ms after publication: a fast ramp then a plateau. */
export function growth(item: Item, now: number): number {
  const age = now - item.createdAt;
  if (age <= 0) return 0;
  return 1 - Math.exp(-age / (item.tauHours * HOUR));
}

export interface PostMetrics {
  reach: number;
  impressions: number;
  views: number;
  likes: number;
  shares: number;
  saves: number;
  clicks: number;
  comments: number;
  /** Comments including replies. */
  allComments: number;
}

/** Every figure is floor(constant × monotonic curve), so figures never decrease over time. */
export function postMetrics(item: Item, now: number, comments: readonly Comment[] = item.comments): PostMetrics {
  const g = growth(item, now);
  const reach = Math.floor(item.reachPeak * g);
  const impressions = Math.floor(reach * item.rates.impressionsPerReach);
  const visible = comments.filter((c) => c.createdAt <= now);
  return {
    reach,
    impressions,
    views: Math.floor(impressions * 1.12),
    likes: Math.floor(reach * item.rates.like),
    shares: Math.floor(reach * item.rates.share),
    saves: Math.floor(reach * item.rates.save),
    clicks: Math.floor(reach * item.rates.click),
    comments: visible.filter((c) => !c.parent).length,
    allComments: visible.length,
  };
}

export function commentLikes(c: Comment, now: number): number {
  const ageH = (now - c.createdAt) / HOUR;
  if (ageH <= 0) return 0;
  return Math.floor(c.likeBase * (1 - Math.exp(-ageH / 6)));
}

const FOLLOWER_BASE: Record<Platform, number> = {
  facebook: 18_400,
  instagram: 32_100,
  youtube: 4_230,
  x: 9_050,
  linkedin: 6_480,
  tiktok: 21_300,
  mastodon: 910,
  bluesky: 2_440,
  reddit: 3_120,
  rss: 0,
};

// Daily growth rates: the open networks grow faster from a small base.
const FOLLOWER_GROWTH: Record<Platform, number> = {
  facebook: 0.0004,
  instagram: 0.0011,
  youtube: 0.0015,
  x: 0.0002,
  linkedin: 0.0013,
  tiktok: 0.0025,
  mastodon: 0.002,
  bluesky: 0.004,
  reddit: 0.0009,
  rss: 0,
};

export interface FollowerContext {
  historyStart: number;
  /** Crisis start times for this brand. */
  crises: number[];
}

/** Followers at `t`: compound growth plus a small weekday rhythm, minus unfollows after a crisis. */
export function followersAt(brand: BrandDef, platform: Platform, t: number, ctx: FollowerContext): number {
  const base = FOLLOWER_BASE[platform] * brand.size;
  const days = Math.max(0, (t - ctx.historyStart) / DAY);
  let f = base * Math.pow(1 + FOLLOWER_GROWTH[platform], days);
  f += base * 0.0008 * Math.sin(days * ((2 * Math.PI) / 7));
  for (const c of ctx.crises) {
    if (t > c) f -= base * 0.012 * (1 - Math.exp(-(t - c) / (3 * HOUR)));
  }
  return Math.round(f);
}

export { HOUR, DAY };
