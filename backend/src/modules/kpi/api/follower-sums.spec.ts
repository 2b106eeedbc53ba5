import { computeKpis } from '@vigie/kpi';
import { flagGrowth, sumFollowers } from './follower-sums';

describe('sumFollowers (brand = Σ accounts)', () => {
  it('sums accounts that all have a start and an end', () => {
    expect(sumFollowers([{ start: 1000, end: 1100 }, { start: 500, end: 550 }])).toEqual({ start: 1500, end: 1650, partial: false });
  });

  it('counts an account without a start as unchanged, never its whole audience as new followers', () => {
    // FB 1000 → 1100; X first seen inside the period, 260 at the end: start = 1000 + 260.
    const b = sumFollowers([{ start: 1000, end: 1100 }, { start: null, end: 260 }, { start: null, end: null }]);
    expect(b).toEqual({ start: 1260, end: 1360, partial: true });
    const k = flagGrowth(computeKpis({ counts: {}, followersStart: b.start, followersEnd: b.end }), b.partial);
    expect(k.values.netFollowers).toBe(100);
    expect(k.values.followerGrowthRate).toBeCloseTo(100 / 1260, 12);
    expect(k.partial).toEqual(expect.arrayContaining(['netFollowers', 'followerGrowthRate']));
    expect(k.partial).not.toContain('followers');
  });

  it('has no start when no account has one, and nothing when no account has an end', () => {
    expect(sumFollowers([{ start: null, end: 1000 }, { start: null, end: 50 }])).toEqual({ start: null, end: 1050, partial: false });
    expect(sumFollowers([{ start: null, end: null }])).toEqual({ start: null, end: null, partial: false });
    expect(sumFollowers([])).toEqual({ start: null, end: null, partial: false });
    // A missing growth is reported missing, not partial.
    const k = flagGrowth(computeKpis({ counts: {}, followersStart: null, followersEnd: 1050 }), true);
    expect(k.missing).toContain('netFollowers');
    expect(k.partial).not.toContain('netFollowers');
  });
});
