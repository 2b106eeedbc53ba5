import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InboxItemsRepository } from './inbox-items.repository';

type Runner = Pick<EntityManager, 'query'>;

/**
 * Keeps inbox items in step with the ingested comments:
 * - every classified community comment (not from the brand) on an own brand's channel gets an
 *   item (competitors' comments are listening data, not the brand's inbox);
 * - a brand reply ingested from the platform closes the items it answers.
 *
 * A brand reply answers a community comment C when its parent is C, or when C is itself a reply
 * and the brand replied later in the same thread (same parent). Every brand reply counts as a
 * human reply: platforms do not tell automated replies apart, so none are excluded for now.
 */
@Injectable()
export class InboxSyncService {
  constructor(private readonly items: InboxItemsRepository) {}

  /** Creates / refreshes the items of these comments (no-op for brand replies and competitors). */
  async upsertItems(commentIds: string[], runner?: Runner): Promise<number> {
    if (!commentIds.length) return 0;
    return this.items.upsertForComments(commentIds, runner);
  }

  /**
   * Marks answered the items a brand reply answers, with first_response_minutes = first brand
   * reply − comment time. `commentIds`: comments just written (community comments or brand
   * replies); without it, every item of the workspace is recomputed (on demand).
   */
  async reconcileAnswers(scope: { commentIds: string[] } | { workspaceId: string }, runner?: Runner): Promise<number> {
    if ('commentIds' in scope && !scope.commentIds.length) return 0;
    return this.items.reconcileAnswers(scope, runner);
  }
}
