import type { ConnectorOptions } from '../credentials';
import { type OAuthAppSpec, StandardOAuthConnect } from '../oauth2';
import type { ConnectableAccount, OAuthConnect, PlatformApp, TokenGrant } from '../platform-connect';
import { TiktokConnector } from './tiktok.connector';

const TIKTOK_OAUTH: OAuthAppSpec = {
  platform: 'tiktok',
  displayName: 'TikTok',
  consoleUrl: 'https://developers.tiktok.com/apps/',
  authorizeHost: 'https://www.tiktok.com',
  authorizePath: '/v2/auth/authorize/',
  tokenHost: 'https://open.tiktokapis.com',
  tokenPath: '/v2/oauth/token/',
  scopes: ['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.list'],
  scopeSeparator: ',',
  clientIdParam: 'client_key',
  clientAuth: 'body',
};

/** TikTok Login Kit v2: `client_key`, comma-separated scopes, rotating refresh tokens, `open_id` in the token reply. */
export class TiktokConnect extends StandardOAuthConnect implements OAuthConnect {
  constructor(opts: ConnectorOptions = {}) {
    super(TIKTOK_OAUTH, opts, new TiktokConnector(opts));
  }

  async accounts(app: PlatformApp, grant: TokenGrant): Promise<ConnectableAccount[]> {
    return [await this.verifiedAccount(app, grant, { handle: 'me', externalId: null })];
  }
}

