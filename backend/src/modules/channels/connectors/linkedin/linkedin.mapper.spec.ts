import { countsFromGains } from '../follower-history';
import { JsonReader } from '../json-reader';
import { fixture } from '../__tests__/fixture-server';
import { mapLinkedinFollowerGains } from './linkedin.mapper';

describe('mapLinkedinFollowerGains (organizationalEntityFollowerStatistics, DAY)', () => {
  const body = JsonReader.root(fixture('linkedin', 'follower_statistics_day.json'), 'linkedin follower history');

  it('gives organic + paid per UTC day of timeRange.start (a loss stays negative, a missing part counts 0)', () => {
    expect(mapLinkedinFollowerGains(body)).toEqual([
      { day: '2025-06-01', value: 5 },
      { day: '2025-06-02', value: -2 },
      { day: '2025-06-03', value: 12 },
      { day: '2025-06-04', value: 6 },
    ]);
  });

  it('walks back to end-of-day counts from the current size', () => {
    // 5000 now: 06-04 5000; 06-03 5000−6 = 4994; 06-02 4994−12 = 4982; 06-01 4982−(−2) = 4984.
    expect(countsFromGains(5000, mapLinkedinFollowerGains(body)).map((c) => c.value)).toEqual([4984, 4982, 4994, 5000]);
  });
});
