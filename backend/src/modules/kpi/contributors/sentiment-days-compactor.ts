import { Injectable, Logger } from '@nestjs/common';
import { CommentSentimentDaysRepository } from '../comment-sentiment-days.repository';

/** At most one compaction per this window, however many batches are written. */
const EVERY_MS = 30_000;

/**
 * Folds comment_sentiment_days to one row per group (triggers append signed rows on every
 * comment write; see migration 1764005741000). Run after comment writes, throttled.
 */
@Injectable()
export class SentimentDaysCompactor {
  private readonly logger = new Logger('kpi');
  private last = 0;
  private running: Promise<number> | null = null;

  constructor(private readonly days: CommentSentimentDaysRepository) {}

  /** Rows removed. */
  async compact(): Promise<number> {
    return this.days.compact();
  }

  /** compact() unless one ran within the window (or is running). Never throws. */
  async maybeCompact(now = Date.now()): Promise<void> {
    if (this.running || now - this.last < EVERY_MS) return;
    this.last = now;
    this.running = this.compact();
    try {
      await this.running;
    } catch (e) {
      this.logger.warn(`sentiment day counts compaction failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.running = null;
    }
  }
}
