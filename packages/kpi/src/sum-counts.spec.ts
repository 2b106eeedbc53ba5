import { mergeCountSums, sumCounts, type CountRecord } from './sum-counts';

describe('sumCounts', () => {
  it('adds each count over the rows', () => {
    const { counts, partial } = sumCounts([
      { posts: 1, reach: 100, reactions: 7, comments: 2 },
      { posts: 1, reach: 50, reactions: 3, comments: 0 },
      { posts: 1, reach: 25, reactions: 0, comments: 1 },
    ]);
    expect(counts.posts).toBe(3);
    expect(counts.reach).toBe(175);
    expect(counts.reactions).toBe(10);
    expect(counts.comments).toBe(3);
    expect(partial).toEqual([]);
  });

  it.each<[string, CountRecord[], number | null, boolean]>([
    ['only nulls', [{ shares: null }, { shares: null }], null, false],
    ['absent everywhere', [{ posts: 1 }, { posts: 1 }], null, false],
    ['no rows', [], null, false],
    ['null + 5', [{ shares: null }, { shares: 5 }], 5, true],
    ['absent + 5 + 2', [{}, { shares: 5 }, { shares: 2 }], 7, true],
    ['zeros stay zero', [{ shares: 0 }, { shares: 0 }], 0, false],
    ['0 + null', [{ shares: 0 }, { shares: null }], 0, true],
  ])('%s → %p (partial: %p)', (_label, rows, total, isPartial) => {
    const { counts, partial } = sumCounts(rows);
    expect(counts.shares).toBe(total);
    expect(partial.includes('shares')).toBe(isPartial);
  });

  it('lists partial keys in key order', () => {
    const { partial } = sumCounts([
      { saves: 1, reach: null, posts: 1 },
      { saves: null, reach: 4, posts: 1 },
    ]);
    expect(partial).toEqual(['reach', 'saves']);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])('throws on %p', (bad) => {
    expect(() => sumCounts([{ reach: 1 }, { reach: bad }])).toThrow(/reach/);
  });

  it('does not mutate the rows', () => {
    const rows: CountRecord[] = [{ reach: 1 }, { reach: null }];
    const copy = JSON.parse(JSON.stringify(rows)) as CountRecord[];
    sumCounts(rows);
    expect(rows).toEqual(copy);
  });
});

describe('mergeCountSums', () => {
  it('adds sources without flagging keys a source does not carry', () => {
    const posts = sumCounts([
      { posts: 1, reach: 100, shares: 2 },
      { posts: 1, reach: 40, shares: null },
    ]);
    const mentions = sumCounts([
      { brandMentions: 3, sentimentPositive: 2 },
      { brandMentions: 4, sentimentPositive: 1 },
    ]);
    const inbox = sumCounts([{ communityRequests: 5, communityRequestsAnswered: 4 }]);
    const { counts, partial } = mergeCountSums(posts, mentions, inbox);
    expect(counts).toMatchObject({
      posts: 2,
      reach: 140,
      shares: 2,
      brandMentions: 7,
      sentimentPositive: 3,
      communityRequests: 5,
      communityRequestsAnswered: 4,
      saves: null,
    });
    expect(partial).toEqual(['shares']);
  });

  it('adds a key carried by two sources (two channels of one brand)', () => {
    const merged = mergeCountSums(sumCounts([{ reach: 10 }]), sumCounts([{ reach: 5 }]));
    expect(merged.counts.reach).toBe(15);
    expect(merged.partial).toEqual([]);
  });

  it('merges nothing into all-null counts', () => {
    const { counts } = mergeCountSums();
    expect(Object.values(counts).every((value) => value === null)).toBe(true);
  });
});
