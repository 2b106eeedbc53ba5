import { buildUrl } from '../base-url';
import type { ConnectorOptions } from '../credentials';
import { JsonReader } from '../json-reader';
import { asGrantError, type OAuthAppSpec, StandardOAuthConnect } from '../oauth2';
import type { ConnectableAccount, InstanceRegistration, OAuthConnect, PlatformApp, RefreshedCredentials, TokenGrant } from '../platform-connect';

const SCOPES = ['read', 'write:statuses', 'write:favourites'];

const MASTODON_OAUTH: OAuthAppSpec = {
  platform: 'mastodon',
  displayName: 'Mastodon',
  consoleUrl: 'https://docs.joinmastodon.org/methods/apps/',
  authorizeHost: 'https://mastodon.social',
  authorizePath: '/oauth/authorize',
  tokenHost: 'https://mastodon.social',
  tokenPath: '/oauth/token',
  scopes: SCOPES,
  clientAuth: 'body',
};

/**
 * Every Mastodon instance is its own authorization server: the app is registered on the CM's
 * instance on first use (`POST /api/v1/apps`, cached per instance by the channels module) and
 * `app.baseUrl` is that instance. Tokens do not expire (until revoked).
 */
export class MastodonConnect extends StandardOAuthConnect implements OAuthConnect, InstanceRegistration {
  override readonly method = 'instance-oauth' as const;

  constructor(opts: ConnectorOptions = {}) {
    super(MASTODON_OAUTH, opts);
  }

  async register(instanceUrl: string, redirectUri: string, website: string): Promise<Omit<PlatformApp, 'baseUrl'>> {
    const what = 'mastodon app registration';
    try {
      const res = await this.http.json({
        url: buildUrl(instanceUrl.replace(/\/+$/, ''), '/api/v1/apps'),
        method: 'POST',
        body: { client_name: 'Vigie', redirect_uris: redirectUri, scopes: SCOPES.join(' '), website },
        what,
      });
      const r = JsonReader.root(res.body, what);
      return { clientId: r.get('client_id').str(), clientSecret: r.get('client_secret').str() };
    } catch (e) {
      throw asGrantError(e);
    }
  }

  async accounts(app: PlatformApp, grant: TokenGrant): Promise<ConnectableAccount[]> {
    const what = 'mastodon verify credentials';
    const res = await this.http.json({
      url: buildUrl(app.baseUrl ?? 'https://mastodon.social', '/api/v1/accounts/verify_credentials'),
      what,
      headers: { authorization: `Bearer ${grant.accessToken}` },
      secrets: [grant.accessToken],
    });
    const a = JsonReader.root(res.body, what);
    const acct = a.get('acct').str();
    // A local account's acct has no domain: the profile URL names the instance's public domain.
    const domain = acct.includes('@') ? null : new URL(a.get('url').str()).host;
    return [
      {
        platform: 'mastodon',
        externalId: a.get('id').str(),
        handle: domain ? `${acct}@${domain}` : acct,
        displayName: a.get('display_name').optStr() || null,
        credentials: this.credentialsOf(grant),
        expiresAt: null,
        baseUrl: app.baseUrl,
      },
    ];
  }

  /** Mastodon tokens have no expiry: nothing to refresh (a revoked token is caught by the next sync). */
  override async refresh(_app: PlatformApp, credentials: Readonly<Record<string, string>>): Promise<RefreshedCredentials> {
    return { credentials: { ...credentials }, expiresAt: null };
  }
}
