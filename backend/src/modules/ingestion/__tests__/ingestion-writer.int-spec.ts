import type { NormalizedComment, NormalizedPost, PostMetrics } from '../../channels/connectors/channel-connector';
import { createTestApp, type TestApp } from '../../../test-utils/test-app';
import { IngestionEvents } from '../ingestion-events';
import { IngestionWriter, type WriteTarget } from '../writer/ingestion-writer.service';
import { rawChecksums, seedAccount } from './db-checksums';

const none: PostMetrics = { impressions: null, reach: null, reactions: null, comments: null, shares: null, saves: null, clicks: null, videoViews: null };

function post(id: string, day: number, m: Partial<PostMetrics> = {}, text = `post ${id}`): NormalizedPost {
  return {
    externalId: id,
    publishedAt: `2025-03-${String(day).padStart(2, '0')}T10:00:00.000Z`,
    contentType: 'photo',
    text,
    permalink: `https://example.test/${id}`,
    author: { externalId: 'page-1', handle: 'lumiere', displayName: 'Maison Lumière', followers: 1200 },
    metrics: { ...none, ...m },
    impressionsDefinition: m.impressions != null ? 'impressions' : null,
    sourceMetrics: { reach: m.reach ?? null },
  };
}

function comment(id: string, postId: string, author: string, text: string, likes: number | null = 1): NormalizedComment {
  return {
    externalId: id,
    postExternalId: postId,
    parentExternalId: null,
    author: { externalId: author, handle: null, displayName: `Person ${author}`, followers: null },
    text,
    publishedAt: '2025-03-05T12:00:00.000Z',
    isFromBrand: false,
    likes,
  };
}

describe('IngestionWriter (real Postgres)', () => {
  let t: TestApp;
  let writer: IngestionWriter;
  let target: WriteTarget;
  const postEvents: string[][] = [];
  const commentEvents: string[][] = [];

  beforeAll(async () => {
    t = await createTestApp();
    writer = t.app.get(IngestionWriter);
    const events = t.app.get(IngestionEvents);
    events.onPostsWritten(async (e) => void postEvents.push(e.postIds));
    events.onCommentsWritten(async (e) => void commentEvents.push(e.commentIds));
    target = { ...(await seedAccount(t.db)), platform: 'facebook' };
  });
  afterAll(() => t.close());

  const page = [
    post('p1', 1, { reactions: 10, comments: 2, shares: 1, reach: 500, impressions: 800 }),
    post('p2', 2, { reactions: 3, comments: 0, shares: 0 }),
    post('p3', 3),
  ];
  const comments = [
    comment('c1', 'p1', 'u1', 'Super produit !'),
    comment('c2', 'p1', 'u2', 'Où est ma commande ?', null),
    comment('c3', 'p2', 'u1', 'Merci'),
    comment('orphan', 'unknown-post', 'u3', 'lost'),
  ];

  it('writes a page, then replaying it changes nothing (rows, ids, updated_at)', async () => {
    const w1 = await writer.writePosts(target, page, new Date('2025-03-10T00:00:00Z'));
    expect(w1.changedIds).toHaveLength(3);
    // p1 and p2 have metrics, p3 has none: no snapshot for an all-NULL post.
    expect(w1.snapshots).toBe(2);
    const c1 = await writer.writeComments(target, comments);
    expect(c1.changedIds).toHaveLength(3);
    expect(c1.orphans).toBe(1);
    await writer.writeAccountStats(target, [{ day: '2025-03-10', followers: 1200, following: null, postsCount: 3 }]);

    const before = await rawChecksums(t.db);
    expect(before.authors.count).toBe(4); // page-1, u1, u2, and u3 (author of the orphan comment)
    expect(before.posts.count).toBe(3);
    expect(before.comments.count).toBe(3);
    expect(before.post_metric_snapshots.count).toBe(2);
    expect(before.account_daily_stats.count).toBe(1);

    postEvents.length = 0;
    commentEvents.length = 0;
    const w2 = await writer.writePosts(target, page, new Date('2025-03-11T00:00:00Z'));
    const c2 = await writer.writeComments(target, comments);
    await writer.writeAccountStats(target, [{ day: '2025-03-10', followers: 1200, following: null, postsCount: 3 }]);
    expect(w2).toEqual({ changedIds: [], snapshots: 0 });
    expect(c2.changedIds).toEqual([]);
    expect(await rawChecksums(t.db)).toEqual(before);
    // Nothing changed, nothing announced.
    expect(postEvents).toEqual([]);
    expect(commentEvents).toEqual([]);
  });

  it('counts authors of orphan comments too and gives stable pseudonyms', async () => {
    const rows = (await t.db.query(`SELECT external_id, pseudonym FROM authors ORDER BY external_id`)) as Array<{ external_id: string; pseudonym: string }>;
    expect(rows.map((r) => r.external_id)).toEqual(['page-1', 'u1', 'u2', 'u3']);
    for (const r of rows) expect(r.pseudonym).toMatch(/^Utilisateur [0-9A-F]{4}$/);
    await writer.writeComments(target, [comment('c9', 'p3', 'u1', 'encore')]);
    const again = (await t.db.query(`SELECT pseudonym FROM authors WHERE external_id = 'u1'`)) as Array<{ pseudonym: string }>;
    expect(again[0].pseudonym).toBe(rows[1].pseudonym);
  });

  it('appends a snapshot only when a metric changed, keeps the latest metrics on the post', async () => {
    const [p1] = (await t.db.query(`SELECT id, updated_at FROM posts WHERE external_id = 'p1'`)) as Array<{ id: string; updated_at: Date }>;
    const [p2before] = (await t.db.query(`SELECT updated_at FROM posts WHERE external_id = 'p2'`)) as Array<{ updated_at: Date }>;
    postEvents.length = 0;
    const changed = [post('p1', 1, { reactions: 12, comments: 2, shares: 1, reach: 500, impressions: 800 }), page[1]];
    const w = await writer.writePosts(target, changed, new Date('2025-03-12T00:00:00Z'));
    expect(w.changedIds).toEqual([String(p1.id)]);
    expect(w.snapshots).toBe(1);
    expect(postEvents).toEqual([[String(p1.id)]]);
    const snaps = (await t.db.query(
      `SELECT reactions, reach, captured_at FROM post_metric_snapshots WHERE post_id = $1 ORDER BY captured_at`,
      [p1.id],
    )) as Array<{ reactions: string; reach: string; captured_at: Date }>;
    expect(snaps.map((s) => Number(s.reactions))).toEqual([10, 12]);
    expect(snaps[1].captured_at.toISOString()).toBe('2025-03-12T00:00:00.000Z');
    const [p1after] = (await t.db.query(`SELECT reactions FROM posts WHERE id = $1`, [p1.id])) as Array<{ reactions: string }>;
    expect(Number(p1after.reactions)).toBe(12);
    const [p2after] = (await t.db.query(`SELECT updated_at FROM posts WHERE external_id = 'p2'`)) as Array<{ updated_at: Date }>;
    expect(p2after.updated_at).toEqual(p2before.updated_at);
  });

  it('a metric the platform did not give (NULL) never erases a known value, nor adds a snapshot', async () => {
    const before = await rawChecksums(t.db);
    // Same post read without private insights: reach/impressions unknown this time.
    const w = await writer.writePosts(target, [post('p1', 1, { reactions: 12, comments: 2, shares: 1 })]);
    expect(w).toEqual({ changedIds: [], snapshots: 0 });
    expect(await rawChecksums(t.db)).toEqual(before);
    const [p1] = (await t.db.query(`SELECT reach, impressions FROM posts WHERE external_id = 'p1'`)) as Array<{ reach: string; impressions: string }>;
    expect([Number(p1.reach), Number(p1.impressions)]).toEqual([500, 800]);
  });

  it('an edited comment is updated and sent back to enrichment; duplicates in one batch keep the last', async () => {
    await t.db.query(`UPDATE comments SET enriched_at = now(), sentiment = 'negative' WHERE external_id = 'c2'`);
    commentEvents.length = 0;
    const w = await writer.writeComments(target, [
      comment('c2', 'p1', 'u2', 'first version'),
      comment('c2', 'p1', 'u2', 'Où est ma commande ? (modifié)', 4),
    ]);
    expect(w.changedIds).toHaveLength(1);
    expect(commentEvents).toEqual([w.changedIds]);
    const [c2] = (await t.db.query(`SELECT text, likes, enriched_at FROM comments WHERE external_id = 'c2'`)) as Array<{
      text: string;
      likes: number;
      enriched_at: Date | null;
    }>;
    expect(c2).toEqual({ text: 'Où est ma commande ? (modifié)', likes: 4, enriched_at: null });
  });

  it('authors: names filled once, followers kept current, a re-seen unchanged author is not rewritten', async () => {
    const other: WriteTarget = { ...(await seedAccount(t.db)), platform: 'facebook' };
    const who = (handle: string | null, displayName: string | null, followers: number | null) => ({ externalId: 'x', handle, displayName, followers });
    const byX = (id: string, author: ReturnType<typeof who>): NormalizedComment => ({ ...comment(id, 'q1', 'x', `text ${id}`), author });
    const row = async () =>
      ((await t.db.query(`SELECT id, xmin::text AS xmin, handle, display_name, followers FROM authors WHERE workspace_id = $1 AND external_id = 'x'`, [
        other.workspaceId,
      ])) as Array<{ id: string; xmin: string; handle: string | null; display_name: string | null; followers: number | null }>)[0];
    const authorOf = async (table: 'posts' | 'comments', externalId: string) =>
      ((await t.db.query(`SELECT author_id FROM ${table} WHERE channel_account_id = $1 AND external_id = $2`, [other.channelAccountId, externalId])) as Array<{
        author_id: string | null;
      }>)[0].author_id;

    await writer.writePosts(other, [{ ...post('q1', 1), author: null }]);
    await writer.writeComments(other, [byX('k1', who(null, 'X one', null))]);
    const first = await row();
    expect(first).toMatchObject({ handle: null, display_name: 'X one', followers: null });
    expect(await authorOf('comments', 'k1')).toBe(first.id);

    // Same author again, nothing new about them: the row is not touched (same tuple version).
    await writer.writeComments(other, [byX('k2', who(null, 'X one', null)), byX('k3', who(null, null, null))]);
    expect(await row()).toEqual(first);

    // A handle fills the empty one, the first display name stays, followers take the new count.
    await writer.writeComments(other, [byX('k4', who('x_handle', 'X two', 50))]);
    expect(await row()).toMatchObject({ id: first.id, handle: 'x_handle', display_name: 'X one', followers: 50 });
    expect(await authorOf('comments', 'k4')).toBe(first.id);

    // Through posts too: followers refreshed, names kept; then an unknown count (NULL) erases nothing.
    await writer.writePosts(other, [{ ...post('q2', 2), author: who('other', null, 70) }]);
    const fourth = await row();
    expect(fourth).toMatchObject({ handle: 'x_handle', display_name: 'X one', followers: 70 });
    expect(await authorOf('posts', 'q2')).toBe(first.id);
    await writer.writePosts(other, [{ ...post('q3', 3), author: who(null, null, null) }]);
    expect(await row()).toEqual(fourth);
  });

  it('splits large inputs into batches with the same result', async () => {
    const many = Array.from({ length: 25 }, (_, i) => post(`b${i}`, 1 + (i % 28), { reactions: i }));
    const w = await writer.writePosts(target, many, new Date(), 7);
    expect(w.changedIds).toHaveLength(25);
    expect(w.snapshots).toBe(25); // reactions 0 is a value (not NULL): every new post gets its first snapshot
  });
});
