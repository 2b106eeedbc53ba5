import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import type {
  NormalizedAccountStats,
  NormalizedAuthor,
  NormalizedComment,
  NormalizedPost,
  Platform,
} from '../../channels/connectors/channel-connector';
import { IngestionEvents } from '../ingestion-events';
import { pseudonymSalt } from './pseudonym';
import { INSERT_AUTHORS, UPDATE_AUTHORS, UPSERT_ACCOUNT_STATS, UPSERT_COMMENTS, UPSERT_POSTS } from './upsert-sql';

/** Where a batch goes: every row of a batch belongs to one channel account. */
export interface WriteTarget {
  workspaceId: string;
  brandId: string;
  channelAccountId: string;
  platform: Platform;
}

export interface PostsWriteResult {
  /** Posts inserted or changed (unchanged rows are not rewritten). */
  changedIds: string[];
  snapshots: number;
}

export interface CommentsWriteResult {
  changedIds: string[];
  /** Comments whose post is not (yet) stored: not written. */
  orphans: number;
}

/** Rows per transaction: large enough to amortise round trips, small enough to keep locks short. */
export const DEFAULT_BATCH_SIZE = 5000;

/**
 * Batched idempotent writer of normalised records (one transaction per batch, multi-row
 * INSERT … ON CONFLICT … WHERE changed). Writing the same records twice changes nothing.
 * After each committed batch, IngestionEvents listeners get the ids that changed.
 */
@Injectable()
export class IngestionWriter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: IngestionEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async writePosts(
    target: WriteTarget,
    posts: readonly NormalizedPost[],
    capturedAt: Date = new Date(),
    batchSize = DEFAULT_BATCH_SIZE,
  ): Promise<PostsWriteResult> {
    const out: PostsWriteResult = { changedIds: [], snapshots: 0 };
    for (const batch of chunks(lastWins(posts, (p) => p.externalId), batchSize)) {
      const r = await this.db.transaction(async (m) => {
        await relaxedCommit(m);
        return this.postsInTx(m, target, batch, capturedAt);
      });
      out.changedIds.push(...r.ids);
      out.snapshots += r.snapshots;
      await this.emitPosts(target, r.ids);
    }
    return out;
  }

  /**
   * Posts and the account's daily stats they carry (CSV imports), in ONE transaction: a file
   * row is never half-written. The caller sizes the batch.
   */
  async writePostsWithStats(
    target: WriteTarget,
    posts: readonly NormalizedPost[],
    stats: readonly NormalizedAccountStats[],
    capturedAt: Date = new Date(),
  ): Promise<PostsWriteResult> {
    const r = await this.db.transaction(async (m) => {
      await relaxedCommit(m);
      const w = await this.postsInTx(m, target, lastWins(posts, (p) => p.externalId), capturedAt);
      await this.statsInTx(m, target, stats);
      return w;
    });
    await this.emitPosts(target, r.ids);
    return { changedIds: r.ids, snapshots: r.snapshots };
  }

  private async postsInTx(m: EntityManager, target: WriteTarget, batch: NormalizedPost[], capturedAt: Date) {
    if (!batch.length) return { ids: [] as string[], snapshots: 0 };
    const authors = await this.insertAuthors(m, target, batch.map((p) => p.author));
    const [row] = (await m.query(UPSERT_POSTS, [...postParams(target, capturedAt, batch), ...authors])) as Array<{
      ids: string[];
      snapshots: number;
      stale_authors: number;
    }>;
    await this.updateAuthors(m, target, authors, row.stale_authors);
    return row;
  }

  private async emitPosts(target: WriteTarget, ids: string[]): Promise<void> {
    await this.events.emitPostsWritten({ workspaceId: target.workspaceId, channelAccountId: target.channelAccountId, postIds: ids });
  }

  async writeComments(
    target: WriteTarget,
    comments: readonly NormalizedComment[],
    batchSize = DEFAULT_BATCH_SIZE,
  ): Promise<CommentsWriteResult> {
    const out: CommentsWriteResult = { changedIds: [], orphans: 0 };
    for (const batch of chunks(lastWins(comments, (c) => c.externalId), batchSize)) {
      const r = await this.db.transaction(async (m) => {
        await relaxedCommit(m);
        const authors = await this.insertAuthors(m, target, batch.map((c) => c.author));
        const [row] = (await m.query(UPSERT_COMMENTS, [...commentParams(target, batch), ...authors])) as Array<{
          ids: string[];
          orphans: number;
          stale_authors: number;
        }>;
        await this.updateAuthors(m, target, authors, row.stale_authors);
        return row;
      });
      out.changedIds.push(...r.ids);
      out.orphans += r.orphans;
      await this.events.emitCommentsWritten({
        workspaceId: target.workspaceId,
        channelAccountId: target.channelAccountId,
        commentIds: r.ids,
      });
    }
    return out;
  }

  async writeAccountStats(target: WriteTarget, stats: readonly NormalizedAccountStats[]): Promise<void> {
    await this.statsInTx(this.db.manager, target, stats);
  }

  private async statsInTx(m: EntityManager, target: WriteTarget, stats: readonly NormalizedAccountStats[]): Promise<void> {
    const rows = lastWins(stats, (s) => s.day);
    if (!rows.length) return;
    await m.query(UPSERT_ACCOUNT_STATS, [
      target.channelAccountId,
      rows.map((s) => s.day),
      rows.map((s) => s.followers),
      rows.map((s) => s.following),
      rows.map((s) => s.postsCount),
    ]);
  }

  /**
   * Inserts the batch's new authors (existing ones untouched) and returns the authors' columns,
   * which the post/comment upsert then takes to resolve ids and tell whether any stored author
   * needs an update (see upsert-sql.ts).
   */
  private async insertAuthors(m: EntityManager, target: WriteTarget, authors: Array<NormalizedAuthor | null>): Promise<AuthorColumns> {
    const merged = new Map<string, NormalizedAuthor>();
    for (const a of authors) {
      if (!a) continue;
      const prev = merged.get(a.externalId);
      merged.set(
        a.externalId,
        prev
          ? {
              externalId: a.externalId,
              handle: a.handle ?? prev.handle,
              displayName: a.displayName ?? prev.displayName,
              followers: a.followers ?? prev.followers,
            }
          : a,
      );
    }
    // Sorted: concurrent batches touching the same authors lock them in the same order (no deadlock).
    const list = [...merged.values()].sort((x, y) => (x.externalId < y.externalId ? -1 : x.externalId > y.externalId ? 1 : 0));
    const cols: AuthorColumns = [list.map((a) => a.externalId), list.map((a) => a.handle), list.map((a) => a.displayName), list.map((a) => a.followers)];
    if (list.length) {
      await m.query(INSERT_AUTHORS, [target.workspaceId, target.platform, pseudonymSalt(this.config.secretKey, target.workspaceId), ...cols]);
    }
    return cols;
  }

  /** Names filled, followers refreshed: only when the upsert saw a stored author that would change. */
  private async updateAuthors(m: EntityManager, target: WriteTarget, cols: AuthorColumns, stale: number): Promise<void> {
    if (stale > 0) await m.query(UPDATE_AUTHORS, [target.workspaceId, target.platform, ...cols]);
  }
}

/** external_id, handle, display_name, followers of a batch's distinct authors. */
type AuthorColumns = [string[], Array<string | null>, Array<string | null>, Array<number | null>];

/**
 * Batch commits do not wait for the WAL flush. Safe for our guarantees: WAL is flushed in order,
 * so when the run's final (synchronous) cursor/status update is durable, every batch before it
 * is too; a Postgres crash can only lose the tail of a run whose cursor was not saved yet, and
 * that run is redone. Saves one disk flush per batch.
 */
async function relaxedCommit(m: EntityManager): Promise<void> {
  await m.query('SET LOCAL synchronous_commit = off');
}

function postParams(t: WriteTarget, capturedAt: Date, batch: NormalizedPost[]): unknown[] {
  const col = <T>(f: (p: NormalizedPost) => T) => batch.map(f);
  return [
    t.workspaceId,
    t.brandId,
    t.channelAccountId,
    t.platform,
    capturedAt.toISOString(),
    col((p) => p.externalId),
    col((p) => p.publishedAt),
    col((p) => p.contentType),
    col((p) => noNul(p.text)),
    col((p) => p.permalink),
    col((p) => p.author?.externalId ?? null),
    col((p) => p.metrics.impressions),
    col((p) => p.metrics.reach),
    col((p) => p.metrics.reactions),
    col((p) => p.metrics.comments),
    col((p) => p.metrics.shares),
    col((p) => p.metrics.saves),
    col((p) => p.metrics.clicks),
    col((p) => p.metrics.videoViews),
    col((p) => p.impressionsDefinition),
    col((p) => (p.sourceMetrics ? JSON.stringify(p.sourceMetrics) : null)),
  ];
}

function commentParams(t: WriteTarget, batch: NormalizedComment[]): unknown[] {
  const col = <T>(f: (c: NormalizedComment) => T) => batch.map(f);
  return [
    t.workspaceId,
    t.brandId,
    t.channelAccountId,
    t.platform,
    col((c) => c.externalId),
    col((c) => c.postExternalId),
    col((c) => c.parentExternalId),
    col((c) => c.author?.externalId ?? null),
    col((c) => c.isFromBrand),
    col((c) => noNul(c.text)),
    col((c) => c.likes),
    col((c) => c.publishedAt),
  ];
}

/** Postgres text cannot hold U+0000 (seen in scraped bodies): drop it rather than fail the batch. */
function noNul(s: string): string {
  return s.includes('\u0000') ? s.replace(/\u0000/g, '') : s;
}

/**
 * One row per natural key, the last occurrence winning (ON CONFLICT cannot touch a row twice
 * in one statement), sorted by key so concurrent batches lock rows in the same order.
 */
function lastWins<T>(rows: readonly T[], key: (r: T) => string): T[] {
  const m = new Map<string, T>();
  for (const r of rows) m.set(key(r), r);
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
