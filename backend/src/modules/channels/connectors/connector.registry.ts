import type { ChannelConnector, Platform } from './channel-connector';
import { FacebookConnector } from './facebook/facebook.connector';
import { InstagramConnector } from './instagram/instagram.connector';

/** Every connector, in one explicit array (no platform switch anywhere in shared code). */
export const CONNECTORS: readonly ChannelConnector[] = [new FacebookConnector(), new InstagramConnector()];

export function getConnector(platform: Platform): ChannelConnector {
  const connector = CONNECTORS.find((c) => c.platform === platform);
  if (!connector) throw new Error(`No connector for platform "${platform}"`);
  return connector;
}
