import { Injectable, Logger } from '@nestjs/common';

export interface PostsWrittenEvent {
  workspaceId: string;
  channelAccountId: string;
  /** Posts inserted or changed by one committed batch (bigint ids as strings). */
  postIds: string[];
}

export interface CommentsWrittenEvent {
  workspaceId: string;
  channelAccountId: string;
  /** Comments inserted or changed by one committed batch (bigint ids as strings). */
  commentIds: string[];
}

type Listener<E> = (e: E) => Promise<void>;

/**
 * In-process hook between the ingestion writer and the modules that react to new data (KPI
 * rollups, enrichment, veille), without ingestion depending on them. Listeners are awaited
 * after each batch commit, in registration order. A listener that throws is logged and the
 * others still run: the rows are already committed and a replay re-emits nothing (unchanged
 * rows are not rewritten), so listeners must be able to catch up on their own.
 */
@Injectable()
export class IngestionEvents {
  private readonly logger = new Logger('ingestion-events');
  private readonly posts: Array<Listener<PostsWrittenEvent>> = [];
  private readonly comments: Array<Listener<CommentsWrittenEvent>> = [];

  /** Returns a function that unsubscribes. */
  onPostsWritten(listener: Listener<PostsWrittenEvent>): () => void {
    this.posts.push(listener);
    return () => void this.posts.splice(this.posts.indexOf(listener) >>> 0, 1);
  }

  onCommentsWritten(listener: Listener<CommentsWrittenEvent>): () => void {
    this.comments.push(listener);
    return () => void this.comments.splice(this.comments.indexOf(listener) >>> 0, 1);
  }

  async emitPostsWritten(e: PostsWrittenEvent): Promise<void> {
    if (e.postIds.length) await this.run(this.posts, e, 'posts');
  }

  async emitCommentsWritten(e: CommentsWrittenEvent): Promise<void> {
    if (e.commentIds.length) await this.run(this.comments, e, 'comments');
  }

  private async run<E>(listeners: Array<Listener<E>>, e: E, what: string): Promise<void> {
    for (const l of [...listeners]) {
      try {
        await l(e);
      } catch (err) {
        this.logger.warn(`a ${what}-written listener failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}
