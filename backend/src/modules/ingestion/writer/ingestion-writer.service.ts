import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { pseudonymSalt } from '../../../common/crypto/pseudonym';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import type {
  NormalizedAccountStats,
  NormalizedAuthor,
  NormalizedComment,
  NormalizedPost,
} from '../../channels/connectors/channel-connector';
import { AccountStatsRepository } from '../../posts/account-stats.repository';
import { type AuthorColumns, authorColumns, AuthorsRepository } from '../../posts/authors.repository';
import { CommentsRepository } from '../../posts/comments.repository';
import { type ContentTarget, PostsRepository } from '../../posts/posts.repository';
import { IngestionEvents } from '../ingestion-events';

/** Where a batch goes: every row of a batch belongs to one channel account. */
export type WriteTarget = ContentTarget;

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
 * INSERT … ON CONFLICT … WHERE changed, run by the posts module's repositories). Writing the
 * same records twice changes nothing.
 * After each committed batch, IngestionEvents listeners get the ids that changed.
 */
@Injectable()
export class IngestionWriter {
  constructor(
    private readonly posts: PostsRepository,
    private readonly comments: CommentsRepository,
    private readonly authors: AuthorsRepository,
    private readonly stats: AccountStatsRepository,
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
      const r = await this.posts.batchTransaction((m) => this.postsInTx(m, target, batch, capturedAt));
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
    const r = await this.posts.batchTransaction(async (m) => {
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
    const row = await this.posts.upsertBatch(target, capturedAt, batch, authors, m);
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
      const r = await this.posts.batchTransaction(async (m) => {
        const authors = await this.insertAuthors(m, target, batch.map((c) => c.author));
        const row = await this.comments.upsertBatch(target, batch, authors, m);
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
    await this.statsInTx(undefined, target, stats);
  }

  private async statsInTx(m: EntityManager | undefined, target: WriteTarget, stats: readonly NormalizedAccountStats[]): Promise<void> {
    const rows = lastWins(stats, (s) => s.day);
    if (!rows.length) return;
    await this.stats.upsertDays(target.channelAccountId, rows, m);
  }

  /**
   * Inserts the batch's new authors (existing ones untouched) and returns the authors' columns,
   * which the post/comment upsert then takes to resolve ids and tell whether any stored author
   * needs an update (see posts/content-upsert.sql.ts).
   */
  private async insertAuthors(m: EntityManager, target: WriteTarget, authors: Array<NormalizedAuthor | null>): Promise<AuthorColumns> {
    const cols = authorColumns(authors);
    if (cols[0].length) {
      await this.authors.insertMissing(target.workspaceId, target.platform, pseudonymSalt(this.config.secretKey, target.workspaceId), cols, m);
    }
    return cols;
  }

  /** Names filled, followers refreshed: only when the upsert saw a stored author that would change. */
  private async updateAuthors(m: EntityManager, target: WriteTarget, cols: AuthorColumns, stale: number): Promise<void> {
    if (stale > 0) await this.authors.refresh(target.workspaceId, target.platform, cols, m);
  }
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
