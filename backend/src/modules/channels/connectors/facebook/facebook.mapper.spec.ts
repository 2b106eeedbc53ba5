import { JsonReader } from '../json-reader';
import { fixture, sharedSample } from '../__tests__/fixture-server';
import { applyFacebookInsights, mapFacebookComment, mapFacebookFollowerHistory, mapFacebookPost } from './facebook.mapper';
import { readInsightValues } from '../meta-graph';

const posts = JsonReader.root(fixture('facebook', 'posts_p1.json'), 'facebook posts').get('data').arr();
const posts2 = JsonReader.root(fixture('facebook', 'posts_p2.json'), 'facebook posts').get('data').arr();

describe('mapFacebookPost (recorded FacebookforDevelopers feed)', () => {
  it.each([
    // [reader, id, publishedAt, contentType, reactions, comments, shares]
    [posts[0], '19292868552_10158349356748553', '2021-07-09T19:09:52.000Z', 'photo', 125, 13, 10],
    [posts[1], '19292868552_10158347294088553', '2021-07-08T15:30:19.000Z', 'link', 131, 17, 6],
    [posts[4], '19292868552_10158333323653553', '2021-06-30T21:21:18.000Z', 'video', 179, 49, 15],
    [posts2[4], '19292868552_10158316421783553', '2021-06-21T20:57:12.000Z', 'video', 26959, 82, 183],
  ])('row %#', (r, id, at, type, reactions, comments, shares) => {
    const p = mapFacebookPost(r, '19292868552');
    expect(p.externalId).toBe(id);
    expect(p.publishedAt).toBe(at);
    expect(p.contentType).toBe(type);
    expect(p.metrics).toEqual({
      impressions: null,
      reach: null,
      reactions,
      comments,
      shares,
      saves: null,
      clicks: null,
      videoViews: null,
    });
    expect(p.impressionsDefinition).toBeNull();
  });

  it('keeps the text and permalink', () => {
    const p = mapFacebookPost(posts[0], '19292868552');
    expect(p.text.startsWith('Singaporean logistics company Ninja Van Singapore')).toBe(true);
    expect(p.permalink).toBe('https://www.facebook.com/19292868552/posts/10158349356748553/');
  });

  it('leaves shares null (not 0) when Graph omits the field', () => {
    const p = mapFacebookPost(JsonReader.root({ id: '1_2', created_time: '2024-01-01T00:00:00+0000' }, 't'), '1');
    expect(p.metrics.shares).toBeNull();
    expect(p.metrics.reactions).toBeNull();
  });

  it('names the field of a malformed post', () => {
    expect(() => mapFacebookPost(JsonReader.root({ id: '1_2', created_time: 'yesterday' }, 'facebook posts'), '1')).toThrow(
      /facebook posts: unexpected value at \$\.created_time: "yesterday"/,
    );
  });
});

describe('Facebook insights', () => {
  it('maps the recorded legacy lifetime insights as impressions', () => {
    const raw = readInsightValues(
      JsonReader.root(sharedSample('facebook_graph/insights/post_insights_lifetime_572161723127136_625711077772200.json'), 'i'),
    );
    // Built-in check of the sample: organic + paid = total.
    expect(raw.post_impressions).toBe(217245);
    expect((raw.post_impressions_organic ?? 0) + (raw.post_impressions_paid ?? 0)).toBe(217245);
    const p = applyFacebookInsights(mapFacebookPost(posts[0], '1'), raw);
    expect(p.metrics.impressions).toBe(217245);
    expect(p.metrics.reach).toBe(186673);
    expect(p.impressionsDefinition).toBe('impressions');
    expect(p.sourceMetrics?.post_impressions_unique).toBe(186673);
  });

  it('prefers the 2025 views metrics and flags the definition', () => {
    const p = applyFacebookInsights(mapFacebookPost(posts[0], '1'), {
      post_media_view: 900,
      post_total_media_view_unique: 700,
      post_impressions: 850,
      post_clicks: 12,
    });
    expect(p.metrics.impressions).toBe(900);
    expect(p.metrics.reach).toBe(700);
    expect(p.metrics.clicks).toBe(12);
    expect(p.metrics.videoViews).toBeNull();
    expect(p.impressionsDefinition).toBe('views');
  });
});

describe('mapFacebookComment (recorded comments page)', () => {
  const comments = JsonReader.root(fixture('facebook', 'comments_p1.json'), 'c').get('data').arr();
  it('derives the id from the permalink when the recorded page omits it', () => {
    const c = mapFacebookComment(comments[0], '19292868552_10158407654328553', '19292868552');
    expect(c.externalId).toBe('10158407654328553_10158407835073553');
    expect(c.publishedAt).toBe('2021-08-10T18:45:03.000Z');
    expect(c.likes).toBe(0);
    expect(c.text).toBe('Boa noite peço ajuda  Como faço para usar a minha página como meu perfil?');
    expect(c.isFromBrand).toBe(false);
    expect(c.parentExternalId).toBeNull();
  });

  it('marks the page own replies and keeps the parent', () => {
    const c = mapFacebookComment(
      JsonReader.root(
        { id: '5_9', message: 'Merci !', created_time: '2024-03-01T10:00:00+0000', from: { id: '42', name: 'Brand' }, parent: { id: '5_8' } },
        'c',
      ),
      '42_5',
      '42',
    );
    expect(c.isFromBrand).toBe(true);
    expect(c.parentExternalId).toBe('5_8');
    expect(c.author?.displayName).toBe('Brand');
  });
});

describe('mapFacebookFollowerHistory (page_follows, period=day)', () => {
  it('dates each value by the day its end_time closes, across the DST change, skipping a day without value', () => {
    const body = JsonReader.root(fixture('facebook', 'page_follows_day.json'), 'facebook follower history');
    // 08:00 UTC = midnight PST, 07:00 UTC = midnight PDT (from 2025-03-09): the day is end_time − 1 day.
    expect(mapFacebookFollowerHistory(body)).toEqual([
      { day: '2025-03-07', followers: 12480, following: null, postsCount: null },
      { day: '2025-03-08', followers: 12493, following: null, postsCount: null },
      { day: '2025-03-09', followers: 12491, following: null, postsCount: null },
      { day: '2025-03-11', followers: 12530, following: null, postsCount: null },
    ]);
  });

  it('gives no rows when the metric is absent from the answer', () => {
    expect(mapFacebookFollowerHistory(JsonReader.root({ data: [] }, 'x'))).toEqual([]);
  });
});
