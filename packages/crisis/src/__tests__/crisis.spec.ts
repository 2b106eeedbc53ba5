import { bucketMinutesFor, checkTransition, fillBuckets, peakAndDecline, recommend, slope, type CrisisFigures, type CrisisStage } from '..';

describe('checkTransition', () => {
  it.each<[CrisisStage, CrisisStage, boolean, string[]]>([
    ['watch', 'active', true, []],
    ['watch', 'closed', true, []],
    ['watch', 'contained', false, ['active', 'closed']],
    ['active', 'contained', true, []],
    ['active', 'closed', false, ['contained']],
    ['contained', 'active', true, []],
    ['contained', 'closed', true, []],
    ['closed', 'active', false, []],
    ['active', 'active', false, ['contained']],
  ])('%s → %s: ok=%s', (from, to, ok, allowed) => {
    const r = checkTransition(from, to);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.allowed).toEqual(allowed);
  });
});

describe('bucketMinutesFor', () => {
  it.each([
    [0, 1],
    [360, 1],
    [361, 5],
    [1440, 5],
    [1441, 15],
    [4320, 15],
    [4321, 60],
  ])('%i minutes → %i-minute buckets', (d, b) => expect(bucketMinutesFor(d)).toBe(b));
});

const T0 = Date.parse('2026-01-01T10:00:00.000Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const series = (counts: number[]) => fillBuckets(counts.map((c, i) => ({ start: at(i), count: c, negative: 0, reach: 0 })), T0, T0 + (counts.length - 1) * 60_000, 1);

describe('fillBuckets', () => {
  it('fills gaps with zeros and aligns on the bucket size', () => {
    const b = fillBuckets([{ start: at(10), count: 3, negative: 1, reach: 5 }], T0 + 7 * 60_000, T0 + 16 * 60_000, 5);
    expect(b).toEqual([
      { start: at(5), count: 0, negative: 0, reach: 0 },
      { start: at(10), count: 3, negative: 1, reach: 5 },
      { start: at(15), count: 0, negative: 0, reach: 0 },
    ]);
  });
});

describe('peakAndDecline', () => {
  it.each<[string, number[], number, { peak: number | null; decline: number | null }]>([
    ['no mention: nothing', [0, 0, 0], 1, { peak: null, decline: null }],
    ['peak then 30 quiet minutes (baseline 1/min → under 1.5)', [2, 10, 4, ...Array(30).fill(1)], 1, { peak: 1, decline: 3 }],
    ['quiet stretch interrupted: decline only after a full 30 min', [10, ...Array(20).fill(1), 5, ...Array(30).fill(0)], 1, { peak: 0, decline: 22 }],
    ['never back under 1.5× baseline', [10, ...Array(40).fill(2)], 1, { peak: 0, decline: null }],
    ['first of equal peaks', [5, 9, 9, 1], 1, { peak: 1, decline: null }],
    ['zero baseline: only silent minutes count', [3, ...Array(30).fill(0)], 0, { peak: 0, decline: 1 }],
  ])('%s', (_, counts, base, want) => {
    const r = peakAndDecline(series(counts), 1, base);
    expect(r.peak ? (Date.parse(r.peak.at) - T0) / 60_000 : null).toBe(want.peak);
    expect(r.decline ? (Date.parse(r.decline.at) - T0) / 60_000 : null).toBe(want.decline);
  });

  it('gives the ratio of the peak over one bucket of baseline', () => {
    expect(peakAndDecline(series([1, 8, 1]), 1, 2).peak).toEqual({ at: at(1), count: 8, ratio: 4 });
  });
});

describe('slope', () => {
  it.each([
    [[], 0],
    [[5], 0],
    [[1, 2, 3, 4], 1],
    [[4, 3, 2, 1], -1],
    [[2, 2, 2], 0],
  ])('%j → %d', (v, s) => expect(slope(v)).toBeCloseTo(s));
});

const base: CrisisFigures = {
  stage: 'active',
  lastHourPerMinute: Array(60).fill(1),
  baselinePerMinute: 1,
  lastHour: { count: 60, negative: 6 },
  baselineNegativeShare: 0.1,
  bigAccounts: { count: 0, maxFollowers: null, threshold: 10000 },
  lastStatement: null,
};

describe('recommend', () => {
  const rising = [...Array(30).fill(1), ...Array.from({ length: 30 }, (_, i) => 2 + i)];
  it.each<[string, Partial<CrisisFigures>, string[]]>([
    ['calm active crisis: consider contained', {}, ['stage.considerContained']],
    ['closed: nothing', { stage: 'closed', lastHour: { count: 60, negative: 50 } }, []],
    ['negative surge without statement', { lastHour: { count: 60, negative: 30 } }, ['negative.high', 'statement.none', 'stage.considerContained']],
    ['negative share under the lift', { lastHour: { count: 60, negative: 14 } }, ['stage.considerContained']],
    ['too few mentions to read a share', { lastHour: { count: 8, negative: 8 }, lastHourPerMinute: Array(60).fill(0) }, ['stage.considerContained']],
    ['big account', { bigAccounts: { count: 2, maxFollowers: 120000, threshold: 10000 } }, ['bigAccounts.involved', 'statement.none', 'stage.considerContained']],
    ['rising, 10× baseline', { lastHourPerMinute: rising, lastHour: { count: sum(rising), negative: 0 } }, ['statement.none', 'volume.rising', 'volume.aboveBaseline']],
    ['decaying', { lastHourPerMinute: [...Array(30).fill(5), ...Array(30).fill(1)], lastHour: { count: 180, negative: 0 } }, ['statement.none', 'volume.aboveBaseline', 'volume.decaying']],
    [
      'statement badly received',
      { lastStatement: { postedAt: at(0), before: { count: 40, negative: 8 }, after: { count: 40, negative: 20 } } },
      ['statement.badReception', 'stage.considerContained'],
    ],
    [
      'statement well received',
      { lastStatement: { postedAt: at(0), before: { count: 40, negative: 20 }, after: { count: 40, negative: 4 } } },
      ['statement.goodReception', 'stage.considerContained'],
    ],
  ])('%s', (_, patch, keys) => {
    expect(recommend({ ...base, ...patch }).map((r) => r.key)).toEqual(keys);
  });

  it('cites its numbers in both languages', () => {
    const [r] = recommend({ ...base, lastHour: { count: 60, negative: 30 } });
    expect(r).toMatchObject({ key: 'negative.high', params: { negativeShare: 0.5, baselineNegativeShare: 0.1, count: 60 } });
    expect(r!.text.fr).toContain('50 %');
    expect(r!.text.fr).toContain('60 mentions');
    expect(r!.text.en).toContain('50%');
    expect(r!.text.en).toContain('10%');
  });

  it('writes decimals and thousands as each language does', () => {
    const figures = { ...base, bigAccounts: { count: 1, maxFollowers: 120000, threshold: 10000 }, lastHourPerMinute: [...Array(58).fill(1), 1.5, 2.2] };
    const texts = recommend({ ...figures, lastHour: { count: 78, negative: 0 } }); // 1.3× the usual minute rate
    const big = texts.find((r) => r.key === 'bigAccounts.involved')!;
    // French groups thousands with a narrow no-break space; English with a comma.
    expect(big.text.fr).toContain('10\u202f000 abonnés');
    expect(big.text.fr).toContain('120\u202f000');
    expect(big.text.en).toContain('over 10,000 followers');
    const ratio = texts.find((r) => r.key === 'volume.aboveBaseline' || r.key === 'stage.considerContained')!;
    expect(ratio.text.fr).toMatch(/\d,\d×/);
    expect(ratio.text.en).toMatch(/\d\.\d×/);
  });
});

function sum(xs: number[]) {
  return xs.reduce((a, b) => a + b, 0);
}
