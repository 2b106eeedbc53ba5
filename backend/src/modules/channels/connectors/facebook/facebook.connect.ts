import type { Platform } from '@vigie/contracts';
import { buildUrl } from '../base-url';
import type { ConnectorOptions } from '../credentials';
import { HttpClient } from '../http-client';
import { JsonReader } from '../json-reader';
import { GRAPH_DEFAULT_HOST, GRAPH_VERSION, graphGet, graphNextToken, graphTokenQuery } from '../meta-graph';
import { asGrantError, grantOf, hostOf, oauth2Denial } from '../oauth2';
import type { AuthorizeRequest, CodeExchange, ConnectableAccount, OAuthConnect, PlatformApp, RefreshedCredentials, TokenGrant } from '../platform-connect';

const DIALOG_HOST = 'https://www.facebook.com';
const MAX_PAGES = 10;

/**
 * Facebook Login for Business, shared by Facebook and Instagram (one Meta app): the user's
 * short-lived token is exchanged at once for a long-lived one (60 days), whose Pages come with
 * Page tokens that do not expire; the Instagram professional accounts linked to those Pages use
 * the long-lived user token, re-exchanged before it expires.
 */
export class MetaConnect implements OAuthConnect {
  readonly method = 'oauth' as const;
  readonly appPlatform: Platform = 'facebook';
  readonly consoleUrl = 'https://developers.facebook.com/apps/';
  readonly scopes = [
    'pages_show_list',
    'pages_read_engagement',
    'pages_read_user_content',
    'pages_manage_engagement',
    'read_insights',
    'business_management',
    'instagram_basic',
    'instagram_manage_comments',
    'instagram_manage_insights',
  ] as const;
  private readonly http: HttpClient;

  constructor(
    readonly platform: 'facebook' | 'instagram',
    opts: ConnectorOptions = {},
  ) {
    this.http = new HttpClient(opts);
  }

  authorizeUrl(app: PlatformApp, req: AuthorizeRequest): string {
    return buildUrl(hostOf(app, DIALOG_HOST), `/${GRAPH_VERSION}/dialog/oauth`, {
      client_id: app.clientId,
      redirect_uri: req.redirectUri,
      state: req.state,
      response_type: 'code',
      scope: this.scopes.join(','),
      code_challenge: req.codeChallenge,
      code_challenge_method: 'S256',
    });
  }

  denial(query: Readonly<Record<string, string>>): string | null {
    return oauth2Denial('Facebook', query);
  }

  async exchange(app: PlatformApp, req: CodeExchange): Promise<TokenGrant> {
    const short = await this.token(app, { client_id: app.clientId, client_secret: app.clientSecret, redirect_uri: req.redirectUri, code: req.code, code_verifier: req.codeVerifier }, 'facebook code exchange');
    return this.longLived(app, short.accessToken);
  }

  async accounts(app: PlatformApp, grant: TokenGrant): Promise<ConnectableAccount[]> {
    const call = { http: this.http, base: hostOf(app, GRAPH_DEFAULT_HOST), token: grant.accessToken, what: 'facebook pages' };
    const out: ConnectableAccount[] = [];
    let page: string | null = null;
    for (let n = 0; n < MAX_PAGES; n++) {
      const body = await graphGet(call, '/me/accounts', {
        fields: 'id,name,username,access_token,instagram_business_account{id,username,name}',
        limit: 100,
        ...graphTokenQuery(page),
      });
      for (const p of body.get('data').arr()) {
        const id = p.get('id').str();
        out.push({
          platform: 'facebook',
          externalId: id,
          handle: p.get('username').optStr() ?? id,
          displayName: p.get('name').optStr(),
          credentials: { accessToken: p.get('access_token').str() },
          expiresAt: null,
          baseUrl: app.baseUrl,
        });
        const ig = p.get('instagram_business_account');
        if (!ig.isMissing()) {
          out.push({
            platform: 'instagram',
            externalId: ig.get('id').str(),
            handle: ig.get('username').optStr() ?? ig.get('id').str(),
            displayName: ig.get('name').optStr(),
            credentials: { accessToken: grant.accessToken, igUserId: ig.get('id').str() },
            expiresAt: grant.expiresAt,
            baseUrl: instagramBaseOf(app.baseUrl),
          });
        }
      }
      page = graphNextToken(body);
      if (!page) break;
    }
    return out;
  }

  /** Page tokens never expire; the Instagram user token is exchanged for a fresh 60-day one. */
  async refresh(app: PlatformApp, credentials: Readonly<Record<string, string>>): Promise<RefreshedCredentials> {
    const grant = await this.longLived(app, credentials.accessToken ?? '');
    return { credentials: { ...credentials, accessToken: grant.accessToken }, expiresAt: grant.expiresAt };
  }

  private longLived(app: PlatformApp, token: string): Promise<TokenGrant> {
    return this.token(app, { grant_type: 'fb_exchange_token', client_id: app.clientId, client_secret: app.clientSecret, fb_exchange_token: token }, 'facebook long-lived token');
  }

  private async token(app: PlatformApp, query: Record<string, string>, what: string): Promise<TokenGrant> {
    const url = buildUrl(hostOf(app, GRAPH_DEFAULT_HOST), `/${GRAPH_VERSION}/oauth/access_token`, query);
    const secrets = [app.clientSecret, query.code, query.fb_exchange_token, query.code_verifier].filter((s): s is string => !!s);
    try {
      const res = await this.http.json({ url, what, secrets });
      return grantOf(JsonReader.root(res.body, what));
    } catch (e) {
      throw asGrantError(e);
    }
  }
}

/**
 * Graph serves Facebook and Instagram from one host; the sandbox (and a proxy laid out like it)
 * serves each platform under its own prefix, so an app pointed at `…/facebook` reaches Instagram at `…/instagram`.
 */
export function instagramBaseOf(appBaseUrl: string | null): string | null {
  return appBaseUrl ? appBaseUrl.replace(/\/facebook\/?$/, '/instagram') : null;
}

export const createFacebookConnect = (opts: ConnectorOptions = {}) => new MetaConnect('facebook', opts);
