import { createHash } from 'node:crypto';
import type { ListPostsRequest, NormalizedPost, PostsPage, SyncCursor } from './channel-connector';
import { ConnectorError, ConnectorErrorCode } from './connector-error';
import { lowerBoundOf } from './sync-window';

/** A run never reads more pages than this; it stops cleanly (the next run resumes from the cursor). */
export const MAX_PAGES_PER_RUN = 200;

interface RunState {
  /** Platform pagination token for the page to read (null = first page). */
  t: string | null;
  /** Short hashes of the platform tokens already followed in this run (loop guard). */
  s: string[];
  /** Newest post seen in this run so far. */
  na: string | null;
  ni: string | null;
  /** Lower bound of the run, fixed on the first page. */
  lb: string;
  /** Connector-specific extras (e.g. resolved account id). */
  x: Record<string, string>;
  /** Cursor extras given by earlier pages of this run (kept unless a later page overrides them). */
  c?: SyncCursor;
}

function hashToken(t: string): string {
  return createHash('sha1').update(t).digest('base64url').slice(0, 12);
}

/**
 * One listPosts run across its pages. The opaque `page` string handed back to the pipeline
 * carries the platform token plus what the run needs to stay consistent: the lower bound,
 * the newest post seen (for the cursor) and the tokens already followed.
 *
 * Pagination loop policy: a platform token already followed in this run throws MALFORMED
 * ("pagination loop") rather than stopping silently, so the run fails, the cursor is NOT
 * advanced, and the broken pagination is visible.
 */
export class PostRun {
  private constructor(
    private readonly state: RunState,
    readonly what: string,
    private readonly cursorIn: SyncCursor | null,
  ) {}

  static start(req: ListPostsRequest, what: string, refreshWindowMs: number): PostRun {
    if (req.page) return new PostRun(decodeState(req.page, what), what, req.cursor);
    const lb = lowerBoundOf(req.cursor, req.since, refreshWindowMs).toISOString();
    return new PostRun({ t: null, s: [], na: null, ni: null, lb, x: {} }, what, req.cursor);
  }

  get token(): string | null {
    return this.state.t;
  }

  get lowerBound(): Date {
    return new Date(this.state.lb);
  }

  get isFirstPage(): boolean {
    return this.state.t === null;
  }

  extra(key: string): string | null {
    return this.state.x[key] ?? null;
  }

  setExtra(key: string, value: string): void {
    this.state.x[key] = value;
  }

  /**
   * Keeps the posts inside the window, stops at the first older one (feeds are newest first),
   * and builds the next page token and the cursor to persist.
   */
  finish(posts: NormalizedPost[], platformNext: string | null, cursorExtra: SyncCursor = {}): PostsPage {
    const lb = this.state.lb;
    const items = posts.filter((p) => p.publishedAt >= lb);
    const reachedOld = items.length < posts.length;
    for (const p of items) {
      if (this.state.na === null || p.publishedAt > this.state.na) {
        this.state.na = p.publishedAt;
        this.state.ni = p.externalId;
      }
    }
    const prev = this.cursorIn;
    // An extra given by the first page (e.g. the newest id) must survive the run's last page.
    const extras: SyncCursor = { ...(this.state.c ?? {}), ...cursorExtra };
    this.state.c = extras;
    const newestAt = maxIso(this.state.na, typeof prev?.newestAt === 'string' ? prev.newestAt : null);
    const nextCursor: SyncCursor = {
      ...(prev ?? {}),
      newestAt,
      newestId: newestAt === this.state.na ? this.state.ni : ((prev?.newestId as string | null) ?? null),
      ...extras,
    };
    let nextPage: string | null = null;
    if (platformNext && !reachedOld && posts.length > 0) {
      const seen = this.state.t ? [...this.state.s, hashToken(this.state.t)] : this.state.s;
      const h = hashToken(platformNext);
      if (seen.includes(h)) {
        throw new ConnectorError(
          ConnectorErrorCode.MALFORMED,
          `${this.what}: pagination loop, the platform returned a next-page token already followed in this run`,
          { path: 'pagination' },
        );
      }
      if (seen.length + 1 < MAX_PAGES_PER_RUN) {
        nextPage = encodeState({ ...this.state, t: platformNext, s: seen });
      }
    }
    return { items, nextPage, nextCursor };
  }
}

function maxIso(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

function encodeState(s: RunState): string {
  return Buffer.from(JSON.stringify(s)).toString('base64url');
}

function decodeState(page: string, what: string): RunState {
  try {
    const s = JSON.parse(Buffer.from(page, 'base64url').toString('utf8')) as RunState;
    if (typeof s.lb === 'string' && Array.isArray(s.s) && typeof s.x === 'object') return s;
  } catch {
    // fall through
  }
  throw new ConnectorError(ConnectorErrorCode.MALFORMED, `${what}: unreadable page token`, { path: 'page' });
}

/** Loop guard for the simpler pagers (comments, search) whose page token is the platform's. */
export function assertNewToken(current: string | null, next: string | null, what: string): string | null {
  if (next !== null && current !== null && next === current) {
    throw new ConnectorError(ConnectorErrorCode.MALFORMED, `${what}: pagination loop, next page token equals the current one`, {
      path: 'pagination',
    });
  }
  return next;
}
