import { reconstructDates } from './uci-dates';

describe('reconstructDates (UCI month/weekday/hour, newest row first)', () => {
  it('walks from the oldest row, first matching weekday not before the previous post', () => {
    // File order (newest first). 2014-01-01 was a Wednesday (weekday 4 with 1 = Sunday).
    const rows = [
      { month: 2, weekday: 1, hour: 9 }, // first Sunday of February: Feb 2
      { month: 1, weekday: 5, hour: 8 }, // Thursday on/after Jan 1: Jan 2
      { month: 1, weekday: 4, hour: 10 }, // same Wednesday, later hour: Jan 1
      { month: 1, weekday: 4, hour: 3 }, // oldest: Wednesday Jan 1
    ];
    const r = reconstructDates(rows, 2014, 'UTC');
    expect(r.dates).toEqual([
      '2014-02-02T09:00:00.000Z',
      '2014-01-02T08:00:00.000Z',
      '2014-01-01T10:00:00.000Z',
      '2014-01-01T03:00:00.000Z',
    ]);
    expect(r.adjusted).toBe(0);
  });

  it('moves a same-day post at an earlier hour to the next week, and reads hours in the workspace zone', () => {
    const r = reconstructDates(
      [
        { month: 1, weekday: 4, hour: 3 }, // newer but earlier hour than the previous post on Jan 1 → Jan 8
        { month: 1, weekday: 4, hour: 10 },
      ],
      2014,
      'Europe/Paris',
    );
    expect(r.dates).toEqual(['2014-01-08T02:00:00.000Z', '2014-01-01T09:00:00.000Z']);
    expect(r.adjusted).toBe(1);
  });

  it('clamps to the last matching weekday when the month runs out', () => {
    // Oldest first: Fridays at decreasing hours walk Jan 3, 10, 17, 24, 31; then a Thursday of
    // January can only be the last one, Jan 30 (clamped).
    const oldestFirst = [5, 4, 3, 2, 1].map((hour) => ({ month: 1, weekday: 6, hour })).concat([{ month: 1, weekday: 5, hour: 0 }]);
    const r = reconstructDates([...oldestFirst].reverse(), 2014, 'UTC');
    expect([...r.dates].reverse()).toEqual([
      '2014-01-03T05:00:00.000Z',
      '2014-01-10T04:00:00.000Z',
      '2014-01-17T03:00:00.000Z',
      '2014-01-24T02:00:00.000Z',
      '2014-01-31T01:00:00.000Z',
      '2014-01-30T00:00:00.000Z',
    ]);
    expect(r.adjusted).toBe(5);
  });
});
