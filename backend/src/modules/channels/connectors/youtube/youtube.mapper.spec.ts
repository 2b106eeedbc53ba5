import { JsonReader } from '../json-reader';
import { fixture, sharedSample } from '../__tests__/fixture-server';
import { mapYoutubeReply, mapYoutubeSearchItem, mapYoutubeThread, mapYoutubeVideo } from './youtube.mapper';

describe('YouTube mappers (recorded Data API v3 responses)', () => {
  it('maps videos.list statistics (string counts) to numbers, views as videoViews', () => {
    const v = JsonReader.root(fixture('youtube', 'videos_statistics.json'), 'yt').get('items').arr()[0];
    const p = mapYoutubeVideo(v);
    expect(p).toMatchObject({
      externalId: 'D-lhorsDlUQ',
      publishedAt: '2019-03-21T20:37:49.000Z',
      contentType: 'video',
      permalink: 'https://www.youtube.com/watch?v=D-lhorsDlUQ',
      author: { externalId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw', displayName: 'Google Developers' },
      impressionsDefinition: null,
    });
    expect(p.metrics).toEqual({ impressions: null, reach: null, reactions: 190, comments: 32, shares: null, saves: null, clicks: null, videoViews: 7920 });
    expect(p.text.startsWith('What are Actions on Google (Assistant on Air)\n\nIn the first episode')).toBe(true);
  });

  it('leaves counts null when statistics are hidden', () => {
    const v = JsonReader.root({ id: 'x', snippet: { publishedAt: '2024-01-01T00:00:00Z', channelId: 'UC1', title: 't' }, statistics: { viewCount: '5' } }, 'yt');
    expect(mapYoutubeVideo(v).metrics).toMatchObject({ videoViews: 5, reactions: null, comments: null });
  });

  it.each([
    [0, 'UgyZ1jqkHKYvi1-ruOZ4AaABAg', 'Google.com', '2019-11-26T15:51:44.000Z', 'UCzj-CjKYmGlZ7vTL-vOe57A'],
    [4, 'UgwI_ylXVnzPS8Q-oAV4AaABAg', null, null, 'UCACHW4qVHoE4zqhHxcVE3Kw'],
  ])('maps comment thread %i', (i, id, text, at, author) => {
    const t = JsonReader.root(fixture('youtube', 'comment_threads_p1.json'), 'yt').get('items').arr()[i];
    const [top, ...replies] = mapYoutubeThread(t, 'UCACHW4qVHoE4zqhHxcVE3Kw');
    expect(top.externalId).toBe(id);
    expect(top.postExternalId).toBe('F1UP7wRCPH8');
    expect(top.author?.externalId).toBe(author);
    if (text) expect(top.text).toBe(text);
    if (at) expect(top.publishedAt).toBe(at);
    expect(top.isFromBrand).toBe(i === 4);
    expect(replies).toEqual([]);
  });

  it('maps a reply (comments.list) with its parentId', () => {
    const c = JsonReader.root(sharedSample('youtube_data_v3/comments/comments_by_parent_paged_1.json'), 'yt').get('items').arr()[0];
    const r = mapYoutubeReply(c, 'vid', null);
    expect(r).toMatchObject({ externalId: 'Ugw5zYU6n9pmIgAZWvN4AaABAg.91zT3cYb5B291za6voUoRh', parentExternalId: 'Ugw5zYU6n9pmIgAZWvN4AaABAg', text: 'this is the third reply!' });
  });

  it('maps a search result to a mention', () => {
    const first = JsonReader.root(fixture('youtube', 'search_p1.json'), 'yt').get('items').arr()[0];
    const m = mapYoutubeSearchItem(first);
    expect(m.source).toBe('youtube');
    expect(m.permalink).toBe(`https://www.youtube.com/watch?v=${m.externalId}`);
    expect(m.metrics).toEqual({});
  });
});
