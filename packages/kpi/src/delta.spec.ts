import { delta } from './delta';

describe('delta(current, previous)', () => {
  it.each([
    [120, 100, 20, 0.2],
    [80, 100, -20, -0.2],
    [100, 100, 0, 0],
    [0, 50, -50, -1],
    // ratios: absolute change in fraction points
    [0.15, 0.125, 0.025, 0.2],
    // negative base (net followers −50 → +25): relative uses |previous|
    [25, -50, 75, 1.5],
    [-100, -50, -50, -1],
  ])('delta(%p, %p) = { absolute: %p, relative: %p }', (current, previous, absolute, relative) => {
    const result = delta(current, previous);
    expect(result.absolute).toBeCloseTo(absolute, 12);
    expect(result.relative).toBeCloseTo(relative, 12);
  });

  it.each([
    [10, 0, { absolute: 10, relative: null }],
    [0, 0, { absolute: 0, relative: null }],
    [10, null, { absolute: null, relative: null }],
    [null, 10, { absolute: null, relative: null }],
    [null, null, { absolute: null, relative: null }],
  ])('delta(%p, %p) = %j (no relative change from 0 or null)', (current, previous, expected) => {
    expect(delta(current, previous)).toEqual(expected);
  });
});
