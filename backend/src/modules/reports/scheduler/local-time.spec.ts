import { dueMonth, localTime } from './local-time';

describe('report schedule in the workspace time zone', () => {
  it.each([
    // 1 March 2025 06:00 in Paris is 05:00 UTC (winter time)
    ['2025-03-01T05:00:00Z', 'Europe/Paris', { month: '2025-03', day: 1, hour: 6 }],
    // 1 July 2025 06:00 in Paris is 04:00 UTC (summer time)
    ['2025-07-01T04:00:00Z', 'Europe/Paris', { month: '2025-07', day: 1, hour: 6 }],
    // still 30 June in Montreal
    ['2025-07-01T03:30:00Z', 'America/Montreal', { month: '2025-06', day: 30, hour: 23 }],
  ])('%s in %s', (iso, tz, expected) => {
    expect(localTime(new Date(iso), tz)).toEqual(expected);
  });

  it('is due on the 1st only, for the previous month (January → December)', () => {
    expect(dueMonth(new Date('2025-01-01T05:00:00Z'), 'Europe/Paris')).toEqual({ month: '2024-12', hour: 6 });
    expect(dueMonth(new Date('2025-01-02T05:00:00Z'), 'Europe/Paris')).toBeNull();
    // 31 Dec 23:30 UTC is already 1 Jan 00:30 in Paris
    expect(dueMonth(new Date('2024-12-31T23:30:00Z'), 'Europe/Paris')).toEqual({ month: '2024-12', hour: 0 });
  });
});
