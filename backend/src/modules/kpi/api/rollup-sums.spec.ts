import { sumCounts } from '@vigie/kpi';
import type { RollupSumRow } from '../kpi-reads.repository';
import { recordSums, rollupSums } from './rollup-sums';

const row = (over: Partial<RollupSumRow>): RollupSumRow => ({
  posts: 0,
  impressions: 0, impressions_known: 0, reach: 0, reach_known: 0,
  reactions: 0, reactions_known: 0, comments: 0, comments_known: 0,
  shares: 0, shares_known: 0, saves: 0, saves_known: 0,
  clicks: 0, clicks_known: 0, video_views: 0, video_views_known: 0,
  ...over,
});

describe('rollupSums', () => {
  it('matches sumCounts over the same three posts (known / partial / missing)', () => {
    const posts = [
      { posts: 1, reach: 100, reactions: 5, comments: null },
      { posts: 1, reach: 50, reactions: null, comments: null },
      { posts: 1, reach: 10, reactions: 2, comments: null },
    ];
    // What the rollup holds for them: sums and how many posts carried each metric.
    const fromRollup = rollupSums(
      row({ posts: '3', reach: '160', reach_known: 3, reactions: '7', reactions_known: 2, comments_known: 0 }),
    );
    const direct = sumCounts(posts);
    expect(fromRollup.counts.reach).toBe(160);
    expect(fromRollup.counts.reactions).toBe(7);
    expect(fromRollup.counts.comments).toBeNull();
    expect(fromRollup.partial).toEqual(['reactions']);
    expect(direct.counts.reach).toBe(160);
    expect(direct.partial).toContain('reactions');
    expect(fromRollup.counts.saves).toBeNull(); // like a Facebook page: never provided
  });

  it('a period without posts has zero counts, not missing ones', () => {
    const sums = rollupSums(undefined);
    expect(sums.counts.posts).toBe(0);
    expect(sums.counts.reach).toBe(0);
    expect(sums.counts.conversions).toBeNull(); // not a post metric
    expect(sums.partial).toEqual([]);
  });
});

describe('recordSums', () => {
  it('keeps absent keys null and drops partial flags on them', () => {
    const sums = recordSums({ sentimentPositive: 3, sentimentNegative: 0 }, ['sentimentPositive', 'brandMentions']);
    expect(sums.counts.sentimentNegative).toBe(0);
    expect(sums.counts.brandMentions).toBeNull();
    expect(sums.partial).toEqual(['sentimentPositive']);
  });
});
