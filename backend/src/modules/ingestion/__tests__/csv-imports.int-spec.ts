import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import { rawChecksums } from './db-checksums';

const UCI = path.resolve(__dirname, '../../../../../../shared/data/kpi/facebook_metrics_uci_moro2016_dataset_Facebook.csv');

interface ImportReport {
  status: string;
  progress: number;
  rowsTotal: number;
  rowsImported: number;
  rowsSkipped: number;
  errors: Array<{ row: number; column: string | null; reason: string }>;
  notes: string[];
  channelAccountId: string | null;
  failure: string | null;
}

describe('CSV imports over HTTP', () => {
  let t: TestApp;
  let client: LoggedIn;
  let ws: string;
  let brandId: string;

  async function importFile(body: Buffer | string, format: string, filename = 'export.csv', type = 'text/csv'): Promise<ImportReport> {
    const res = await client.agent
      .post(`/api/workspaces/${ws}/imports`)
      .set('X-CSRF-Token', client.csrf)
      .field('format', format)
      .field('brandId', brandId)
      .attach('file', Buffer.isBuffer(body) ? body : Buffer.from(body), { filename, contentType: type });
    expect(res.status).toBe(202);
    const id = (res.body as { id: string }).id;
    for (let i = 0; i < 400; i++) {
      const r = (await client.get(`/api/workspaces/${ws}/imports/${id}`)).body as ImportReport;
      if (r.status === 'done' || r.status === 'failed') return r;
      await new Promise((ok) => setTimeout(ok, 25));
    }
    throw new Error('import did not finish');
  }

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await createUser(t.db, 'importer@example.test');
    ws = await createWorkspace(t.db, 'Imports', [[admin, 'admin']]);
    client = await login(t, admin);
    brandId = ((await client.post(`/api/workspaces/${ws}/brands`, { name: 'Cosmétiques', kind: 'own' })).body as { id: string }).id;
    await t.queue.startWorkers();
  });
  afterAll(() => t.close());

  it('imports the UCI Facebook metrics file: 500 posts, dates reconstructed in 2014, the assumption stated', async () => {
    const r = await importFile(readFileSync(UCI), 'facebook-insights', 'dataset_Facebook.csv');
    expect(r).toMatchObject({ status: 'done', progress: 1, rowsTotal: 500, rowsImported: 500, rowsSkipped: 0, errors: [], failure: null });
    expect(r.notes.find((n) => n.startsWith('Dates reconstructed'))).toContain('1 = Sunday');
    expect(r.notes.some((n) => n.startsWith('Ignored columns'))).toBe(false);
    const [account] = (await t.db.query(`SELECT platform, handle, kind FROM channel_accounts WHERE id = $1`, [r.channelAccountId])) as Array<
      Record<string, string>
    >;
    expect(account).toEqual({ platform: 'facebook', handle: 'csv-import', kind: 'import' });
    // Reference sums of SOURCES.md (blank cells stay NULL, never 0).
    const [s] = (await t.db.query(
      `SELECT count(*)::int AS n, sum(reactions)::int AS likes, count(reactions)::int AS with_likes, sum(comments)::int AS comments,
              sum(shares)::int AS shares, count(shares)::int AS with_shares, sum(reach)::int AS reach, sum(impressions)::int AS impressions,
              min(published_at) AS first, max(published_at) AS last,
              count(DISTINCT (published_at AT TIME ZONE 'Europe/Paris')::date)::int AS days
       FROM posts WHERE channel_account_id = $1`,
      [r.channelAccountId],
    )) as Array<Record<string, number | Date>>;
    expect(s).toMatchObject({ n: 500, likes: 88795, with_likes: 499, comments: 3741, shares: 13524, with_shares: 496, reach: 6951680, impressions: 14792974 });
    expect((s.first as Date).getUTCFullYear()).toBe(2014);
    expect((s.last as Date).getUTCFullYear()).toBe(2014);
    // Hand-checked: walking the file from its last row with 1 = Sunday gives 242 distinct days, none clamped.
    expect(s.days).toBe(242);
    expect(r.notes.find((n) => n.startsWith('Dates reconstructed'))).toContain('1 row(s) needed such an adjustment');
    const types = (await t.db.query(
      `SELECT content_type, count(*)::int AS n FROM posts WHERE channel_account_id = $1 GROUP BY 1 ORDER BY 1`,
      [r.channelAccountId],
    )) as Array<{ content_type: string; n: number }>;
    expect(types).toEqual([
      { content_type: 'link', n: 22 },
      { content_type: 'photo', n: 426 },
      { content_type: 'status', n: 45 },
      { content_type: 'video', n: 7 },
    ]);
    // The oldest row (last of the file) is the first post of the year; Page total likes → daily followers.
    const stats = (await t.db.query(
      `SELECT day::text, followers FROM account_daily_stats WHERE channel_account_id = $1 ORDER BY day`,
      [r.channelAccountId],
    )) as Array<{ day: string; followers: number }>;
    expect(stats[0]).toEqual({ day: '2014-01-01', followers: 81370 });
    expect(stats[stats.length - 1].followers).toBe(139441);
  });

  it('importing the same file twice creates and rewrites nothing', async () => {
    const before = await rawChecksums(t.db);
    const r = await importFile(readFileSync(UCI), 'facebook-insights', 'dataset_Facebook.csv');
    expect(r).toMatchObject({ status: 'done', rowsImported: 500, rowsSkipped: 0 });
    expect(r.notes).toContain('0 post(s) created or updated, 500 already up to date.');
    expect(await rawChecksums(t.db)).toEqual(before);
  });

  it('keeps the good rows of a file with bad ones and reports row, column and reason', async () => {
    const csv = [
      'id,platform,published_at,text,reactions,comments,mood',
      'g1,facebook,2025-03-01T10:00:00Z,Bonjour,12,3,happy',
      'b1,facebook,2025-03-02,Oups,douze,3,sad',
      'b2,facebook,31/02/2025,Date impossible,1,1,',
      'b3,myspace,2025-03-03,Plateforme inconnue,1,-4,',
      'b4,facebook,2025-03-04',
      ',linkedin,2025-03-05 09:30,"Texte, avec virgule",,7,',
    ].join('\n');
    const r = await importFile(csv, 'generic');
    expect(r).toMatchObject({ status: 'done', rowsTotal: 6, rowsImported: 2, rowsSkipped: 4 });
    expect(r.errors).toEqual([
      { row: 3, column: 'reactions', reason: 'not a whole non-negative number: "douze"' },
      { row: 4, column: 'published_at', reason: expect.stringContaining('unreadable date "31/02/2025"') },
      { row: 5, column: 'platform', reason: expect.stringContaining('unknown platform "myspace"') },
      { row: 5, column: 'comments', reason: 'not a whole non-negative number: "-4"' },
      { row: 6, column: 'text', reason: 'expected 7 fields, found 3' },
    ]);
    expect(r.notes).toContain('Ignored columns (not part of the generic format): mood.');
    const posts = (await t.db.query(
      `SELECT p.external_id, ca.platform, p.text, p.reactions, p.comments, p.published_at FROM posts p
       JOIN channel_accounts ca ON ca.id = p.channel_account_id WHERE ca.handle = 'csv-import' AND ca.platform <> 'facebook' OR p.external_id = 'g1'
       ORDER BY p.published_at`,
    )) as Array<{ external_id: string; platform: string; text: string; reactions: string | null; comments: string; published_at: Date }>;
    expect(posts.map((p) => [p.platform, p.text, p.reactions === null ? null : Number(p.reactions), Number(p.comments)])).toEqual([
      ['facebook', 'Bonjour', 12, 3],
      ['linkedin', 'Texte, avec virgule', null, 7],
    ]);
    // No id column value: a deterministic one; a time without offset is read in the workspace zone (Paris, UTC+1 in March).
    expect(posts[1].external_id).toMatch(/^csv:[0-9a-f]{24}$/);
    expect(posts[1].published_at.toISOString()).toBe('2025-03-05T08:30:00.000Z');
    const again = await importFile(csv, 'generic');
    expect(again.notes).toContain('0 post(s) created or updated, 2 already up to date.');
  });

  it('reads a Meta Business Suite export (semicolons, Publish time, Views) under facebook-insights', async () => {
    const csv = [
      'Post ID;Page name;Title;Publish time;Permalink;Post type;Views;Reach;Reactions;Comments;Shares;Total clicks;Custom labels',
      '1234_5678;Cosmétiques;Nouvelle crème;03/15/2025 18:05;https://www.facebook.com/1234/posts/5678;Photos;1 520;980;45;6;2;31;',
    ].join('\r\n');
    const r = await importFile(csv, 'facebook-insights');
    expect(r).toMatchObject({ status: 'done', rowsImported: 1, errors: [] });
    const [p] = (await t.db.query(
      `SELECT content_type, text, impressions, impressions_definition, reach, reactions, clicks, published_at FROM posts WHERE external_id = '1234_5678'`,
    )) as Array<Record<string, unknown>>;
    expect({ ...p, impressions: Number(p.impressions), reach: Number(p.reach), reactions: Number(p.reactions), clicks: Number(p.clicks) }).toEqual({
      content_type: 'photo',
      text: 'Nouvelle crème',
      impressions: 1520,
      impressions_definition: 'views',
      reach: 980,
      reactions: 45,
      clicks: 31,
      published_at: new Date('2025-03-15T17:05:00.000Z'),
    });
  });

  it('refuses what is not a CSV upload', async () => {
    const png = await client.agent
      .post(`/api/workspaces/${ws}/imports`)
      .set('X-CSRF-Token', client.csrf)
      .field('format', 'generic')
      .field('brandId', brandId)
      .attach('file', Buffer.from([0x89, 0x50, 0x4e, 0x47]), { filename: 'logo.png', contentType: 'image/png' });
    expect(png.status).toBe(415);
    const json = await client.post(`/api/workspaces/${ws}/imports`, { format: 'generic' });
    expect(json.status).toBe(415);
    const badFormat = await client.agent
      .post(`/api/workspaces/${ws}/imports`)
      .set('X-CSRF-Token', client.csrf)
      .field('format', 'excel')
      .field('brandId', brandId)
      .attach('file', Buffer.from('a,b\n1,2\n'), { filename: 'x.csv', contentType: 'text/csv' });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.details[0].field).toBe('format');
    expect(Number((await t.db.query(`SELECT count(*) FROM imports WHERE format = 'excel'`))[0].count)).toBe(0);
  });
});
