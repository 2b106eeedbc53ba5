import { countsFromGains, followerRows, historyWindows, inHistoryRange, utcMidnightDaysBefore } from './follower-history';

describe('follower history helpers', () => {
  it('rebuilds end-of-day counts backwards from the current count', () => {
    // 1000 now; gains 5 (06-01), 3 (06-02), 2 (06-03) → 06-03: 1000, 06-02: 1000−2, 06-01: 998−3.
    const gains = [
      { day: '2025-06-02', value: 3 },
      { day: '2025-06-01', value: 5 },
      { day: '2025-06-03', value: 2 },
    ];
    expect(countsFromGains(1000, gains)).toEqual([
      { day: '2025-06-01', value: 995 },
      { day: '2025-06-02', value: 998 },
      { day: '2025-06-03', value: 1000 },
    ]);
    expect(countsFromGains(1000, [])).toEqual([]);
  });

  it('keeps the days that start in [since, until)', () => {
    const since = new Date('2025-03-01T00:00:00Z');
    const until = new Date('2025-03-05T00:00:00Z');
    expect(['2025-02-28', '2025-03-01', '2025-03-04', '2025-03-05'].filter((d) => inHistoryRange(d, since, until))).toEqual([
      '2025-03-01',
      '2025-03-04',
    ]);
    // until in the middle of a day: that day started before it, so it is in.
    expect(inHistoryRange('2025-03-05', since, new Date('2025-03-05T10:00:00Z'))).toBe(true);
  });

  it('cuts a span into windows of at most the given length', () => {
    const w = historyWindows(new Date('2025-01-01T00:00:00Z'), new Date('2025-04-15T00:00:00Z'), 90 * 86_400_000);
    expect(w.map((x) => [x.since.toISOString().slice(0, 10), x.until.toISOString().slice(0, 10)])).toEqual([
      ['2025-01-01', '2025-04-01'],
      ['2025-04-01', '2025-04-15'],
    ]);
    expect(historyWindows(new Date('2025-01-02T00:00:00Z'), new Date('2025-01-01T00:00:00Z'), 1000)).toEqual([]);
  });

  it('dates from midnight and sorts rows oldest first', () => {
    expect(utcMidnightDaysBefore(new Date('2025-03-10T17:45:00Z'), 29).toISOString()).toBe('2025-02-09T00:00:00.000Z');
    expect(followerRows([{ day: '2025-01-02', value: 2 }, { day: '2025-01-01', value: 1 }])).toEqual([
      { day: '2025-01-01', followers: 1, following: null, postsCount: null },
      { day: '2025-01-02', followers: 2, following: null, postsCount: null },
    ]);
  });
});
