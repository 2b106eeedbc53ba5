import { bucketStart, seriesBuckets } from './series-buckets';

describe('bucketStart', () => {
  it.each([
    ['2025-03-05', 'day', '2025-03-05'],
    ['2025-03-05', 'week', '2025-03-03'], // a Wednesday → Monday 3
    ['2025-03-03', 'week', '2025-03-03'], // a Monday is its own week start
    ['2025-03-09', 'week', '2025-03-03'], // a Sunday closes the ISO week
    ['2025-01-01', 'week', '2024-12-30'], // weeks straddle years
    ['2024-02-29', 'month', '2024-02-01'],
  ] as const)('%s by %s → %s', (day, granularity, expected) => {
    expect(bucketStart(day, granularity)).toBe(expected);
  });
});

describe('seriesBuckets', () => {
  it('clips weeks to the period', () => {
    expect(seriesBuckets({ from: '2025-03-05', to: '2025-03-18' }, 'week')).toEqual([
      { key: '2025-03-03', from: '2025-03-05', to: '2025-03-09' },
      { key: '2025-03-10', from: '2025-03-10', to: '2025-03-16' },
      { key: '2025-03-17', from: '2025-03-17', to: '2025-03-18' },
    ]);
  });
  it('gives one bucket per month and per day', () => {
    expect(seriesBuckets({ from: '2024-01-31', to: '2024-03-01' }, 'month').map((b) => [b.from, b.to])).toEqual([
      ['2024-01-31', '2024-01-31'],
      ['2024-02-01', '2024-02-29'],
      ['2024-03-01', '2024-03-01'],
    ]);
    expect(seriesBuckets({ from: '2024-02-28', to: '2024-03-01' }, 'day')).toHaveLength(3);
  });
});
