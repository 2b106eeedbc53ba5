import { JsonReader } from '../json-reader';
import { fixture, sharedSample } from '../__tests__/fixture-server';
import { blueskyPermalink, flattenBlueskyThread, mapBlueskyPost } from './bluesky.mapper';

describe('Bluesky mappers (recorded getPostThread responses)', () => {
  const morpho = JsonReader.root(sharedSample('bluesky/getPostThread_mattbinder_2023-09-19_morpho.json'), 'bsky').get('thread');

  it('maps the parent post of the thread (916 likes, 230 reposts, 55 replies)', () => {
    const p = mapBlueskyPost(morpho.get('parent').get('post'));
    expect(p).toMatchObject({
      externalId: 'at://did:plc:mndtiksvxikpsy3zl6ebd2kr/app.bsky.feed.post/3k7rlrukr4w2v',
      publishedAt: '2023-09-19T20:52:25.516Z',
      permalink: 'https://bsky.app/profile/mattbinder.bsky.social/post/3k7rlrukr4w2v',
      contentType: 'link',
    });
    expect(p.metrics).toMatchObject({ reactions: 916, comments: 55, impressions: null });
    expect(p.sourceMetrics).toMatchObject({ likeCount: 916, repostCount: 230, replyCount: 55 });
  });

  it('flattens the nested replies with their parent uri', () => {
    const flat = flattenBlueskyThread(morpho, 'did:plc:3vqyk736eakmlwkmfraauemo');
    const root = 'at://did:plc:uy7ehrx332p6dow5sk32hxzq/app.bsky.feed.post/3k7rmyigapw2y';
    expect(flat.map((c) => [c.author?.handle, c.parentExternalId, c.isFromBrand])).toEqual([
      ['dnasis.bsky.social', null, true],
      ['dnasis.bsky.social', 'at://did:plc:3vqyk736eakmlwkmfraauemo/app.bsky.feed.post/3k7rob7ugc72d', true],
      ['mattgraham.bsky.social', null, false],
      ['jlrube.bsky.social', 'at://did:plc:w2gsbanugiw67kud7sieilh7/app.bsky.feed.post/3k7rn6uemfg2c', false],
      ['dankguyjeff.bsky.social', 'at://did:plc:w2gsbanugiw67kud7sieilh7/app.bsky.feed.post/3k7rn6uemfg2c', false],
    ]);
    expect(flat.every((c) => c.postExternalId === root)).toBe(true);
    expect(flat[2]).toMatchObject({ publishedAt: '2023-09-19T21:17:35.312Z', likes: 5 });
  });

  it('maps a recordWithMedia post with zero counts as zeros, not nulls', () => {
    const p = mapBlueskyPost(JsonReader.root(fixture('bluesky', 'post_thread_record_with_media.json'), 'bsky').get('thread').get('post'));
    expect(p.metrics).toMatchObject({ reactions: 0, comments: 0 });
    expect(p.contentType).toBe('status');
    expect(p.author?.handle).toBe('test.marshal.dev');
  });

  it('builds permalinks from at:// uris', () => {
    expect(blueskyPermalink('at://did:plc:abc/app.bsky.feed.post/3k', null)).toBe('https://bsky.app/profile/did:plc:abc/post/3k');
    expect(blueskyPermalink('https://nope', 'x')).toBeNull();
  });
});
