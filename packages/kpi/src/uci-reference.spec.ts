/**
 * Reference test on real data: the UCI "Facebook metrics" export (Moro, Rita & Vala 2016;
 * 500 posts of a cosmetics brand's page, 2014; CC BY 4.0 per the UCI page). The file lives in
 * ../shared/data next to the repo and is not shipped; this spec is skipped when it is absent.
 * CSV mapping stays here: importers belong to the backend, not to this package.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkCounts, computeKpis } from './compute-kpis';
import type { KpiKey } from './kpi-keys';
import { sumCounts, type CountRecord } from './sum-counts';

const CSV_PATH = path.resolve(
  __dirname,
  '../../../../shared/data/kpi/facebook_metrics_uci_moro2016_dataset_Facebook.csv',
);
const hasData = fs.existsSync(CSV_PATH);
if (!hasData) {
  console.warn(
    `SKIPPED UCI reference test: ${CSV_PATH} not found (../shared/data is not in the repo).`,
  );
}

type Cell = number | null;
interface UciRow {
  type: string;
  month: number;
  pageLikes: number;
  reach: Cell;
  impressions: Cell;
  comment: Cell;
  like: Cell;
  share: Cell;
  totalInteractions: Cell;
}

function parseUci(text: string): UciRow[] {
  const lines = text.split(/\r?\n|\r/).filter((line) => line.trim() !== '');
  const headerLine = lines[0] ?? '';
  // The UCI original is ';'-separated; the copy in ../shared/data is ','-separated.
  const separator = headerLine.includes(';') ? ';' : ',';
  const header = headerLine.split(separator).map((name) => name.trim());
  const column = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`column "${name}" not found`);
    return index;
  };
  const at = {
    pageLikes: column('Page total likes'),
    type: column('Type'),
    month: column('Post Month'),
    reach: column('Lifetime Post Total Reach'),
    impressions: column('Lifetime Post Total Impressions'),
    comment: column('comment'),
    like: column('like'),
    share: column('share'),
    totalInteractions: column('Total Interactions'),
  };
  return lines.slice(1).map((line) => {
    const cells = line.split(separator);
    const cell = (index: number): Cell => {
      const raw = (cells[index] ?? '').trim();
      return raw === '' ? null : Number(raw);
    };
    return {
      type: (cells[at.type] ?? '').trim(),
      month: Number(cells[at.month]),
      pageLikes: Number(cells[at.pageLikes]),
      reach: cell(at.reach),
      impressions: cell(at.impressions),
      comment: cell(at.comment),
      like: cell(at.like),
      share: cell(at.share),
      totalInteractions: cell(at.totalInteractions),
    };
  });
}

const rows: UciRow[] = hasData ? parseUci(fs.readFileSync(CSV_PATH, 'utf8')) : [];

const toCounts = (row: UciRow): CountRecord => ({
  posts: 1,
  reach: row.reach,
  impressions: row.impressions,
  reactions: row.like,
  comments: row.comment,
  shares: row.share,
});

/** The package's way: null-aware sums, then ratios of sums. */
function viaPackage(group: UciRow[]) {
  const pageLikes = group.map((row) => row.pageLikes);
  return computeKpis({
    ...sumCounts(group.map(toCounts)),
    // Page likes grow through 2014 (almost monotonically): min ≈ start, max ≈ end of period.
    followersStart: Math.min(...pageLikes),
    followersEnd: Math.max(...pageLikes),
  });
}

/** Independent, deliberately plain computation. */
function byHand(group: UciRow[]) {
  // Plain totals (a blank cell adds 0), not the package's sumCounts: each figure is one line.
  const total = (cell: (row: UciRow) => Cell): number =>
    group.reduce((sum, row) => sum + (cell(row) ?? 0), 0);
  const blanks = (cell: (row: UciRow) => Cell): number =>
    group.filter((row) => cell(row) === null).length;
  const reach = total((row) => row.reach);
  const impressions = total((row) => row.impressions);
  const likes = total((row) => row.like);
  const comments = total((row) => row.comment);
  const shares = total((row) => row.share);
  const totalInteractions = total((row) => row.totalInteractions);
  const blankLikes = blanks((row) => row.like);
  const blankShares = blanks((row) => row.share);
  const maxPageLikes = Math.max(0, ...group.map((row) => row.pageLikes));
  const interactions = likes + comments + shares;
  return {
    posts: group.length,
    reach,
    impressions,
    likes,
    comments,
    shares,
    totalInteractions,
    interactions,
    engagementRateByReach: interactions / reach,
    engagementRateByImpressions: interactions / impressions,
    engagementRateByFollowers: interactions / group.length / maxPageLikes,
    applauseRate: likes / group.length / maxPageLikes,
    blankLikes,
    blankShares,
  };
}

function groupBy(key: (row: UciRow) => string): [string, UciRow[]][] {
  const groups = new Map<string, UciRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
}

const describeWithData = hasData ? describe : describe.skip;

describeWithData('UCI Facebook metrics (real data, skipped when ../shared/data is absent)', () => {
  const groups: [string, UciRow[]][] = hasData
    ? [
        ['all posts', rows],
        ...groupBy((row) => `month ${row.month}`),
        ...groupBy((row) => `type ${row.type}`),
      ]
    : [];

  it('parses the 500 posts with their blank cells', () => {
    expect(rows).toHaveLength(500);
    expect(rows.filter((row) => row.like === null)).toHaveLength(1);
    expect(rows.filter((row) => row.share === null)).toHaveLength(4);
    expect(groupBy((row) => row.type).map(([type, group]) => [type, group.length])).toEqual([
      ['Link', 22],
      ['Photo', 426],
      ['Status', 45],
      ['Video', 7],
    ]);
  });

  it.each(groups)('%s: sums and ratios match an independent computation', (_label, group) => {
    const { values, partial, missing } = viaPackage(group);
    const expected = byHand(group);
    expect(values.posts).toBe(expected.posts);
    expect(values.reach).toBe(expected.reach);
    expect(values.impressions).toBe(expected.impressions);
    expect(values.reactions).toBe(expected.likes);
    expect(values.comments).toBe(expected.comments);
    expect(values.shares).toBe(expected.shares);
    expect(values.interactions).toBe(expected.interactions);
    // In this export Total Interactions = comment + like + share (blank = 0), no saves.
    expect(values.interactions).toBe(expected.totalInteractions);
    expect(values.engagementRateByReach).toBeCloseTo(expected.engagementRateByReach, 14);
    expect(values.engagementRateByImpressions).toBeCloseTo(
      expected.engagementRateByImpressions,
      14,
    );
    expect(values.engagementRateByFollowers).toBeCloseTo(expected.engagementRateByFollowers, 14);
    expect(values.applauseRate).toBeCloseTo(expected.applauseRate, 14);
    expect(partial.includes('reactions')).toBe(expected.blankLikes > 0);
    expect(partial.includes('shares')).toBe(expected.blankShares > 0);
    expect(partial.includes('engagementRateByReach')).toBe(
      expected.blankLikes + expected.blankShares > 0,
    );
    // The export has no saves, clicks, video views… : reported missing, not zero.
    expect(missing).toEqual(
      expect.arrayContaining<KpiKey>(['saves', 'clicks', 'videoViews', 'ctr']),
    );
    expect(values.saves).toBeNull();
    expect(values.ctr).toBeNull();
  });

  // Figures checked with awk on the CSV (e.g. awk -F, 'NR>1 && $4==10 {r+=$8; t+=$19} …').
  it.each<[string, (row: UciRow) => boolean, Partial<Record<KpiKey, number>>, KpiKey[]]>([
    [
      'all posts',
      () => true,
      {
        posts: 500,
        reach: 6_951_680,
        impressions: 14_792_974,
        reactions: 88_795,
        comments: 3_741,
        shares: 13_524,
        interactions: 106_060,
        engagementRateByReach: 0.015256743694, // 106060 / 6951680
        engagementRateByImpressions: 0.007169619848, // 106060 / 14792974
      },
      ['reactions', 'shares'],
    ],
    [
      'month 1',
      (row) => row.month === 1,
      { posts: 25, reach: 308_898, interactions: 4_015, engagementRateByReach: 0.01299781805 },
      [],
    ],
    [
      'month 9',
      (row) => row.month === 9,
      { posts: 36, reach: 282_589, shares: 1_315, interactions: 10_026 },
      ['shares'],
    ],
    [
      'month 10',
      (row) => row.month === 10,
      {
        posts: 60,
        reach: 591_885,
        impressions: 1_282_037,
        reactions: 9_239,
        shares: 1_373,
        interactions: 10_974,
        engagementRateByReach: 0.018540763831, // 10974 / 591885
        followers: 137_059,
        engagementRateByFollowers: 0.001334461801, // 10974 / 60 / 137059
      },
      ['reactions', 'shares'],
    ],
    [
      'type Video',
      (row) => row.type === 'Video',
      {
        posts: 7,
        reach: 358_440,
        impressions: 718_357,
        interactions: 2_071,
        engagementRateByReach: 0.005777814976, // 2071 / 358440
        engagementRateByImpressions: 0.002882967661, // 2071 / 718357
      },
      [],
    ],
  ])('%s: hand-checked figures', (_label, filter, expectedValues, partialCounts) => {
    const { values, partial } = viaPackage(rows.filter(filter));
    for (const [key, value] of Object.entries(expectedValues) as [KpiKey, number][]) {
      if (Number.isInteger(value)) expect(values[key]).toBe(value);
      else expect(values[key]).toBeCloseTo(value, 11);
    }
    expect(partial.filter((key) => ['reactions', 'shares', 'comments'].includes(key))).toEqual(
      partialCounts,
    );
  });

  it('uses the ratio of sums, not the mean of per-post rates (1.53 % vs 2.41 %)', () => {
    const perPost = rows.map(
      (row) => ((row.like ?? 0) + (row.comment ?? 0) + (row.share ?? 0)) / (row.reach ?? 0),
    );
    const meanOfRates = perPost.reduce((total, rate) => total + rate, 0) / perPost.length;
    expect(meanOfRates).toBeCloseTo(0.0240705155, 9);
    expect(viaPackage(rows).values.engagementRateByReach).toBeCloseTo(0.015256743694, 11);
  });

  it('flags the 4 posts whose reach exceeds their impressions (all in January)', () => {
    const flagged = rows
      .map((row, index) => ({ index, row, warnings: checkCounts(toCounts(row)) }))
      .filter(({ warnings }) => warnings.includes('reachExceedsImpressions'));
    // 0-based data rows; file lines 478, 479, 484, 494 (line 1 is the header)
    expect(flagged.map(({ index }) => index)).toEqual([476, 477, 482, 492]);
    expect(flagged.map(({ row }) => [row.type, row.reach, row.impressions])).toEqual([
      ['Photo', 37_088, 10_966],
      ['Link', 39_600, 7_927],
      ['Photo', 66_784, 9_456],
      ['Link', 45_920, 5_808],
    ]);
    // Summed over the period the anomaly disappears, so the period result carries no warning.
    expect(viaPackage(rows).warnings).toEqual([]);
  });
});
