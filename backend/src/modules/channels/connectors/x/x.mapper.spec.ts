import { JsonReader } from '../json-reader';
import { fixture } from '../__tests__/fixture-server';
import { mapXMention, mapXReply, mapXTweet, xUsersById } from './x.mapper';

const self = { externalId: '2244994945', handle: 'TwitterDev', displayName: null, followers: null };

describe('X mappers (recorded API v2 responses)', () => {
  const tweets = JsonReader.root(fixture('x', 'user_tweets.json'), 'x').get('data').arr();
  it.each([
    [0, '1364275610764201984', '2021-02-23T18:07:07.000Z', 37, 2, 11],
    [1, '1362876655061073928', '2021-02-19T21:28:10.000Z', 58, 7, 22],
    [4, '1362439336910675970', '2021-02-18T16:30:25.000Z', 74, 9, 19],
  ])('tweet %i', (i, id, at, likes, replies, shares) => {
    const p = mapXTweet(tweets[i], new Map(), self);
    expect(p).toMatchObject({ externalId: id, publishedAt: at, permalink: `https://x.com/TwitterDev/status/${id}` });
    expect(p.metrics).toEqual({ impressions: null, reach: null, reactions: likes, comments: replies, shares, saves: null, clicks: null, videoViews: null });
    // No impression_count in this older payload: no definition either.
    expect(p.impressionsDefinition).toBeNull();
  });

  it('reads impression_count and bookmark_count when present', () => {
    const t = JsonReader.root(fixture('x', 'tweets_with_impressions.json'), 'x').get('data').arr()[0];
    const p = mapXTweet(t, new Map(), null);
    expect(p.metrics).toMatchObject({ impressions: 0, saves: 0, shares: 49, reactions: 0 });
    expect(p.impressionsDefinition).toBe('impressions');
    expect(p.permalink).toBe('https://x.com/i/web/status/1724975633908789418');
  });

  it('maps recent search results with their expanded authors', () => {
    const body = JsonReader.root(fixture('x', 'search_recent.json'), 'x');
    const users = xUsersById(body);
    const m = mapXMention(body.get('data').arr()[0], users);
    expect(m).toMatchObject({ externalId: '1276035977375477760', source: 'x', author: { externalId: '63046977', handle: 'happycamper', displayName: 'Emily Waligoske 🏕' } });
    expect(m.permalink).toBe('https://x.com/happycamper/status/1276035977375477760');
    const reply = mapXReply(body.get('data').arr()[0], '1275653067283759104', users, '63046977');
    expect(reply).toMatchObject({ parentExternalId: null, isFromBrand: true, postExternalId: '1275653067283759104' });
  });
});
