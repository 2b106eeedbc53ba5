import { JsonReader } from '../json-reader';
import { sharedSample } from '../__tests__/fixture-server';
import { flattenRedditComments, mapRedditLink, mapRedditMention } from './reddit.mapper';

describe('Reddit mappers', () => {
  const listing = JsonReader.root(sharedSample('reddit/r_rust_top_week_listing.json'), 'reddit');

  it('maps the recorded r/rust link (score 567, 80 comments)', () => {
    const p = mapRedditLink(listing.at('data.children').arr()[0]);
    expect(p).toMatchObject({
      externalId: 'fbenua',
      publishedAt: '2020-02-29T16:10:51.000Z',
      contentType: 'link',
      text: 'A half-hour to learn Rust',
      permalink: 'https://www.reddit.com/r/rust/comments/fbenua/a_halfhour_to_learn_rust/',
      author: { externalId: 't2_2stz', handle: 'koavf' },
    });
    expect(p.metrics).toEqual({ impressions: null, reach: null, reactions: 567, comments: 80, shares: 1, saves: null, clicks: null, videoViews: null });
    expect(mapRedditMention(listing.at('data.children').arr()[0]).source).toBe('reddit:r/rust');
  });

  it('flattens a comment tree, skipping `more` stubs', () => {
    const tree = {
      kind: 'Listing',
      data: {
        children: [
          {
            kind: 't1',
            data: {
              id: 'c1', author: 'alice', body: 'Top', created_utc: 1700000000, parent_id: 't3_p', score: 4,
              replies: { kind: 'Listing', data: { children: [{ kind: 't1', data: { id: 'c2', author: 'BrandUser', body: 'Merci', created_utc: 1700000100, parent_id: 't1_c1', score: 2, replies: '' } }, { kind: 'more', data: { count: 3 } }] } },
            },
          },
        ],
      },
    };
    const out = flattenRedditComments(JsonReader.root(tree, 'r'), 'p', 'branduser');
    expect(out.map((c) => [c.externalId, c.parentExternalId, c.isFromBrand, c.likes])).toEqual([
      ['c1', null, false, 4],
      ['c2', 'c1', true, 2],
    ]);
    expect(out[0].publishedAt).toBe('2023-11-14T22:13:20.000Z');
  });
});
