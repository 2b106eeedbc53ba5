import { buildUrl } from '../base-url';
import type { ConnectorOptions } from '../credentials';
import { JsonReader } from '../json-reader';
import { hostOf, type OAuthAppSpec, StandardOAuthConnect } from '../oauth2';
import type { ConnectableAccount, OAuthConnect, PlatformApp, TokenGrant } from '../platform-connect';

const REDDIT_OAUTH: OAuthAppSpec = {
  platform: 'reddit',
  displayName: 'Reddit',
  consoleUrl: 'https://www.reddit.com/prefs/apps',
  authorizeHost: 'https://www.reddit.com',
  authorizePath: '/api/v1/authorize',
  tokenHost: 'https://www.reddit.com',
  tokenPath: '/api/v1/access_token',
  scopes: ['identity', 'read', 'history', 'mysubreddits', 'modposts', 'submit', 'edit', 'vote'],
  clientAuth: 'basic',
  extraAuthorize: { duration: 'permanent' },
};

/** Reddit's "web app" flow (permanent duration = refresh token); a brand's accounts are the subreddits its user moderates. */
export class RedditConnect extends StandardOAuthConnect implements OAuthConnect {
  constructor(opts: ConnectorOptions = {}) {
    super(REDDIT_OAUTH, opts);
  }

  async accounts(app: PlatformApp, grant: TokenGrant): Promise<ConnectableAccount[]> {
    const what = 'reddit moderated subreddits';
    const headers = { authorization: `Bearer ${grant.accessToken}` };
    const host = hostOf(app, 'https://oauth.reddit.com');
    const me = JsonReader.root((await this.http.json({ url: buildUrl(host, '/api/v1/me', { raw_json: 1 }), what: 'reddit identity', headers, secrets: [grant.accessToken] })).body, 'reddit identity');
    const res = await this.http.json({ url: buildUrl(host, '/subreddits/mine/moderator', { limit: 100, raw_json: 1 }), what, headers, secrets: [grant.accessToken] });
    const credentials = this.credentialsOf(grant, { username: me.get('name').str() });
    return JsonReader.root(res.body, what)
      .get('data')
      .get('children')
      .arr()
      .map((c) => c.get('data'))
      .map((d) => ({
        platform: 'reddit' as const,
        externalId: d.get('name').str(),
        handle: `r/${d.get('display_name').str()}`,
        displayName: d.get('title').optStr(),
        credentials,
        expiresAt: grant.expiresAt,
        baseUrl: app.baseUrl,
      }));
  }
}
