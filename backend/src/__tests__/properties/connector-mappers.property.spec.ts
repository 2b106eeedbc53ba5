import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type {
  NormalizedAuthor,
  NormalizedComment,
  NormalizedMention,
  NormalizedPost,
} from '../../modules/channels/connectors/channel-connector';
import { ConnectorError, ConnectorErrorCode } from '../../modules/channels/connectors/connector-error';
import { JsonReader } from '../../modules/channels/connectors/json-reader';
import { flattenBlueskyThread, mapBlueskyMention, mapBlueskyPost } from '../../modules/channels/connectors/bluesky/bluesky.mapper';
import { mapFacebookComment, mapFacebookPost } from '../../modules/channels/connectors/facebook/facebook.mapper';
import { mapInstagramComments, mapInstagramMedia } from '../../modules/channels/connectors/instagram/instagram.mapper';
import { applyLinkedinStats, mapLinkedinComment, mapLinkedinPost } from '../../modules/channels/connectors/linkedin/linkedin.mapper';
import {
  mapMastodonAccount,
  mapMastodonMention,
  mapMastodonReply,
  mapMastodonStatus,
} from '../../modules/channels/connectors/mastodon/mastodon.mapper';
import { flattenRedditComments, mapRedditLink, mapRedditMention } from '../../modules/channels/connectors/reddit/reddit.mapper';
import { feedItemToMention, parseFeed } from '../../modules/channels/connectors/rss/rss.mapper';
import { mapTiktokVideo } from '../../modules/channels/connectors/tiktok/tiktok.mapper';
import { mapXMention, mapXReply, mapXTweet, xUsersById } from '../../modules/channels/connectors/x/x.mapper';
import {
  mapYoutubeReply,
  mapYoutubeSearchItem,
  mapYoutubeThread,
  mapYoutubeVideo,
} from '../../modules/channels/connectors/youtube/youtube.mapper';
import { payloadArb } from './json-mutations';

/**
 * Every connector mapper, fed recorded payloads with fields replaced/removed and arbitrary
 * JSON: it returns well-formed normalised records or throws ConnectorError MALFORMED (which
 * the sync turns into a readable account error) — never a TypeError or RangeError.
 */

const CONNECTORS = path.resolve(__dirname, '../../modules/channels/connectors');
const fixture = (rel: string): unknown => JSON.parse(readFileSync(path.join(CONNECTORS, rel), 'utf8'));
const items = (rel: string, key = 'data'): unknown[] => (fixture(rel) as Record<string, unknown[]>)[key];

// Payloads the repository has no recording of: shaped after the platforms' documented responses.
const REDDIT_T3 = {
  kind: 't3',
  data: {
    id: '1abcde', title: 'Service client Vigie ?', selftext: 'Quelqu’un a testé ?', author: 'jeanne_r',
    author_fullname: 't2_9xyz', created_utc: 1718000000.0, permalink: '/r/france/comments/1abcde/service_client/',
    score: 42, num_comments: 7, num_crossposts: 0, upvote_ratio: 0.93, is_self: true, is_video: false,
    subreddit_name_prefixed: 'r/france',
  },
};
const REDDIT_COMMENTS = {
  kind: 'Listing',
  data: {
    children: [
      {
        kind: 't1',
        data: {
          id: 'c1', author: 'paul', author_fullname: 't2_p', parent_id: 't3_1abcde', body: 'Très bien', created_utc: 1718000100, score: 3,
          replies: { kind: 'Listing', data: { children: [{ kind: 't1', data: { id: 'c2', author: 'vigie', parent_id: 't1_c1', body: 'Merci !', created_utc: 1718000200, score: 1, replies: '' } }] } },
        },
      },
      { kind: 'more', data: { count: 3, children: ['c3'] } },
    ],
  },
};
const LINKEDIN_COMMENT = {
  $URN: 'urn:li:comment:(urn:li:activity:1,2)', actor: 'urn:li:person:abc', message: { text: 'Bravo' },
  created: { time: 1704800000000 }, likesSummary: { totalLikes: 2 },
};

const xSearch = fixture('x/__fixtures__/search_recent.json');
const xUsers = xUsersById(JsonReader.root(xSearch, 'x'));
const linkedinPost = mapLinkedinPost(JsonReader.root(items('linkedin/__fixtures__/posts.json', 'elements')[0], 'linkedin'));

interface MapperCase {
  name: string;
  seeds: unknown[];
  run: (r: JsonReader) => unknown;
  check: (out: unknown) => void;
}

const isIso = (s: unknown) => typeof s === 'string' && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s;
const countOk = (n: unknown) => n === null || n === undefined || (typeof n === 'number' && Number.isFinite(n));
const strOrNull = (s: unknown) => s === null || typeof s === 'string';

function checkAuthor(a: NormalizedAuthor | null) {
  if (a === null) return;
  expect(typeof a.externalId).toBe('string');
  expect(strOrNull(a.handle) && strOrNull(a.displayName) && countOk(a.followers)).toBe(true);
}
function checkPost(o: unknown) {
  const p = o as NormalizedPost;
  expect(typeof p.externalId).toBe('string');
  expect(isIso(p.publishedAt)).toBe(true);
  expect(typeof p.text).toBe('string');
  expect(strOrNull(p.permalink)).toBe(true);
  expect(['photo', 'video', 'reel', 'story', 'link', 'status', 'carousel', 'article', 'other']).toContain(p.contentType);
  expect(Object.values(p.metrics).every(countOk)).toBe(true);
  expect([null, 'impressions', 'views']).toContain(p.impressionsDefinition);
  checkAuthor(p.author);
}
function checkComment(o: unknown) {
  const c = o as NormalizedComment;
  expect(typeof c.externalId).toBe('string');
  expect(typeof c.postExternalId).toBe('string');
  expect(strOrNull(c.parentExternalId)).toBe(true);
  expect(typeof c.text).toBe('string');
  expect(isIso(c.publishedAt)).toBe(true);
  expect(typeof c.isFromBrand).toBe('boolean');
  expect(countOk(c.likes)).toBe(true);
  checkAuthor(c.author);
}
function checkMention(o: unknown) {
  const m = o as NormalizedMention;
  expect(typeof m.externalId).toBe('string');
  expect(isIso(m.publishedAt)).toBe(true);
  expect(typeof m.text).toBe('string');
  expect(typeof m.source).toBe('string');
  expect(Object.values(m.metrics).every(countOk)).toBe(true);
  checkAuthor(m.author);
}
const many = (check: (o: unknown) => void) => (o: unknown) => {
  expect(Array.isArray(o)).toBe(true);
  (o as unknown[]).forEach(check);
};

const thread = (fixture('bluesky/__fixtures__/post_thread_record_with_media.json') as { thread: Record<string, unknown> }).thread;
const fbPosts = items('facebook/__fixtures__/posts_p1.json');
const fbComments = items('facebook/__fixtures__/comments_p1.json');
const igMedia = items('instagram/__fixtures__/media_p1.json');
const igComments = Object.values(fixture('instagram/__fixtures__/comments_by_id.json') as Record<string, unknown>);
const mastodon = fixture('mastodon/__fixtures__/account_statuses.json') as unknown[];
const tiktok = (fixture('tiktok/__fixtures__/video_list_p1.json') as { data: { videos: unknown[] } }).data.videos;
const ytVideos = items('youtube/__fixtures__/videos_statistics.json', 'items');
const ytThreads = items('youtube/__fixtures__/comment_threads_p1.json', 'items');
const ytSearch = items('youtube/__fixtures__/search_p1.json', 'items');
const ytTop = ytThreads.map((t) => (t as { snippet: { topLevelComment: unknown } }).snippet.topLevelComment);

const CASES: MapperCase[] = [
  { name: 'bluesky post', seeds: [thread.post], run: mapBlueskyPost, check: checkPost },
  { name: 'bluesky thread', seeds: [thread], run: (r) => flattenBlueskyThread(r, 'did:plc:brand'), check: many(checkComment) },
  { name: 'bluesky mention', seeds: [thread.post], run: mapBlueskyMention, check: checkMention },
  { name: 'facebook post', seeds: fbPosts, run: (r) => mapFacebookPost(r, '1234'), check: checkPost },
  { name: 'facebook comment', seeds: fbComments, run: (r) => mapFacebookComment(r, '1234_5', '1234'), check: checkComment },
  { name: 'instagram media', seeds: igMedia, run: (r) => mapInstagramMedia(r, { id: '1784', username: 'vigie' }), check: checkPost },
  { name: 'instagram comments', seeds: igComments, run: (r) => mapInstagramComments(r, '1790', { id: '1784', username: 'vigie' }), check: many(checkComment) },
  { name: 'linkedin post', seeds: items('linkedin/__fixtures__/posts.json', 'elements'), run: mapLinkedinPost, check: checkPost },
  {
    name: 'linkedin stats',
    seeds: items('linkedin/__fixtures__/share_statistics.json', 'elements').map((e) => (e as { totalShareStatistics: unknown }).totalShareStatistics),
    run: (r) => applyLinkedinStats(linkedinPost, r),
    check: checkPost,
  },
  { name: 'linkedin comment', seeds: [LINKEDIN_COMMENT], run: (r) => mapLinkedinComment(r, 'urn:li:share:1', 'urn:li:organization:2'), check: checkComment },
  { name: 'mastodon status', seeds: mastodon, run: mapMastodonStatus, check: checkPost },
  { name: 'mastodon reply', seeds: mastodon, run: (r) => mapMastodonReply(r, '1', '2'), check: checkComment },
  { name: 'mastodon mention', seeds: mastodon, run: (r) => mapMastodonMention(r, 'mastodon.social'), check: checkMention },
  { name: 'mastodon account', seeds: mastodon.map((s) => (s as { account: unknown }).account), run: mapMastodonAccount, check: (o) => checkAuthor(o as NormalizedAuthor) },
  { name: 'reddit link', seeds: [REDDIT_T3], run: mapRedditLink, check: checkPost },
  { name: 'reddit mention', seeds: [REDDIT_T3], run: mapRedditMention, check: checkMention },
  { name: 'reddit comments', seeds: [REDDIT_COMMENTS], run: (r) => flattenRedditComments(r, '1abcde', 'vigie'), check: many(checkComment) },
  { name: 'tiktok video', seeds: tiktok, run: (r) => mapTiktokVideo(r, 'open-1'), check: checkPost },
  { name: 'x users', seeds: [{ includes: (xSearch as { includes: unknown }).includes }], run: (r) => [...xUsersById(r).values()], check: many((a) => checkAuthor(a as NormalizedAuthor)) },
  { name: 'x tweet', seeds: items('x/__fixtures__/user_tweets.json'), run: (r) => mapXTweet(r, xUsers, null), check: checkPost },
  { name: 'x reply', seeds: items('x/__fixtures__/search_recent.json'), run: (r) => mapXReply(r, '99', xUsers, '1'), check: checkComment },
  { name: 'x mention', seeds: items('x/__fixtures__/search_recent.json'), run: (r) => mapXMention(r, xUsers), check: checkMention },
  { name: 'youtube video', seeds: ytVideos, run: mapYoutubeVideo, check: checkPost },
  { name: 'youtube thread', seeds: ytThreads, run: (r) => mapYoutubeThread(r, 'UC1'), check: many(checkComment) },
  { name: 'youtube reply', seeds: ytTop, run: (r) => mapYoutubeReply(r, 'v1', 'UC1'), check: checkComment },
  { name: 'youtube search item', seeds: ytSearch, run: mapYoutubeSearchItem, check: checkMention },
];

const RUNS = 150;

describe('connector mappers never throw anything but ConnectorError MALFORMED (fast-check)', () => {
  const tally: Array<{ mapper: string; ok: number; malformed: number }> = [];
  afterAll(() => console.log(`mapper probes (${RUNS} per mapper):\n${tally.map((t) => `  ${t.mapper.padEnd(22)} ok ${String(t.ok).padStart(3)}  MALFORMED ${t.malformed}`).join('\n')}`));

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.seeds.length).toBeGreaterThan(0);
    // The unmutated recordings map cleanly: the checks below accept real data.
    for (const s of c.seeds) c.check(c.run(JsonReader.root(s, c.name)));
    let ok = 0;
    let malformed = 0;
    fc.assert(
      fc.property(payloadArb(c.seeds), (payload) => {
        let out: unknown;
        try {
          out = c.run(JsonReader.root(payload, c.name));
        } catch (e) {
          if (!(e instanceof ConnectorError)) throw e;
          expect(e.code).toBe(ConnectorErrorCode.MALFORMED);
          expect(e.message).toContain(c.name);
          malformed++;
          return;
        }
        c.check(out);
        ok++;
      }),
      { numRuns: RUNS, seed: 424242 },
    );
    tally.push({ mapper: c.name, ok, malformed });
    // Both outcomes are reached, or the property proves little.
    expect(ok).toBeGreaterThan(0);
    expect(malformed).toBeGreaterThan(0);
  });

  it('rss/atom: any text is a feed or a MALFORMED error; items map to mentions or are skipped', () => {
    const feeds = ['narro.rss', 'heise.atom', 'encoding.rss'].map((f) => readFileSync(path.join(CONNECTORS, 'rss/__fixtures__', f), 'latin1'));
    const cut = fc.tuple(fc.nat({ max: feeds.length - 1 }), fc.nat(), fc.nat(), fc.string({ maxLength: 30 })).map(([i, a, b, ins]) => {
      const f = feeds[i];
      const x = a % (f.length + 1);
      const y = Math.min(f.length, x + (b % 200));
      return f.slice(0, x) + ins + f.slice(y);
    });
    const xmlish = fc.array(fc.constantFrom('<rss>', '<channel>', '<item>', '</item>', '<feed>', '<entry>', '<title>', '</title>', '<![CDATA[', ']]>', '&amp;', '&bogus;', '<', '>', 'x', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "b">]>'), { maxLength: 20 }).map((p) => p.join(''));
    let ok = 0;
    let malformed = 0;
    fc.assert(
      fc.property(fc.oneof(cut, xmlish, fc.string({ maxLength: 100 })), (xml) => {
        try {
          const feed = parseFeed(xml, 'rss feed');
          for (const item of feed.items) {
            const m = feedItemToMention(item, 'rss:test');
            if (m) checkMention(m);
          }
          ok++;
        } catch (e) {
          if (!(e instanceof ConnectorError)) throw e;
          expect(e.code).toBe(ConnectorErrorCode.MALFORMED);
          malformed++;
        }
      }),
      { numRuns: 300, seed: 99 },
    );
    tally.push({ mapper: 'rss/atom feed', ok, malformed });
    expect(ok).toBeGreaterThan(0);
    expect(malformed).toBeGreaterThan(0);
  });
});
