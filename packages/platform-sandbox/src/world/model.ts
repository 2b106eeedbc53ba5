import type { BrandDef } from '../accounts';
import type { MentionTone } from '../text/posts';
import type { CommentCategory } from '../text/comments';
import type { Persona } from '../text/personas';
import type { Platform, SandboxAccount } from '../types';

export type Lang = 'fr' | 'en';
export type Format = 'photo' | 'video' | 'reel' | 'carousel' | 'link' | 'status';

/** A post: published by a brand account, or a public post (mention, review, news item). */
export interface Item {
  uid: string;
  /** The platform's own id (post id, tweet id, at:// uri…). */
  pid: string;
  platform: Platform;
  createdAt: number;
  brand: BrandDef;
  /** Set for posts by a brand account. */
  account?: SandboxAccount;
  /** Set for public posts. */
  persona?: Persona;
  text: string;
  title?: string;
  lang: Lang;
  format: Format;
  tone?: MentionTone | 'crisis' | 'news';
  /** Subreddit, RSS feed name… */
  channel?: string;
  /** Audience at plateau (unique accounts reached / views). */
  reachPeak: number;
  /** Hours to reach ~63 % of the plateau. */
  tauHours: number;
  rates: { like: number; share: number; save: number; click: number; impressionsPerReach: number };
  comments: Comment[];
  /** Extra platform data (YouTube duration, Bluesky cid…). */
  extra: Record<string, string>;
}

export interface Comment {
  uid: string;
  pid: string;
  item: Item;
  parent?: Comment;
  createdAt: number;
  /** Undefined when the brand account wrote it. */
  persona?: Persona;
  /** Set on comments written through the sandbox's write endpoints: the account whose token wrote it. */
  author?: SandboxAccount;
  /** Written by the item brand's own account (generated, or through a write with its token). */
  fromBrand: boolean;
  text: string;
  lang: Lang;
  category: CommentCategory | 'brand_reply' | 'crisis';
  likeBase: number;
  extra: Record<string, string>;
}
