import { buildUrl } from '../base-url';
import type { ConnectorOptions } from '../credentials';
import { JsonReader } from '../json-reader';
import { hostOf, type OAuthAppSpec, StandardOAuthConnect } from '../oauth2';
import type { ConnectableAccount, OAuthConnect, PlatformApp, TokenGrant } from '../platform-connect';
import { LINKEDIN_VERSION, LinkedinConnector } from './linkedin.connector';

const API_HOST = 'https://api.linkedin.com';

const LINKEDIN_OAUTH: OAuthAppSpec = {
  platform: 'linkedin',
  displayName: 'LinkedIn',
  consoleUrl: 'https://www.linkedin.com/developers/apps',
  authorizeHost: 'https://www.linkedin.com',
  authorizePath: '/oauth/v2/authorization',
  tokenHost: 'https://www.linkedin.com',
  tokenPath: '/oauth/v2/accessToken',
  scopes: ['r_organization_social', 'w_organization_social', 'rw_organization_admin', 'r_organization_admin'],
  clientAuth: 'body',
};

/** Community Management API: the member's consent reaches the organization pages they administer. */
export class LinkedinConnect extends StandardOAuthConnect implements OAuthConnect {
  constructor(opts: ConnectorOptions = {}) {
    super(LINKEDIN_OAUTH, opts, new LinkedinConnector(opts));
  }

  async accounts(app: PlatformApp, grant: TokenGrant): Promise<ConnectableAccount[]> {
    const what = 'linkedin administered organizations';
    const url = buildUrl(hostOf(app, API_HOST), '/rest/organizationAcls', { q: 'roleAssignee', role: 'ADMINISTRATOR', state: 'APPROVED' });
    const res = await this.http.json({
      url,
      what,
      headers: { authorization: `Bearer ${grant.accessToken}`, 'LinkedIn-Version': LINKEDIN_VERSION, 'X-Restli-Protocol-Version': '2.0.0' },
      secrets: [grant.accessToken],
    });
    const ids = JsonReader.root(res.body, what)
      .get('elements')
      .arr()
      .map((e) => e.get('organization').str().replace(/^urn:li:organization:/, ''));
    const out: ConnectableAccount[] = [];
    for (const id of [...new Set(ids)]) out.push(await this.verifiedAccount(app, grant, { handle: id, externalId: id }));
    return out;
  }
}
