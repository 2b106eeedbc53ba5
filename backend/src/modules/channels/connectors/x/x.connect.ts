import type { ConnectorOptions } from '../credentials';
import { StandardOAuthConnect } from '../oauth2';
import type { ConnectableAccount, OAuthConnect, PlatformApp, TokenGrant } from '../platform-connect';
import { XConnector } from './x.connector';

/** X OAuth 2.0 with PKCE (required), confidential client (Basic auth); refresh tokens rotate on every use. */
export class XConnect extends StandardOAuthConnect implements OAuthConnect {
  readonly consoleUrl = 'https://developer.x.com/en/portal/projects-and-apps';
  private readonly connector: XConnector;

  constructor(opts: ConnectorOptions = {}) {
    super(
      {
        platform: 'x',
        authorizeHost: 'https://twitter.com',
        authorizePath: '/i/oauth2/authorize',
        tokenHost: 'https://api.x.com',
        tokenPath: '/2/oauth2/token',
        scopes: ['tweet.read', 'users.read', 'tweet.write', 'tweet.moderate.write', 'like.write', 'offline.access'],
        clientAuth: 'basic',
      },
      'X',
      opts,
    );
    this.connector = new XConnector(opts);
  }

  /** The X connector reads its user token as `bearerToken`. */
  protected override get tokenKey(): string {
    return 'bearerToken';
  }

  async accounts(app: PlatformApp, grant: TokenGrant): Promise<ConnectableAccount[]> {
    const credentials = this.credentialsOf(grant);
    const me = await this.connector.verify({ platform: 'x', handle: 'me', externalId: null, baseUrl: app.baseUrl, credentials, isCompetitor: false });
    return [{ platform: 'x', ...me, credentials, expiresAt: grant.expiresAt, baseUrl: app.baseUrl }];
  }
}
