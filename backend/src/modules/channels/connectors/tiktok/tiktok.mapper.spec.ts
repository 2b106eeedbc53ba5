import { JsonReader } from '../json-reader';
import { fixture } from '../__tests__/fixture-server';
import { mapTiktokVideo } from './tiktok.mapper';

// Hand-written in the documented /v2/video/list/ shape (no licensed recording available).
describe('mapTiktokVideo', () => {
  const videos = JsonReader.root(fixture('tiktok', 'video_list_p1.json'), 'tiktok').at('data.videos').arr();
  it.each([
    [0, '7311567421370863905', '2023-12-12T18:40:00.000Z', 1520, 48, 12, 40211, 'Notre nouvelle collection #mode'],
    [1, '7310000000000000001', '2023-12-08T01:46:40.000Z', 0, 0, 0, 310, ''],
  ])('video %i', (i, id, at, likes, comments, shares, views, text) => {
    const p = mapTiktokVideo(videos[i], 'open-1');
    expect([p.externalId, p.publishedAt, p.text, p.contentType]).toEqual([id, at, text, 'video']);
    expect(p.metrics).toEqual({ impressions: null, reach: null, reactions: likes, comments, shares, saves: null, clicks: null, videoViews: views });
  });
});
