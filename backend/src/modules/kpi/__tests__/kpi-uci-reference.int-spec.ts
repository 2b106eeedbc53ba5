import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IngestionWriter } from '../../ingestion/writer/ingestion-writer.service';
import type { ContentType, NormalizedPost } from '../../channels/connectors/channel-connector';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import { insertAccount, insertBrand } from './kpi-fixtures';

/**
 * Real data: the UCI "Facebook metrics" export (Moro, Rita & Vala 2016; 500 posts of a
 * cosmetics brand page, 2014; CC BY 4.0), written through the ingestion writer (whose event
 * refreshes the rollups), then read back through GET …/kpis and compared, for every month and
 * every content type, with plain loops over the CSV — what a spreadsheet would do.
 * The file lives in ../shared/data next to the repo; the test is skipped without it.
 */
const CSV = path.resolve(__dirname, '../../../../../../shared/data/kpi/facebook_metrics_uci_moro2016_dataset_Facebook.csv');
const hasData = existsSync(CSV);
if (!hasData) console.warn(`SKIPPED UCI KPI API test: ${CSV} not found`);

interface Row {
  type: string;
  month: number;
  hour: number;
  reach: number | null;
  impressions: number | null;
  comment: number | null;
  like: number | null;
  share: number | null;
}

function parse(text: string): Row[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const names = header.split(',');
  const at = (name: string) => names.indexOf(name);
  return lines.map((line) => {
    const c = line.split(',');
    const cell = (name: string) => (c[at(name)].trim() === '' ? null : Number(c[at(name)]));
    return {
      type: c[at('Type')],
      month: Number(c[at('Post Month')]),
      hour: Number(c[at('Post Hour')]),
      reach: cell('Lifetime Post Total Reach'),
      impressions: cell('Lifetime Post Total Impressions'),
      comment: cell('comment'),
      like: cell('like'),
      share: cell('share'),
    };
  });
}

/** Spreadsheet-style totals: SUM columns (blank = 0), then divide. */
function spreadsheet(rows: Row[]) {
  let reach = 0;
  let impressions = 0;
  let likes = 0;
  let comments = 0;
  let shares = 0;
  for (const r of rows) {
    reach += r.reach ?? 0;
    impressions += r.impressions ?? 0;
    likes += r.like ?? 0;
    comments += r.comment ?? 0;
    shares += r.share ?? 0;
  }
  const interactions = likes + comments + shares;
  return {
    posts: rows.length,
    reach,
    impressions,
    reactions: likes,
    comments,
    shares,
    interactions,
    engagementRateByReach: interactions / reach,
    engagementRateByImpressions: interactions / impressions,
    blankLikesOrShares: rows.some((r) => r.like === null || r.share === null),
  };
}

const lastDay = (month: number) => new Date(Date.UTC(2014, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

(hasData ? describe : describe.skip)('KPI API on the UCI Facebook export', () => {
  let t: TestApp;
  let viewer: LoggedIn;
  let url: (from: string, to: string) => string;
  const rows = hasData ? parse(readFileSync(CSV, 'utf8')) : [];

  beforeAll(async () => {
    t = await createTestApp();
    const user = await createUser(t.db, 'uci@kpi.test');
    const ws = await createWorkspace(t.db, 'UCI', [[user, 'viewer']]);
    viewer = await login(t, user);
    const brand = await insertBrand(t.db, ws, 'Cosmetics');
    const account = await insertAccount(t.db, ws, brand, 'facebook', 'cosmetics');
    // The file has no dates: day 2…28 of the post's month, at its hour, read in UTC minus 1 h
    // (Paris is UTC+1/+2), so the Paris month is always the file's month.
    const posts: NormalizedPost[] = rows.map((r, i) => ({
      externalId: `uci-${i}`,
      publishedAt: new Date(Date.UTC(2014, r.month - 1, 2 + (i % 27), r.hour) - 3_600_000).toISOString(),
      contentType: r.type.toLowerCase() as ContentType,
      text: '',
      permalink: null,
      author: null,
      metrics: {
        impressions: r.impressions,
        reach: r.reach,
        reactions: r.like,
        comments: r.comment,
        shares: r.share,
        saves: null,
        clicks: null,
        videoViews: null,
      },
      impressionsDefinition: 'impressions',
    }));
    // Small batches: each committed batch triggers the rollup refresh through IngestionEvents.
    await t.app.get(IngestionWriter).writePosts(
      { workspaceId: ws, brandId: brand, channelAccountId: account, platform: 'facebook' },
      posts,
      new Date(),
      120,
    );
    url = (from, to) => `/api/workspaces/${ws}/kpis?brandId=${brand}&from=${from}&to=${to}&granularity=month`;
  });

  afterAll(() => t?.close());

  it('matches the verified whole-year figures', async () => {
    const b = (await viewer.get(url('2014-01-01', '2014-12-31'))).body;
    expect(rows).toHaveLength(500);
    expect(b.kpis).toMatchObject({ posts: 500, reach: 6_951_680, impressions: 14_792_974, interactions: 106_060 });
    expect(b.kpis.engagementRateByReach).toBeCloseTo(0.015256743694, 12);
    expect(b.kpis.saves).toBeNull();
    expect(b.missing).toContain('saves');
    expect(b.series).toHaveLength(12);
  });

  it('gives, for every month and every content type, the spreadsheet sums and ratios', async () => {
    const year = (await viewer.get(url('2014-01-01', '2014-12-31'))).body;
    const checks: string[] = [];
    const compare = (label: string, api: Record<string, number | null>, expected: ReturnType<typeof spreadsheet>) => {
      for (const key of ['posts', 'reach', 'impressions', 'reactions', 'comments', 'shares', 'interactions'] as const) {
        if (api[key] !== expected[key]) checks.push(`${label} ${key}: api ${api[key]} ≠ sheet ${expected[key]}`);
      }
      for (const key of ['engagementRateByReach', 'engagementRateByImpressions'] as const) {
        if (Math.abs((api[key] ?? NaN) - expected[key]) > 1e-12) checks.push(`${label} ${key}: ${api[key]} ≠ ${expected[key]}`);
      }
    };
    const types = [...new Set(rows.map((r) => r.type))].sort();
    expect(types).toEqual(['Link', 'Photo', 'Status', 'Video']);
    for (let month = 1; month <= 12; month++) {
      const inMonth = rows.filter((r) => r.month === month);
      const body = (await viewer.get(url(`2014-${pad(month)}-01`, `2014-${pad(month)}-${lastDay(month)}`))).body;
      const expected = spreadsheet(inMonth);
      compare(`month ${month}`, body.kpis, expected);
      // The month's point of the whole-year series says the same.
      compare(`series ${month}`, year.series[month - 1], expected);
      expect(body.partial.includes('reactions') || body.partial.includes('shares')).toBe(expected.blankLikesOrShares);
      for (const type of types) {
        const ofType = inMonth.filter((r) => r.type === type);
        const api = body.byContentType.find((c: { contentType: string }) => c.contentType === type.toLowerCase());
        if (!ofType.length) {
          expect(api).toBeUndefined();
          continue;
        }
        compare(`month ${month} ${type}`, api.kpis, spreadsheet(ofType));
      }
    }
    for (const type of types) {
      const api = year.byContentType.find((c: { contentType: string }) => c.contentType === type.toLowerCase());
      compare(`year ${type}`, api.kpis, spreadsheet(rows.filter((r) => r.type === type)));
    }
    expect(checks).toEqual([]);
  });
});
