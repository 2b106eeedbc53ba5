import { buildUrl } from '../base-url';
import type { ConnectorOptions } from '../credentials';
import { JsonReader } from '../json-reader';
import { hostOf, type OAuthAppSpec, StandardOAuthConnect } from '../oauth2';
import type { ConnectableAccount, OAuthConnect, PlatformApp, TokenGrant } from '../platform-connect';

const YOUTUBE_OAUTH: OAuthAppSpec = {
  platform: 'youtube',
  displayName: 'Google',
  consoleUrl: 'https://console.cloud.google.com/apis/credentials',
  authorizeHost: 'https://accounts.google.com',
  authorizePath: '/o/oauth2/v2/auth',
  tokenHost: 'https://oauth2.googleapis.com',
  tokenPath: '/token',
  scopes: [
    'https://www.googleapis.com/auth/youtube.readonly',
    'https://www.googleapis.com/auth/youtube.force-ssl',
    'https://www.googleapis.com/auth/yt-analytics.readonly',
  ],
  clientAuth: 'body',
  extraAuthorize: { access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true' },
};

/** Google OAuth with offline access (a refresh token) and a fresh consent, so the refresh token is always given. */
export class YoutubeConnect extends StandardOAuthConnect implements OAuthConnect {
  constructor(opts: ConnectorOptions = {}) {
    super(YOUTUBE_OAUTH, opts);
  }

  /** The channels of the consenting Google account (`mine=true`: a brand account may own several). */
  async accounts(app: PlatformApp, grant: TokenGrant): Promise<ConnectableAccount[]> {
    const what = 'youtube own channels';
    const url = buildUrl(hostOf(app, 'https://www.googleapis.com'), '/youtube/v3/channels', { part: 'id,snippet', mine: 'true', maxResults: 50 });
    const res = await this.http.json({ url, what, headers: { authorization: `Bearer ${grant.accessToken}` }, secrets: [grant.accessToken] });
    const credentials = this.credentialsOf(grant);
    return JsonReader.root(res.body, what)
      .get('items')
      .optArr()
      .map((c) => ({
        platform: 'youtube' as const,
        externalId: c.get('id').str(),
        handle: c.get('snippet').get('customUrl').optStr() ?? c.get('id').str(),
        displayName: c.get('snippet').get('title').optStr(),
        credentials,
        expiresAt: grant.expiresAt,
        baseUrl: app.baseUrl,
      }));
  }
}
