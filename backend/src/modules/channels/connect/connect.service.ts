import { BadRequestException, ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { ChannelDto, ConnectAttemptDto, ConnectStartDto, Platform } from '@vigie/contracts';
import type { Principal } from '../../../common/auth/principal';
import { SecretBox } from '../../../common/crypto/secret-box';
import { checkUserUrl } from '../../../common/http/user-url';
import type { Wire } from '../../../common/http/api-reply';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { BrandsService } from '../../brands/brands.service';
import { ChannelsService } from '../channels.service';
import { findConnect } from '../connectors/connect.registry';
import { isConnectorError } from '../connectors/connector-error';
import type { ConnectableAccount, InstanceRegistration, OAuthConnect, PlatformApp } from '../connectors/platform-connect';
import { isOAuthConnect } from '../connectors/platform-connect';
import type { AppPasswordConnectDto, PickedAccountDto, StartConnectDto } from './connect.dto';
import { ConnectAttemptsRepository, type ConnectAttemptRow } from './connect-attempts.repository';
import { ConnectState, pkcePair } from './connect-state';
import { PlatformAppsService } from './platform-apps.service';

/** A state is good for 10 minutes (the consent page must be answered within). */
export const STATE_TTL_MS = 10 * 60_000;
/** After consent, the CM has this long to pick the pages (the tokens wait sealed in the attempt). */
export const PICK_TTL_MS = 30 * 60_000;

/** Why a callback was refused before anything was exchanged (the page shows the matching message). */
export type CallbackRefusal = 'invalid_state' | 'state_mismatch' | 'state_used' | 'state_expired' | 'platform_mismatch';

type SealedCandidate = Omit<ConnectableAccount, 'expiresAt'> & { expiresAt: string | null };

/** Instance-OAuth flows (Mastodon) register their app themselves. */
function registrationOf(connect: OAuthConnect): InstanceRegistration {
  if (!('register' in connect)) throw new Error(`${connect.platform}: an instance flow must register its app`);
  return connect as OAuthConnect & InstanceRegistration;
}

const keyOf = (a: Pick<ConnectableAccount, 'platform' | 'externalId'>) => `${a.platform}:${a.externalId}`;

function badRequest(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, message: `Invalid request: ${field} (${message})`, details: [{ field, errors: [message] }] });
}

/**
 * "Connect account": start (PKCE + signed state, single use, 10 minutes, bound to the session and
 * workspace) → the platform's consent page → callback (state checked and spent, code exchanged,
 * the pages/accounts the grant reaches listed and sealed) → the CM picks which to add to which
 * brand. Bluesky connects with an app password instead.
 */
@Injectable()
export class ConnectService {
  private readonly logger = new Logger('connect');
  private readonly state: ConnectState;

  constructor(
    private readonly attempts: ConnectAttemptsRepository,
    private readonly apps: PlatformAppsService,
    private readonly channels: ChannelsService,
    private readonly brands: BrandsService,
    @Inject(SecretBox) private readonly secrets: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.state = new ConnectState(config.secretKey);
  }

  async start(principal: Principal, workspaceId: string, platform: Platform, dto: StartConnectDto, now = new Date()): Promise<Wire<ConnectStartDto>> {
    if (principal.via !== 'session' || !principal.sessionId) {
      throw badRequest('session', 'a consent runs in the browser: sign in to Vigie (API tokens cannot connect accounts)');
    }
    await this.brands.get(workspaceId, dto.brandId);
    const connect = this.oauthConnect(platform);
    let instanceUrl: string | null = null;
    let app: PlatformApp;
    if (connect.method === 'instance-oauth') {
      if (!dto.instanceUrl) throw badRequest('instanceUrl', 'name your Mastodon instance, e.g. mastodon.social');
      instanceUrl = await this.instanceUrlOf(dto.instanceUrl);
      app = await this.apps.instanceApp(platform, instanceUrl, registrationOf(connect));
    } else {
      const resolved = await this.apps.resolve(workspaceId, platform);
      if (!resolved) {
        const env = `VIGIE_${connect.appPlatform.toUpperCase()}_CLIENT_ID / _CLIENT_SECRET`;
        throw badRequest('platform', `no ${connect.appPlatform} app is configured: register one at ${connect.consoleUrl} with the redirect URI ${this.apps.redirectUri(platform)}, then enter it in Settings → Connections or set ${env}`);
      }
      app = resolved.app;
    }
    const { verifier, challenge } = pkcePair();
    const redirectUri = this.apps.redirectUri(platform);
    const attempt = await this.attempts.insert({
      workspaceId,
      brandId: dto.brandId,
      userId: principal.userId,
      sessionId: principal.sessionId,
      platform,
      redirectUri,
      instanceUrl,
      verifierEncrypted: this.secrets.seal(verifier),
      expiresAt: new Date(now.getTime() + STATE_TTL_MS),
    });
    const state = this.state.sign(attempt.id, workspaceId, principal.sessionId);
    return { attemptId: attempt.id, authorizeUrl: connect.authorizeUrl(app, { redirectUri, state, codeChallenge: challenge }), expiresAt: attempt.expiresAt };
  }

  /**
   * The platform's redirect back. Returns where to send the browser: the page picker of the
   * attempt on the Channels page (consented, denied or failed: it shows which), or the reason a
   * state was refused (forged, other session or workspace, replayed, expired).
   */
  async callback(principal: Principal, platform: Platform, query: Record<string, string>, now = new Date()): Promise<string> {
    const app = this.config.publicUrl;
    // Refusals before the caller is known to own the attempt name no workspace.
    const refuse = (why: CallbackRefusal, workspaceId?: string) => `${app}${workspaceId ? `/w/${workspaceId}/channels` : '/'}?connectError=${why}`;
    const attemptId = ConnectState.attemptIdOf(query.state);
    const attempt = attemptId ? await this.attempts.find(attemptId) : null;
    if (!attempt) return refuse('invalid_state');
    if (!principal.sessionId || principal.userId !== attempt.userId || !this.state.verify(query.state, attempt.workspaceId, principal.sessionId)) {
      return refuse('state_mismatch');
    }
    if (attempt.platform !== platform) return refuse('platform_mismatch', attempt.workspaceId);
    if (!(await this.attempts.spend(attempt.id, now))) return refuse(attempt.usedAt ? 'state_used' : 'state_expired', attempt.workspaceId);
    const picker = `${app}/w/${attempt.workspaceId}/channels?connect=${attempt.id}`;
    const connect = this.oauthConnect(platform);
    const denial = connect.denial(query);
    if (denial || !query.code) {
      await this.attempts.settle(attempt.id, 'denied', { error: denial ?? `${platform} returned without an authorization code` });
      return picker;
    }
    try {
      const appUsed = await this.appOf(attempt, connect);
      const grant = await connect.exchange(appUsed, { code: query.code, redirectUri: attempt.redirectUri, codeVerifier: this.secrets.open(attempt.verifierEncrypted) });
      const accounts = await connect.accounts(appUsed, grant);
      if (!accounts.length) {
        await this.attempts.settle(attempt.id, 'failed', { error: `${platform}: this login gives access to no page or account Vigie can add (is the account an administrator of the page?)` });
        return picker;
      }
      const sealed: SealedCandidate[] = accounts.map((a) => ({ ...a, expiresAt: a.expiresAt ? a.expiresAt.toISOString() : null }));
      await this.attempts.settle(attempt.id, 'consented', { candidatesEncrypted: this.secrets.sealJson(sealed), expiresAt: new Date(now.getTime() + PICK_TTL_MS) });
    } catch (e) {
      const message = isConnectorError(e) ? e.message : e instanceof Error ? e.message : String(e);
      this.logger.warn(`${platform} consent ${attempt.id} failed: ${message}`);
      await this.attempts.settle(attempt.id, 'failed', { error: message.slice(0, 1000) });
    }
    return picker;
  }

  async attempt(principal: Principal, workspaceId: string, id: string, now = new Date()): Promise<Wire<ConnectAttemptDto>> {
    const a = await this.ownAttempt(principal, workspaceId, id);
    const candidates = a.status === 'consented' && a.candidatesEncrypted && a.expiresAt > now ? this.secrets.openJson<SealedCandidate[]>(a.candidatesEncrypted) : [];
    return {
      id: a.id,
      platform: a.platform,
      brandId: a.brandId,
      status: a.status === 'consented' && a.expiresAt <= now ? 'failed' : a.status,
      error: a.status === 'consented' && a.expiresAt <= now ? 'The choice of pages expired: connect again' : a.error,
      candidates: await Promise.all(
        candidates.map(async (c) => ({
          key: keyOf(c),
          platform: c.platform,
          externalId: c.externalId,
          handle: c.handle,
          displayName: c.displayName,
          connectedBrandId: await this.channels.connectedBrandOf(workspaceId, c.platform, c.externalId),
        })),
      ),
      expiresAt: a.expiresAt,
    };
  }

  /** Adds the picked pages/accounts (each to its brand) once; the attempt's tokens are then dropped. */
  async complete(principal: Principal, workspaceId: string, id: string, picks: PickedAccountDto[], now = new Date()): Promise<Wire<ChannelDto[]>> {
    const a = await this.ownAttempt(principal, workspaceId, id);
    for (const p of picks) await this.brands.get(workspaceId, p.brandId);
    const sealed = a.status === 'consented' && a.candidatesEncrypted ? this.secrets.openJson<SealedCandidate[]>(a.candidatesEncrypted) : null;
    if (!sealed) throw new ConflictException(a.status === 'completed' ? 'These accounts were already added' : 'Nothing to add: the consent was refused, failed or expired');
    const byKey = new Map(sealed.map((c) => [keyOf(c), c]));
    const unknown = picks.findIndex((p) => !byKey.has(p.key));
    if (unknown >= 0) throw badRequest(`accounts.${unknown}.key`, `"${picks[unknown].key}" is not one of the accounts this consent gave access to`);
    if (!(await this.attempts.complete(a.id, now))) throw new ConflictException('These accounts were already added, or the choice expired: connect again');
    const out = [];
    for (const p of picks) {
      const c = byKey.get(p.key)!;
      out.push(await this.channels.connectAccount(workspaceId, p.brandId, { ...c, expiresAt: c.expiresAt ? new Date(c.expiresAt) : null }, 'oauth'));
    }
    return out;
  }

  async appPassword(workspaceId: string, platform: Platform, dto: AppPasswordConnectDto): Promise<Wire<ChannelDto>> {
    const connect = findConnect(platform);
    if (!connect || connect.method !== 'app-password') throw badRequest('platform', `${platform} does not connect with an app password`);
    await this.brands.get(workspaceId, dto.brandId);
    const serviceUrl = dto.serviceUrl ? await checkUserUrl('serviceUrl', dto.serviceUrl, this.config.allowPrivateUrls) : null;
    let account: ConnectableAccount;
    try {
      account = await connect.login(serviceUrl, dto.identifier.trim(), dto.appPassword);
    } catch (e) {
      if (isConnectorError(e)) throw badRequest('appPassword', `${platform} refused the sign-in: ${e.message}`);
      throw e;
    }
    return this.channels.connectAccount(workspaceId, dto.brandId, account, 'app-password');
  }

  private oauthConnect(platform: Platform): OAuthConnect {
    const connect = findConnect(platform);
    if (!connect) throw badRequest('platform', `${platform} needs no consent: add it with its public address`);
    if (!isOAuthConnect(connect)) throw badRequest('platform', `${platform} connects with an app password, not a consent page`);
    return connect;
  }

  private async appOf(attempt: ConnectAttemptRow, connect: OAuthConnect): Promise<PlatformApp> {
    if (connect.method === 'instance-oauth') return this.apps.instanceApp(attempt.platform, attempt.instanceUrl!, registrationOf(connect));
    const resolved = await this.apps.resolve(attempt.workspaceId, attempt.platform);
    if (!resolved) throw new Error(`the ${connect.appPlatform} app was removed during the consent`);
    return resolved.app;
  }

  /** An attempt is only visible to its workspace and to the member who started it. */
  private async ownAttempt(principal: Principal, workspaceId: string, id: string): Promise<ConnectAttemptRow> {
    const a = await this.attempts.findInWorkspace(workspaceId, id);
    if (!a || a.userId !== principal.userId) throw new NotFoundException('Connection attempt not found');
    return a;
  }

  /** `mastodon.social` → `https://mastodon.social`; the URL must be public unless private URLs are allowed (sandbox). */
  private async instanceUrlOf(raw: string): Promise<string> {
    const withScheme = /^https?:\/\//i.test(raw.trim()) ? raw.trim() : `https://${raw.trim()}`;
    const checked = await checkUserUrl('instanceUrl', withScheme, this.config.allowPrivateUrls);
    return checked.replace(/\/+$/, '');
  }
}
