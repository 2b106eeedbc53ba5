import { SANDBOX_ACCOUNTS } from '../accounts';
import type { Platform, SandboxAccount } from '../types';
import type { Comment, Item } from './model';

/**
 * What a brand did through the platforms' write endpoints (answer, hide, delete, like): kept
 * beside the generated world, which stays exactly as the seed and the clock make it; reads merge
 * these writes in. A new World (reset) starts with none.
 */
export type WriteAction = 'reply' | 'hide' | 'unhide' | 'moderate' | 'delete' | 'like' | 'unlike' | 'vote';

/** One successful write, as `GET /__sandbox/writes` and `RunningSandbox.writes()` list it. */
export interface SandboxWrite {
  /** 1, 2, 3… in the order the sandbox accepted them. */
  seq: number;
  /** Sandbox clock when the write landed (ISO). */
  at: string;
  platform: Platform;
  action: WriteAction;
  /** Manifest key of the account whose token wrote (`maison-lumiere:facebook`). */
  account: string;
  /** Platform id of the object acted on (the answered comment or post, the hidden comment…). */
  target: string;
  /** Id of what the write created: the reply's id, a like record's uri. */
  id?: string;
  text?: string;
  /** Moderation status set (`hidden`, `published`, `heldForReview`, `rejected`, `removed`) or vote direction. */
  status?: string;
}

/**
 * How a deleted object leaves its replies: `cascade` takes them with it (Graph, YouTube,
 * LinkedIn, and the thread views of Mastodon and Bluesky), `placeholder` keeps a `[deleted]` stub
 * while replies remain (Reddit), `alone` leaves the replies in place (X).
 */
export type DeletionMode = 'cascade' | 'placeholder' | 'alone';

export interface Deletion {
  by: string;
  at: number;
  mode: DeletionMode;
}

export interface Moderation {
  status: string;
  /**
   * Whether the platform's lists still serve the object to its owner (Graph `is_hidden`, Instagram
   * `hidden`, X hidden replies, Reddit removals) or leave it out (YouTube held / rejected).
   */
  listed: boolean;
  by: string;
}

const keyOf = (platform: Platform, id: string): string => `${platform}|${id}`;

export class WriteStore {
  private readonly entries: SandboxWrite[] = [];
  private readonly repliesByItem = new Map<Item, Comment[]>();
  private readonly replyByPid = new Map<string, Comment>();
  private readonly deletions = new Map<string, Deletion>();
  private readonly moderations = new Map<string, Moderation>();
  /** object → account key → value (1 = like / upvote, -1 = downvote). */
  private readonly reactions = new Map<string, Map<string, number>>();
  /** Remembered answers (Mastodon Idempotency-Key) with their expiry. */
  private readonly memos = new Map<string, { value: string; expiresAt: number }>();
  /** Records stored as written (Bluesky `getRecord`), by uri. */
  private readonly records = new Map<string, unknown>();
  private seq = 0;

  /** True while nothing touched the generated world (reads then take the fast path). */
  get untouched(): boolean {
    return this.deletions.size === 0 && this.moderations.size === 0;
  }

  nextSeq(): number {
    return ++this.seq;
  }

  log(entry: Omit<SandboxWrite, 'seq' | 'at'>, now: number): SandboxWrite {
    const w: SandboxWrite = { seq: this.entries.length + 1, at: new Date(now).toISOString(), ...entry };
    this.entries.push(w);
    return w;
  }

  list(platform?: string | null): SandboxWrite[] {
    return platform ? this.entries.filter((w) => w.platform === platform) : [...this.entries];
  }

  addReply(c: Comment): void {
    const l = this.repliesByItem.get(c.item) ?? [];
    l.push(c);
    this.repliesByItem.set(c.item, l);
    this.replyByPid.set(keyOf(c.item.platform, c.pid), c);
  }

  repliesOf(item: Item): Comment[] {
    return this.repliesByItem.get(item) ?? [];
  }

  reply(platform: Platform, pid: string): Comment | undefined {
    return this.replyByPid.get(keyOf(platform, pid));
  }

  delete(platform: Platform, id: string, d: Deletion): void {
    this.deletions.set(keyOf(platform, id), d);
  }

  deletion(platform: Platform, id: string): Deletion | undefined {
    return this.deletions.size ? this.deletions.get(keyOf(platform, id)) : undefined;
  }

  /** Sets (or, with `status` undefined, clears) the moderation state of an object. */
  moderate(platform: Platform, id: string, m: Moderation | undefined): void {
    if (m) this.moderations.set(keyOf(platform, id), m);
    else this.moderations.delete(keyOf(platform, id));
  }

  moderation(platform: Platform, id: string): Moderation | undefined {
    return this.moderations.size ? this.moderations.get(keyOf(platform, id)) : undefined;
  }

  /** Records an account's reaction (0 removes it). Returns false when nothing changed. */
  react(platform: Platform, id: string, account: string, value: number): boolean {
    const k = keyOf(platform, id);
    const m = this.reactions.get(k) ?? new Map<string, number>();
    if ((m.get(account) ?? 0) === value) return false;
    if (value === 0) m.delete(account);
    else m.set(account, value);
    this.reactions.set(k, m);
    return true;
  }

  reaction(platform: Platform, id: string, account: string | undefined): number {
    if (!account || !this.reactions.size) return 0;
    return this.reactions.get(keyOf(platform, id))?.get(account) ?? 0;
  }

  /** Likes / upvotes added through writes. */
  likeCount(platform: Platform, id: string): number {
    const m = this.reactions.size ? this.reactions.get(keyOf(platform, id)) : undefined;
    if (!m) return 0;
    let n = 0;
    for (const v of m.values()) if (v > 0) n++;
    return n;
  }

  /** Sum of the reactions (Reddit's score moves by up- and downvotes). */
  reactionSum(platform: Platform, id: string): number {
    const m = this.reactions.size ? this.reactions.get(keyOf(platform, id)) : undefined;
    let n = 0;
    for (const v of m?.values() ?? []) n += v;
    return n;
  }

  remember(key: string, value: string, expiresAt: number): void {
    this.memos.set(key, { value, expiresAt });
  }

  recall(key: string, now: number): string | undefined {
    const m = this.memos.get(key);
    return m && m.expiresAt > now ? m.value : undefined;
  }

  putRecord(uri: string, record: unknown): void {
    this.records.set(uri, record);
  }

  record(uri: string): unknown {
    return this.records.get(uri);
  }

  dropRecord(uri: string): void {
    this.records.delete(uri);
  }
}

/**
 * The manifest account that wrote a comment: the account whose token wrote it through the
 * sandbox, else, for generated brand replies, the item brand's account on that platform.
 */
export function authorAccount(c: Comment): SandboxAccount | undefined {
  if (c.author) return c.author;
  if (!c.fromBrand) return undefined;
  return SANDBOX_ACCOUNTS.find((a) => a.platform === c.item.platform && a.brandSlug === c.item.brand.slug);
}
