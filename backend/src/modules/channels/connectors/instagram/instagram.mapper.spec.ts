import { JsonReader } from '../json-reader';
import { readInsightValues } from '../meta-graph';
import { fixture, sharedSample } from '../__tests__/fixture-server';
import { applyInstagramInsights, mapInstagramComments, mapInstagramFollowerHistory, mapInstagramMedia } from './instagram.mapper';

const owner = { id: '17841406338772941', username: 'facebookfordevelopers' };
const media = (file: string) => JsonReader.root(fixture('instagram', file), 'ig').get('data').arr();

describe('mapInstagramMedia (recorded media pages)', () => {
  it.each([
    [media('media_p1.json')[1], '17896622936197745', '2021-08-13T08:02:40.000Z', 'photo', 2, 6],
    [media('media_p2.json')[0], '17896129349106152', '2021-07-26T10:45:20.000Z', 'carousel', 1, 0],
    [
      JsonReader.root(fixture('instagram', 'discovery_media_p1.json'), 'ig').at('business_discovery.media.data').arr()[0],
      '17885103395504675',
      '2021-08-17T19:00:42.000Z',
      'photo',
      87,
      11,
    ],
  ])('row %#', (m, id, at, type, likes, comments) => {
    const p = mapInstagramMedia(m, owner);
    expect([p.externalId, p.publishedAt, p.contentType]).toEqual([id, at, type]);
    expect(p.metrics).toEqual({ impressions: null, reach: null, reactions: likes, comments, shares: null, saves: null, clicks: null, videoViews: null });
    expect(p.sourceMetrics).toEqual({ like_count: likes, comments_count: comments });
  });

  it('keeps the caption and the permalink', () => {
    const p = mapInstagramMedia(media('media_p2.json')[0], owner);
    expect(p.text).toBe('ALBUM');
    expect(p.permalink).toBe('https://www.instagram.com/p/CRyZpmrjYC4/');
  });
});

describe('Instagram insights', () => {
  it('reads the recorded legacy insights as impressions', () => {
    const raw = readInsightValues(JsonReader.root(fixture('instagram', 'insights_legacy.json'), 'i'));
    expect(raw).toEqual({ impressions: 8, reach: 5, saved: 0 });
    const p = applyInstagramInsights(mapInstagramMedia(media('media_p1.json')[0], owner), raw);
    expect(p.metrics).toMatchObject({ impressions: 8, reach: 5, saves: 0, shares: null });
    expect(p.impressionsDefinition).toBe('impressions');
  });

  it('uses views after the 2025 change, also as video views for reels', () => {
    const reel = mapInstagramMedia(
      JsonReader.root({ id: '1', timestamp: '2025-06-01T10:00:00+0000', media_type: 'VIDEO', media_product_type: 'REELS', like_count: 3 }, 'i'),
      owner,
    );
    const p = applyInstagramInsights(reel, { views: 1200, reach: 900, saved: 4, shares: 2 });
    expect(p.contentType).toBe('reel');
    expect(p.metrics).toMatchObject({ impressions: 1200, videoViews: 1200, reach: 900, saves: 4, shares: 2, reactions: 3, comments: null });
    expect(p.impressionsDefinition).toBe('views');
  });

  it('reads a v18+ total_value insight (recorded profile_activity)', () => {
    const raw = readInsightValues(JsonReader.root(sharedSample('instagram_graph/medias/insights_new.json'), 'i'));
    expect(raw).toEqual({ profile_activity: 11 });
  });
});

describe('mapInstagramComments', () => {
  it('flattens replies under their comment and marks the brand by username', () => {
    const c = JsonReader.root(
      {
        id: '17858154961981086',
        text: 'Beautiful!',
        timestamp: '2020-06-01T10:56:52+0000',
        username: 'lixiangguodu123',
        like_count: 0,
        replies: { data: [{ timestamp: '2020-08-07T03:30:06+0000', text: '@lixiangguodu123 nihao', id: '17847314687296283', username: 'FacebookForDevelopers' }] },
      },
      'c',
    );
    const out = mapInstagramComments(c, 'm1', { id: null, username: 'facebookfordevelopers' });
    expect(out.map((x) => [x.externalId, x.parentExternalId, x.isFromBrand])).toEqual([
      ['17858154961981086', null, false],
      ['17847314687296283', '17858154961981086', true],
    ]);
    expect(out[1].publishedAt).toBe('2020-08-07T03:30:06.000Z');
  });

  it('maps the recorded comment objects', () => {
    const rec = fixture<Record<string, unknown>>('instagram', 'comments_by_id.json');
    const out = mapInstagramComments(JsonReader.root(rec['17892250648466172'], 'c'), 'm', { id: null, username: 'brand' });
    expect(out).toEqual([
      {
        externalId: '17892250648466172',
        postExternalId: 'm',
        parentExternalId: null,
        author: { externalId: 'ikroskun', handle: 'ikroskun', displayName: null, followers: null },
        text: '@ikroskun  Hey, guys',
        publishedAt: '2020-02-24T09:15:16.000Z',
        isFromBrand: false,
        likes: 1,
      },
    ]);
  });
});

describe('mapInstagramFollowerHistory (follower_count = new followers per day)', () => {
  it('walks back from the current count: a day ends with current minus the gains of the later days', () => {
    const body = JsonReader.root(fixture('instagram', 'follower_count_day.json'), 'instagram follower history');
    // gains: 06-01 +12, 06-02 +7, 06-03 +0, 06-04 +21; followers_count now 5000.
    // 06-04: 5000; 06-03: 5000−21 = 4979; 06-02: 4979−0 = 4979; 06-01: 4979−7 = 4972.
    expect(mapInstagramFollowerHistory(body, 5000)).toEqual([
      { day: '2025-06-01', followers: 4972, following: null, postsCount: null },
      { day: '2025-06-02', followers: 4979, following: null, postsCount: null },
      { day: '2025-06-03', followers: 4979, following: null, postsCount: null },
      { day: '2025-06-04', followers: 5000, following: null, postsCount: null },
    ]);
  });
});
