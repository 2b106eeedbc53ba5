import { median, percentile } from './stats';

describe('median', () => {
  it.each([
    [[3, 1, 2], 2],
    [[5, 8, 12, 30, 60], 12],
    [[1, 2, 3, 4], 2.5],
    [[10, 4, 6, 8], 7],
    [[7], 7],
    [[2, 2], 2],
    [[], null],
  ])('median(%j) = %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile (linear interpolation between ranks)', () => {
  it.each([
    // rank = p/100 × (n − 1): [1..10] p90 → rank 8.1 → 9 + 0.1 × (10 − 9)
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9.1],
    // [5, 8, 12, 30, 60] p90 → rank 3.6 → 30 + 0.6 × 30
    [[60, 5, 30, 8, 12], 90, 48],
    // [10, 20, 30] p90 → rank 1.8 → 20 + 0.8 × 10
    [[30, 10, 20], 90, 28],
    // even list [10, 20, 30, 40] p90 → rank 2.7 → 30 + 0.7 × 10
    [[40, 10, 30, 20], 90, 37],
    [[5], 90, 5],
    [[4, 9, 1], 0, 1],
    [[4, 9, 1], 100, 9],
    [[4, 9, 1], 50, 4],
    [[], 90, null],
  ])('percentile(%j, %p) = %p', (values, p, expected) => {
    const result = percentile(values, p);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 10);
  });

  it.each([[-1], [101], [Number.NaN]])('rejects p = %p', (p) => {
    expect(() => percentile([1, 2], p)).toThrow(RangeError);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])('rejects a non-finite value %p', (bad) => {
    expect(() => median([1, bad, 3])).toThrow(RangeError);
  });
});
