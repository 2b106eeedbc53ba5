import type { ChannelConnector, Platform } from './channel-connector';
import type { ConnectorOptions } from './credentials';
import { BlueskyConnector } from './bluesky/bluesky.connector';
import { FacebookConnector } from './facebook/facebook.connector';
import { InstagramConnector } from './instagram/instagram.connector';
import { LinkedinConnector } from './linkedin/linkedin.connector';
import { MastodonConnector } from './mastodon/mastodon.connector';
import { RedditConnector } from './reddit/reddit.connector';
import { RssConnector } from './rss/rss.connector';
import { TiktokConnector } from './tiktok/tiktok.connector';
import { XConnector } from './x/x.connector';
import { YoutubeConnector } from './youtube/youtube.connector';

/** Every connector, explicitly. Shared code checks `capabilities`, never the platform name. */
export function createConnectors(opts: ConnectorOptions = {}): ChannelConnector[] {
  return [
    new FacebookConnector(opts),
    new InstagramConnector(opts),
    new YoutubeConnector(opts),
    new XConnector(opts),
    new LinkedinConnector(opts),
    new TiktokConnector(opts),
    new MastodonConnector(opts),
    new BlueskyConnector(opts),
    new RedditConnector(opts),
    new RssConnector(opts),
  ];
}

export const CONNECTORS: readonly ChannelConnector[] = createConnectors();

export function getConnector(platform: Platform, connectors: readonly ChannelConnector[] = CONNECTORS): ChannelConnector {
  const c = connectors.find((x) => x.platform === platform);
  if (!c) throw new Error(`No connector registered for platform "${platform}"`);
  return c;
}
