import { JsonReader } from '../json-reader';
import { fixture, sharedSample } from '../__tests__/fixture-server';
import { mapMastodonReply, mapMastodonStatus, nextMaxIdFromLink } from './mastodon.mapper';

describe('Mastodon mappers', () => {
  it('maps the documented Status example: HTML to text despite the malformed </span}', () => {
    const s = JsonReader.root(sharedSample('mastodon/status_entity_example_mastodon_docs.json'), 'm');
    const p = mapMastodonStatus(s);
    expect(p.text).toBe(
      '"I lost my inheritance with one wrong digit on my sort code"\nhttps://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code',
    );
    expect(p.metrics).toEqual({ impressions: null, reach: null, reactions: 11, comments: 5, shares: 6, saves: null, clicks: null, videoViews: null });
    expect(p.author).toEqual({ externalId: '1', handle: 'Gargron', displayName: 'Eugen', followers: 322930 });
    expect(p.contentType).toBe('link');
    expect(p.permalink).toBe('https://mastodon.social/@Gargron/103270115826048975');
    expect(p.publishedAt).toBe('2019-12-08T03:48:33.901Z');
  });

  it.each([
    [0, '107755621835790856', 'Orz又又又又要住院了……'],
    [1, null, null],
  ])('maps recorded account status %i', (i, id, text) => {
    const s = JsonReader.root(fixture('mastodon', 'account_statuses.json'), 'm').arr()[i];
    const p = mapMastodonStatus(s);
    if (id) expect(p.externalId).toBe(id);
    if (text) expect(p.text).toBe(text);
    expect(p.metrics.reactions).toBe(0);
    expect(p.author?.handle).toBe('thislight');
  });

  it('decodes entities after stripping tags', () => {
    const s = JsonReader.root({ id: '1', created_at: '2024-01-01T00:00:00Z', content: '<p>Caf&eacute; &amp; &lt;b&gt;<br>ligne 2</p>', account: { id: '9' } }, 'm');
    expect(mapMastodonStatus(s).text).toBe('Café & <b>\nligne 2');
  });

  it('flattens a context descendant with its parent', () => {
    const reply = { id: '3', created_at: '2024-01-01T00:00:00Z', in_reply_to_id: '2', content: '<p>ok</p>', account: { id: '42', acct: 'brand' }, favourites_count: 1 };
    expect(mapMastodonReply(JsonReader.root(reply, 'm'), '1', '42')).toMatchObject({ parentExternalId: '2', isFromBrand: true, likes: 1, text: 'ok' });
    expect(mapMastodonReply(JsonReader.root({ ...reply, in_reply_to_id: '1' }, 'm'), '1', null).parentExternalId).toBeNull();
  });

  it('reads max_id from the Link header', () => {
    const link = '<https://mastodon.social/api/v1/accounts/1/statuses?max_id=109>; rel="next", <https://mastodon.social/api/v1/accounts/1/statuses?min_id=120>; rel="prev"';
    expect(nextMaxIdFromLink(link)).toBe('109');
    expect(nextMaxIdFromLink('<https://x/api?min_id=1>; rel="prev"')).toBeNull();
  });
});
