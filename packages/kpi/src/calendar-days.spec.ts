import { addDays, isCalendarDay, monthPeriod, periodLength, previousMonth, previousPeriod } from './calendar-days';

/**
 * The rows below write a period as an ISO 8601 interval of days, 'YYYY-MM-DD/YYYY-MM-DD',
 * so that each row reads "period → previous period" rather than four loose days.
 */
function interval(text: string): { from: string; to: string } {
  const days = text.split('/');
  if (days.length !== 2) throw new Error(`not an interval: ${text}`);
  return { from: days[0], to: days[1] };
}

describe('previousPeriod(from, to)', () => {
  it.each([
    // 31 days of March 2025 → 31 days ending on 28 Feb (non-leap)
    ['2025-03-01/2025-03-31', '2025-01-29/2025-02-28'],
    // leap year: the 31 days before March 2024 include 29 Feb
    ['2024-03-01/2024-03-31', '2024-01-30/2024-02-29'],
    ['2024-03-01/2024-03-01', '2024-02-29/2024-02-29'],
    ['2025-03-01/2025-03-01', '2025-02-28/2025-02-28'],
    // century rules: 2000 is leap, 1900 is not
    ['2000-03-01/2000-03-01', '2000-02-29/2000-02-29'],
    ['1900-03-01/1900-03-01', '1900-02-28/1900-02-28'],
    // February 2024 (29 days) → 3..31 January
    ['2024-02-01/2024-02-29', '2024-01-03/2024-01-31'],
    // across the new year
    ['2025-01-01/2025-01-07', '2024-12-25/2024-12-31'],
    ['2024-12-30/2025-01-05', '2024-12-23/2024-12-29'],
    // month boundary, 30-day month: 1..30 April → 2..31 March
    ['2025-04-01/2025-04-30', '2025-03-02/2025-03-31'],
    // whole years: 366 days of 2024 → 2022-12-31..2023-12-31
    ['2023-01-01/2023-12-31', '2022-01-01/2022-12-31'],
    ['2024-01-01/2024-12-31', '2022-12-31/2023-12-31'],
  ])('%s → %s', (period, expected) => {
    const { from, to } = interval(period);
    const previous = previousPeriod(from, to);
    expect(previous).toEqual(interval(expected));
    expect(periodLength(previous.from, previous.to)).toBe(periodLength(from, to));
  });

  it.each([
    '2025-02-29/2025-03-01',
    '2025-13-01/2025-13-02',
    '2025-1-01/2025-01-02',
    '2025-01-01T00:00/2025-01-02',
    '2025-04-31/2025-05-01',
  ])('rejects an invalid day in %s', (period) => {
    const { from, to } = interval(period);
    expect(() => previousPeriod(from, to)).toThrow(RangeError);
  });

  it('rejects a period that ends before it starts', () => {
    expect(() => previousPeriod('2025-03-02', '2025-03-01')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-03-31', -31, '2025-02-28'],
    ['2024-01-15', 0, '2024-01-15'],
  ])('addDays(%s, %p) = %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });

  it('agrees with Date.UTC day by day from 1899 to 2101', () => {
    // Independent check (the test may use Date; the package may not).
    let day = '1899-12-25';
    let utc = Date.UTC(1899, 11, 25);
    for (let i = 0; i < 74_000; i += 1) {
      expect(day).toBe(new Date(utc).toISOString().slice(0, 10));
      day = addDays(day, 1);
      utc += 86_400_000;
    }
  });
});

describe('monthPeriod / previousMonth', () => {
  it.each([
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2025-04', '2025-04-01', '2025-04-30'],
    ['2025-12', '2025-12-01', '2025-12-31'],
  ])('monthPeriod(%s) = %s..%s', (month, from, to) => {
    expect(monthPeriod(month)).toEqual({ from, to });
  });

  it.each([
    ['2025-01', '2024-12'],
    ['2025-03', '2025-02'],
    ['2025-10', '2025-09'],
  ])('previousMonth(%s) = %s', (month, expected) => {
    expect(previousMonth(month)).toBe(expected);
  });

  it.each([['2025-13'], ['2025-00'], ['2025-1'], ['202501']])('rejects %s', (month) => {
    expect(() => monthPeriod(month)).toThrow(RangeError);
  });
});

describe('isCalendarDay', () => {
  it.each([
    ['2025-02-28', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-12-31', true],
    ['0001-01-01', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2025-02-30', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-2-3', false],
    ['2025-01-01T00:00', false],
    [' 2025-01-01', false],
    ['', false],
    [null, false],
    [undefined, false],
    [20250101, false],
  ])('isCalendarDay(%p) = %p', (value, expected) => {
    expect(isCalendarDay(value)).toBe(expected);
  });
});
