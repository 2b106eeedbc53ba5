import type { PlatformModule } from '../http/platform-module';
import type { Platform } from '../types';
import { bluesky } from './bluesky';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { reddit } from './reddit';
import { rssModule } from './rss';
import { tiktok } from './tiktok';
import { x } from './x';
import { youtube } from './youtube';

export const MODULES: Record<Platform, PlatformModule> = {
  facebook,
  instagram,
  youtube,
  x,
  linkedin,
  tiktok,
  mastodon,
  bluesky,
  reddit,
  rss: rssModule,
};
