import { Inject, Injectable, Logger } from '@nestjs/common';
import { SecretBox } from '../../../common/crypto/secret-box';
import { ChannelAccountsRepository } from '../channel-accounts.repository';
import { findConnect } from '../connectors/connect.registry';
import { ConnectorErrorCode, isConnectorError } from '../connectors/connector-error';
import { isOAuthConnect, type RefreshedCredentials } from '../connectors/platform-connect';
import { scrubSecrets } from '../connectors/redact';
import { PlatformAppsService } from './platform-apps.service';
import { ReconnectNotice } from './reconnect-notice.service';

/** A token expiring within this margin is refreshed before it is used. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
/** The worker's tick refreshes every token expiring within this horizon. */
export const REFRESH_HORIZON_MS = 30 * 60_000;

export type RefreshOutcome = 'refreshed' | 'not-needed' | 'reconnect-needed' | 'failed';

/**
 * Keeps connected accounts' tokens alive: refreshes before expiry (on use and from the worker's
 * tick), and when the platform refuses the grant (revoked or expired consent) marks the account
 * `reconnect_needed` with the platform's reason and tells the workspace's admins once by email.
 * The scheduler skips such accounts, so a revoked token never loops on retries.
 */
@Injectable()
export class TokenKeeper {
  private readonly logger = new Logger('token-keeper');
  /** One refresh per account at a time in this process (X and TikTok rotate refresh tokens: a double refresh would burn one). */
  private readonly inFlight = new Map<string, Promise<RefreshOutcome>>();

  constructor(
    private readonly channels: ChannelAccountsRepository,
    private readonly apps: PlatformAppsService,
    @Inject(SecretBox) private readonly secrets: SecretBox,
    private readonly notice: ReconnectNotice,
  ) {}

  /** The account's decrypted credentials, refreshed first when they expire within the margin. */
  async credentials(id: string, now = new Date()): Promise<Record<string, string> | null> {
    const state = await this.channels.tokenState(id);
    if (state?.tokenExpiresAt && state.status !== 'reconnect_needed' && state.tokenExpiresAt.getTime() - now.getTime() < REFRESH_MARGIN_MS) {
      await this.refresh(id);
    }
    return this.open(id);
  }

  /** Refreshes one account's token (deduplicated per account in this process). */
  refresh(id: string): Promise<RefreshOutcome> {
    const running = this.inFlight.get(id);
    if (running) return running;
    const p = this.doRefresh(id).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, p);
    return p;
  }

  /** The worker's tick: every token expiring within the horizon, oldest expiry first. */
  async refreshExpiring(now = new Date()): Promise<Record<RefreshOutcome, number>> {
    const counts: Record<RefreshOutcome, number> = { refreshed: 0, 'not-needed': 0, 'reconnect-needed': 0, failed: 0 };
    for (const row of await this.channels.expiringTokens(new Date(now.getTime() + REFRESH_HORIZON_MS), 200)) {
      counts[await this.refresh(row.id)] += 1;
    }
    return counts;
  }

  /**
   * The platform refused the account's token (a sync got AUTH): reconnect needed, admins told
   * once. The other accounts keep syncing: nothing else is touched.
   */
  async reconnectNeeded(id: string, reason: string): Promise<void> {
    if (!(await this.channels.markReconnectNeeded(id, reason))) return;
    const state = await this.channels.tokenState(id);
    if (state) await this.notice.send(state, reason);
  }

  private async doRefresh(id: string): Promise<RefreshOutcome> {
    const state = await this.channels.tokenState(id);
    if (!state || state.status === 'reconnect_needed') return 'not-needed';
    const connect = findConnect(state.platform);
    const credentials = await this.open(id);
    if (!connect || !credentials) return 'not-needed';
    let refreshed: RefreshedCredentials;
    try {
      if (isOAuthConnect(connect)) {
        if (!connect.refresh) return 'not-needed';
        const resolved = connect.method === 'instance-oauth' ? null : await this.apps.resolve(state.workspaceId, state.platform);
        if (connect.method !== 'instance-oauth' && !resolved) {
          await this.reconnectNeeded(id, `The ${connect.appPlatform} app this account was connected with is no longer configured`);
          return 'reconnect-needed';
        }
        refreshed = await connect.refresh(resolved?.app ?? { clientId: '', clientSecret: '', baseUrl: state.baseUrl }, credentials);
      } else {
        refreshed = await connect.refresh(state.baseUrl, credentials);
      }
    } catch (e) {
      const message = scrubSecrets(e instanceof Error ? e.message : String(e), Object.values(credentials)).slice(0, 1000);
      if (isConnectorError(e) && e.code === ConnectorErrorCode.AUTH) {
        await this.reconnectNeeded(id, `Token refresh refused: ${message}`);
        return 'reconnect-needed';
      }
      // Platform down or rate limited: the token is still valid for a while; the next tick retries.
      this.logger.warn(`${state.platform} ${id}: token refresh failed, will retry: ${message}`);
      return 'failed';
    }
    await this.channels.saveRefreshed(id, this.secrets.sealJson(refreshed.credentials), refreshed.expiresAt);
    this.logger.log(`${state.platform} ${id}: token refreshed${refreshed.expiresAt ? `, valid until ${refreshed.expiresAt.toISOString()}` : ''}`);
    return 'refreshed';
  }

  private async open(id: string): Promise<Record<string, string> | null> {
    const sealed = await this.channels.sealedCredentials(id);
    return sealed ? this.secrets.openJson<Record<string, string>>(sealed) : null;
  }
}
