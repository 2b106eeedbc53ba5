import type { DataSource } from 'typeorm';
import { EnrichmentService } from '../../enrichment/enrichment.service';
import { CommentsRepository } from '../../posts/comments.repository';
import { PostsRepository } from '../../posts/posts.repository';
import { InboxItemsRepository } from '../inbox-items.repository';
import { InboxSyncService } from '../inbox-sync.service';

/**
 * For tests that only hold a DataSource (the isolation fixtures): stores a post and a community
 * comment the way the ingestion writer does, then runs the real enrichment, which creates the
 * inbox item. Returns the item id.
 */
export async function seedInboxItem(
  db: DataSource,
  o: { workspaceId: string; brandId: string; channelAccountId: string; tag: string; text: string },
): Promise<string> {
  const [author] = (await db.query(
    `INSERT INTO authors (workspace_id, platform, external_id, handle, display_name, pseudonym)
     VALUES ($1, 'mastodon', $2, $3, $4, $5) RETURNING id`,
    [o.workspaceId, `author-${o.tag}`, `author_${o.tag}`, `Author ${o.tag}`, `Utilisateur ${o.tag}`],
  )) as Array<{ id: string }>;
  const [post] = (await db.query(
    `INSERT INTO posts (workspace_id, brand_id, channel_account_id, external_id, published_at, text, permalink)
     VALUES ($1, $2, $3, $4, now() - interval '2 hours', $5, $6) RETURNING id`,
    [o.workspaceId, o.brandId, o.channelAccountId, `post-${o.tag}`, `Post ${o.tag}`, `https://example.test/post-${o.tag}`],
  )) as Array<{ id: string }>;
  const [comment] = (await db.query(
    `INSERT INTO comments (workspace_id, brand_id, channel_account_id, post_id, external_id, author_id, text, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() - interval '1 hour') RETURNING id`,
    [o.workspaceId, o.brandId, o.channelAccountId, post!.id, `comment-${o.tag}`, author!.id, o.text],
  )) as Array<{ id: string }>;
  const sync = new InboxSyncService(new InboxItemsRepository(db));
  await new EnrichmentService(db, new CommentsRepository(db), new PostsRepository(db), sync).drain();
  const [item] = (await db.query('SELECT id FROM inbox_items WHERE comment_id = $1', [comment!.id])) as Array<{ id: string }>;
  if (!item) throw new Error(`seedInboxItem: no inbox item for "${o.text}" (not classified as needing attention?)`);
  return item.id;
}
