import type { ConnectorAccount } from '../channel-connector';
import { ConnectorErrorCode } from '../connector-error';
import { FixtureServer, fixture, fixtureText, json, sharedSampleText } from '../__tests__/fixture-server';
import { YoutubeConnector } from './youtube.connector';

const KEY = 'AIzaSyFAKEKEYFORTESTS0000000';
const server = new FixtureServer();
const yt = new YoutubeConnector();
let account: ConnectorAccount;

interface Item {
  id: string;
  snippet: { publishedAt: string; resourceId?: { videoId: string } };
}

beforeAll(async () => {
  const url = await server.start();
  account = { platform: 'youtube', handle: '@googledevelopers', externalId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw', baseUrl: `${url}/youtube`, credentials: { apiKey: KEY }, isCompetitor: false };
});
afterAll(() => server.stop());
beforeEach(() => server.reset());

function channelAndUploads(): void {
  const p1 = fixture<{ items: Item[] }>('youtube', 'playlist_items_p1.json');
  const p2 = fixture<{ items: Item[] }>('youtube', 'playlist_items_p2.json');
  const published = new Map([...p1.items, ...p2.items].map((i) => [i.snippet.resourceId!.videoId, i.snippet.publishedAt]));
  server.route((r) =>
    r.path === '/youtube/youtube/v3/channels'
      ? json({ items: [{ id: 'UC_x5XG1OV2P6uZZ5FSM9Ttw', contentDetails: { relatedPlaylists: { uploads: 'UU_x5XG1OV2P6uZZ5FSM9Ttw' } } }] })
      : undefined,
  );
  server.route((r) =>
    r.path === '/youtube/youtube/v3/playlistItems' ? { body: fixtureText('youtube', r.query.get('pageToken') ? 'playlist_items_p2.json' : 'playlist_items_p1.json') } : undefined,
  );
  // videos.list: the recorded video item, re-keyed to each requested id and its playlist date.
  const tpl = fixture<{ items: Array<Record<string, unknown> & { snippet: Record<string, unknown> }> }>('youtube', 'videos_statistics.json').items[0];
  server.route((r) =>
    r.path === '/youtube/youtube/v3/videos'
      ? json({ items: (r.query.get('id') ?? '').split(',').map((id) => ({ ...tpl, id, snippet: { ...tpl.snippet, publishedAt: published.get(id) } })) })
      : undefined,
  );
}

describe('YoutubeConnector over HTTP', () => {
  it('reads the uploads playlist page by page with statistics', async () => {
    channelAndUploads();
    const since = new Date('2019-01-01T00:00:00Z');
    const p1 = await yt.listPosts(account, { cursor: null, page: null, since });
    expect(p1.items).toHaveLength(10);
    expect(p1.items[0].publishedAt).toBe('2019-11-23T00:42:56.000Z');
    expect(p1.items[0].metrics.videoViews).toBe(7920);
    const p2 = await yt.listPosts(account, { cursor: null, page: p1.nextPage, since });
    expect(p2.items).toHaveLength(3);
    expect(p2.nextPage).toBeNull();
    const calls = server.requests.map((r) => r.path.replace('/youtube/youtube/v3/', ''));
    // The uploads playlist id is resolved once per run and carried in the page token.
    expect(calls).toEqual(['channels', 'playlistItems', 'videos', 'playlistItems', 'videos']);
    expect(server.requests[3].query.get('pageToken')).toBe('CAoQAA');
    expect(server.requests[1].query.get('key')).toBe(KEY);
    expect(p1.nextPage).not.toContain(KEY);
  });

  it('fetches the replies a thread does not include inline', async () => {
    server.route((r) => (r.path.endsWith('/commentThreads') ? { body: fixtureText('youtube', 'comment_threads_p2.json') } : undefined));
    server.route((r) => (r.path.endsWith('/comments') ? { body: sharedSampleText('youtube_data_v3/comments/comments_by_parent_paged_1.json') } : undefined));
    const page = await yt.listComments(account, { externalId: 'F1UP7wRCPH8' }, null);
    expect(page.items).toHaveLength(7);
    expect(page.items.slice(5).map((c) => c.parentExternalId)).toEqual(['UgwI_ylXVnzPS8Q-oAV4AaABAg', 'UgwI_ylXVnzPS8Q-oAV4AaABAg']);
    expect(server.requests.find((r) => r.path.endsWith('/comments'))?.query.get('parentId')).toBe('UgwI_ylXVnzPS8Q-oAV4AaABAg');
    expect(page.nextPage).toBeNull();
  });

  it('turns 403 quotaExceeded into QUOTA without the key in the message', async () => {
    server.route(() => json({ error: { code: 403, message: 'quota', errors: [{ reason: 'quotaExceeded', domain: 'youtube.quota' }] } }, 403));
    const err = await yt.verify(account).catch((e: { code: string; message: string }) => e);
    expect(err).toMatchObject({ code: ConnectorErrorCode.QUOTA });
    expect((err as { message: string }).message).not.toContain(KEY);
  });

  it('reads subscribers from channel statistics', async () => {
    server.route(() => ({ body: fixtureText('youtube', 'channel.json') }));
    expect(await yt.getAccountStats(account, new Date('2024-02-03T10:00:00Z'))).toEqual({ day: '2024-02-03', followers: 1927873, following: null, postsCount: 5026 });
  });
});
