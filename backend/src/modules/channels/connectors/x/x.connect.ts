import type { ConnectorOptions } from '../credentials';
import { buildUrl } from '../base-url';
import { JsonReader } from '../json-reader';
import { hostOf, type OAuthAppSpec, StandardOAuthConnect } from '../oauth2';
import type { ConnectableAccount, OAuthConnect, PlatformApp, TokenGrant } from '../platform-connect';

const X_OAUTH: OAuthAppSpec = {
  platform: 'x',
  displayName: 'X',
  consoleUrl: 'https://developer.x.com/en/portal/projects-and-apps',
  authorizeHost: 'https://twitter.com',
  authorizePath: '/i/oauth2/authorize',
  tokenHost: 'https://api.x.com',
  tokenPath: '/2/oauth2/token',
  scopes: ['tweet.read', 'users.read', 'tweet.write', 'tweet.moderate.write', 'like.write', 'offline.access'],
  clientAuth: 'basic',
};

/** X OAuth 2.0 with PKCE (required), confidential client (Basic auth); refresh tokens rotate on every use. */
export class XConnect extends StandardOAuthConnect implements OAuthConnect {
  constructor(opts: ConnectorOptions = {}) {
    super(X_OAUTH, opts);
  }

  /** The X connector reads its user token as `bearerToken`. */
  protected override get tokenKey(): string {
    return 'bearerToken';
  }

  async accounts(app: PlatformApp, grant: TokenGrant): Promise<ConnectableAccount[]> {
    const credentials = this.credentialsOf(grant);
    const what = 'x authenticated user';
    const res = await this.http.json({ url: buildUrl(hostOf(app, 'https://api.x.com'), '/2/users/me'), what, headers: { authorization: `Bearer ${grant.accessToken}` }, secrets: [grant.accessToken] });
    const me = JsonReader.root(res.body, what).get('data');
    return [{ platform: 'x', externalId: me.get('id').str(), handle: me.get('username').str(), displayName: me.get('name').optStr(), credentials, expiresAt: grant.expiresAt, baseUrl: app.baseUrl }];
  }
}
