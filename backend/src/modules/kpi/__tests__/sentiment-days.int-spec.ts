import { createTestApp, createUser, createWorkspace, type TestApp } from '../../../test-utils/test-app';
import { CommentSentimentContributor } from '../contributors/comment-sentiment.contributor';
import { KpiCountsCompactor } from '../contributors/kpi-counts-compactor';
import { insertAccount, insertBrand, insertPosts } from './kpi-fixtures';

/**
 * comment_sentiment_days (kept by triggers on comments) against hand-counted comments: every
 * kind of write, the time zone change, compaction and a brand's deletion.
 */
describe('comment sentiment day counts', () => {
  let t: TestApp;
  let ws: string;
  let brand: string;
  let fb: string;
  let ig: string;
  let post: string;
  let n = 0;
  const march = { from: '2025-03-01', to: '2025-03-31' };
  const april = { from: '2025-04-01', to: '2025-04-30' };

  const comment = async (account: string, at: string, sentiment: string | null, fromBrand = false) => {
    const [row] = (await t.db.query(
      `INSERT INTO comments (workspace_id, brand_id, channel_account_id, post_id, external_id, is_from_brand, text, published_at, sentiment)
       VALUES ($1, $2, $3, $4, $5, $6, 'un texte', $7, $8) RETURNING id`,
      [ws, brand, account, post, `c${++n}`, fromBrand, at, sentiment],
    )) as Array<{ id: string }>;
    return row.id;
  };
  const counts = async (periods = [march, april], channelAccountId: string | null = null) => {
    const [{ timezone }] = (await t.db.query('SELECT timezone FROM workspaces WHERE id = $1', [ws])) as Array<{ timezone: string }>;
    const scope = { workspaceId: ws, brandId: brand, channelAccountId, timezone };
    const all = await t.app.get(CommentSentimentContributor).contribute(periods.map((p) => ({ ...scope, ...p })));
    return all.map((c) => ({ ...c.counts, partial: (c.partial ?? []).length > 0 }));
  };
  const rows = async () =>
    ((await t.db.query('SELECT count(*)::int AS n FROM comment_sentiment_days WHERE brand_id = $1', [brand])) as Array<{ n: number }>)[0].n;

  const activity = async () =>
    ((await t.db.query('SELECT count(*)::int AS marks, coalesce(sum(weight), 0)::int AS version FROM kpi_activity_marks WHERE brand_id = $1', [
      brand,
    ])) as Array<{ marks: number; version: number }>)[0];

  beforeAll(async () => {
    t = await createTestApp();
    ws = await createWorkspace(t.db, 'Sentiment', [[await createUser(t.db, 'a@sentiment.test'), 'admin']]);
    brand = await insertBrand(t.db, ws, 'Maison');
    fb = await insertAccount(t.db, ws, brand, 'facebook', 'maison.fb');
    ig = await insertAccount(t.db, ws, brand, 'instagram', 'maison.ig');
    [post] = await insertPosts(t.db, { workspaceId: ws, brandId: brand, channelAccountId: fb }, [
      { externalId: 'p1', publishedAt: '2025-03-01T10:00:00Z' },
    ]);
  });

  afterAll(() => t.close());

  it('counts inserted, classified, edited and deleted comments per local day, brand replies left out', async () => {
    await comment(fb, '2025-03-02T10:00:00Z', 'positive');
    await comment(fb, '2025-03-03T10:00:00Z', 'negative');
    const late = await comment(fb, '2025-03-31T22:30:00Z', null); // April 1, 00:30 in Paris (UTC+2)
    await comment(ig, '2025-03-10T10:00:00Z', 'positive');
    await comment(fb, '2025-03-10T11:00:00Z', 'negative', true); // the brand's own reply
    expect(await counts()).toEqual([
      { sentimentPositive: 2, sentimentNegative: 1, sentimentNeutral: 0, partial: false },
      { partial: false }, // April: one comment, none classified yet → no sentiment keys (missing)
    ]);
    // Enrichment classifies it (an UPDATE of many columns, sentiment among them).
    await t.db.query(`UPDATE comments SET sentiment = 'neutral', language = 'fr', enriched_at = now() WHERE id = $1`, [late]);
    expect((await counts())[1]).toEqual({ sentimentPositive: 0, sentimentNegative: 0, sentimentNeutral: 1, partial: false });
    // An update that changes nothing counted (likes, a redacted text) leaves the counts as they are.
    const before = await rows();
    await t.db.query(`UPDATE comments SET likes = likes + 1 WHERE workspace_id = $1`, [ws]);
    expect(await rows()).toBe(before);
    // Filtered on one channel account.
    expect((await counts([march], ig))[0]).toEqual({ sentimentPositive: 1, sentimentNegative: 0, sentimentNeutral: 0, partial: false });
    // Erasure deletes comments.
    await t.db.query(`DELETE FROM comments WHERE channel_account_id = $1`, [ig]);
    expect((await counts([march]))[0]).toEqual({ sentimentPositive: 1, sentimentNegative: 1, sentimentNeutral: 0, partial: false });
  });

  it('moves comments to their new local day when the time zone changes', async () => {
    await t.db.query(`UPDATE workspaces SET timezone = 'UTC' WHERE id = $1`, [ws]);
    // 2025-03-31T22:30Z is March 31 in UTC.
    expect(await counts()).toEqual([
      { sentimentPositive: 1, sentimentNegative: 1, sentimentNeutral: 1, partial: false },
      { sentimentPositive: 0, sentimentNegative: 0, sentimentNeutral: 0, partial: false },
    ]);
    await t.db.query(`UPDATE workspaces SET timezone = 'Europe/Paris' WHERE id = $1`, [ws]);
    expect((await counts())[1]).toEqual({ sentimentPositive: 0, sentimentNegative: 0, sentimentNeutral: 1, partial: false });
  });

  it('compaction folds each group into one row and keeps the sums', async () => {
    // Signed rows appended by later writes (a new comment, then its classification).
    const c = await comment(fb, '2025-03-02T12:00:00Z', null);
    await t.db.query(`UPDATE comments SET sentiment = 'positive' WHERE id = $1`, [c]);
    const before = await counts();
    expect(before[0]).toEqual({ sentimentPositive: 2, sentimentNegative: 1, sentimentNeutral: 0, partial: false });
    const [{ groups }] = (await t.db.query(
      `SELECT count(*)::int AS groups FROM (SELECT DISTINCT channel_account_id, day, sentiment FROM comment_sentiment_days
       WHERE brand_id = $1 GROUP BY 1, 2, 3 HAVING sum(n) <> 0) g`,
      [brand],
    )) as Array<{ groups: number }>;
    expect(await rows()).toBeGreaterThan(groups);
    const version = await activity();
    expect(version.marks).toBeGreaterThan(1); // one per statement that wrote the brand's comments
    expect(await t.app.get(KpiCountsCompactor).compact()).toBeGreaterThan(0);
    expect(await rows()).toBe(groups);
    expect(await counts()).toEqual(before);
    // The activity marks fold to one per brand, the version (their sum) unchanged.
    expect(await activity()).toEqual({ marks: 1, version: version.version });
    expect(await t.app.get(KpiCountsCompactor).compact()).toBe(0);
  });

  it('drops the rows and activity marks of a deleted brand at the next compaction', async () => {
    await t.db.query('DELETE FROM brands WHERE id = $1', [brand]);
    await t.app.get(KpiCountsCompactor).compact();
    expect(await rows()).toBe(0);
    expect((await activity()).marks).toBe(0);
  });
});
