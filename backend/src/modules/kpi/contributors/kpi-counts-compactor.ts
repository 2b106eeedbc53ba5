import { Injectable, Logger } from '@nestjs/common';
import { CommentSentimentDaysRepository } from '../comment-sentiment-days.repository';
import { KpiActivityMarksRepository } from '../kpi-activity-marks.repository';

/** At most one compaction per this window, however many batches are written. */
const EVERY_MS = 30_000;

/**
 * Folds the append-only tables that triggers on comments and inbox items write on every
 * statement: comment_sentiment_days to one row per group (migration 1764005741000),
 * kpi_activity_marks to one mark per brand (1764300000000). Run after comment writes, throttled.
 */
@Injectable()
export class KpiCountsCompactor {
  private readonly logger = new Logger('kpi');
  private last = 0;
  private running: Promise<number> | null = null;

  constructor(
    private readonly days: CommentSentimentDaysRepository,
    private readonly marks: KpiActivityMarksRepository,
  ) {}

  /** Rows removed, both tables. */
  async compact(): Promise<number> {
    return (await this.days.compact()) + (await this.marks.compact());
  }

  /** compact() unless one ran within the window (or is running). Never throws. */
  async maybeCompact(now = Date.now()): Promise<void> {
    if (this.running || now - this.last < EVERY_MS) return;
    this.last = now;
    this.running = this.compact();
    try {
      await this.running;
    } catch (e) {
      this.logger.warn(`KPI day counts / activity marks compaction failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.running = null;
    }
  }
}
