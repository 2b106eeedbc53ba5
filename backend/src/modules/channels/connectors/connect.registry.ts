import type { Platform } from '@vigie/contracts';
import type { ConnectorOptions } from './credentials';
import { BlueskyConnect } from './bluesky/bluesky.connect';
import { createFacebookConnect } from './facebook/facebook.connect';
import { createInstagramConnect } from './instagram/instagram.connect';
import { LinkedinConnect } from './linkedin/linkedin.connect';
import { MastodonConnect } from './mastodon/mastodon.connect';
import { RedditConnect } from './reddit/reddit.connect';
import { TiktokConnect } from './tiktok/tiktok.connect';
import { XConnect } from './x/x.connect';
import { YoutubeConnect } from './youtube/youtube.connect';
import type { PlatformConnect } from './platform-connect';

/** Every connect flow, explicitly (RSS feeds are public: nothing to consent to). */
export function createConnects(opts: ConnectorOptions = {}): PlatformConnect[] {
  return [
    createFacebookConnect(opts),
    createInstagramConnect(opts),
    new YoutubeConnect(opts),
    new XConnect(opts),
    new LinkedinConnect(opts),
    new TiktokConnect(opts),
    new MastodonConnect(opts),
    new BlueskyConnect(opts),
    new RedditConnect(opts),
  ];
}

export const CONNECTS: readonly PlatformConnect[] = createConnects();

export function findConnect(platform: Platform, connects: readonly PlatformConnect[] = CONNECTS): PlatformConnect | null {
  return connects.find((c) => c.platform === platform) ?? null;
}
