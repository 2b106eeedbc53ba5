import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { PLATFORMS, type ConnectPlatformDto, type Platform, type PlatformAppSource } from '@vigie/contracts';
import { SecretBox } from '../../../common/crypto/secret-box';
import { checkUserUrl } from '../../../common/http/user-url';
import { APP_CONFIG, APP_PLATFORMS, type AppConfig } from '../../../config/app-config';
import { findConnect } from '../connectors/connect.registry';
import type { InstanceRegistration, PlatformApp } from '../connectors/platform-connect';
import { PlatformAppsRepository } from './platform-apps.repository';

export interface ResolvedApp {
  app: PlatformApp;
  source: PlatformAppSource;
}

export interface SavePlatformApp {
  clientId: string;
  clientSecret: string;
  baseUrl?: string | null;
}

const APP_PLATFORM_SET: ReadonlySet<string> = new Set(APP_PLATFORMS);

/**
 * Which app a Connect button uses: the workspace's own (Settings, secret sealed at rest) before the
 * installation's env vars; Mastodon apps are registered by Vigie on each instance and cached.
 */
@Injectable()
export class PlatformAppsService {
  constructor(
    private readonly apps: PlatformAppsRepository,
    @Inject(SecretBox) private readonly secrets: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The exact redirect URI to register in the platform's developer console. */
  redirectUri(platform: Platform): string {
    return `${this.config.publicUrl}/api/connect/callback/${platform}`;
  }

  /** The app a platform's consent runs with (Instagram: the Facebook app), or null when none is configured. */
  async resolve(workspaceId: string, platform: Platform): Promise<ResolvedApp | null> {
    const connect = findConnect(platform);
    const appPlatform = connect && 'appPlatform' in connect ? connect.appPlatform : platform;
    const row = await this.apps.find(workspaceId, appPlatform);
    if (row) return { app: { clientId: row.clientId, clientSecret: this.secrets.open(row.clientSecretEncrypted), baseUrl: row.baseUrl }, source: 'workspace' };
    const env = this.config.platformApps[appPlatform];
    return env ? { app: { ...env }, source: 'env' } : null;
  }

  /** Settings' list: per platform, how it connects, whether it can, and the redirect URI to register. */
  async list(workspaceId: string): Promise<ConnectPlatformDto[]> {
    const rows = await this.apps.list(workspaceId);
    return Promise.all(
      PLATFORMS.map(async (platform): Promise<ConnectPlatformDto> => {
        const connect = findConnect(platform);
        if (!connect) return { platform, method: 'none', ready: true, appSource: null, clientId: null, baseUrl: null, redirectUri: null, scopes: [], consoleUrl: null };
        if (connect.method === 'app-password' || connect.method === 'instance-oauth') {
          return {
            platform,
            method: connect.method,
            ready: true,
            appSource: null,
            clientId: null,
            baseUrl: null,
            redirectUri: connect.method === 'instance-oauth' ? this.redirectUri(platform) : null,
            scopes: 'scopes' in connect ? [...connect.scopes] : [],
            consoleUrl: connect.consoleUrl,
          };
        }
        const own = rows.find((r) => r.platform === connect.appPlatform);
        const env = this.config.platformApps[connect.appPlatform];
        return {
          platform,
          method: 'oauth',
          ready: !!(own || env),
          appSource: own ? 'workspace' : env ? 'env' : null,
          clientId: own?.clientId ?? env?.clientId ?? null,
          baseUrl: own ? own.baseUrl : (env?.baseUrl ?? null),
          redirectUri: this.redirectUri(platform),
          scopes: [...connect.scopes],
          consoleUrl: connect.consoleUrl,
        };
      }),
    );
  }

  async save(workspaceId: string, platform: Platform, dto: SavePlatformApp): Promise<ConnectPlatformDto> {
    this.assertAppPlatform(platform);
    const baseUrl = dto.baseUrl?.trim() ? await checkUserUrl('baseUrl', dto.baseUrl.trim(), this.config.allowPrivateUrls) : null;
    await this.apps.upsert(workspaceId, platform, dto.clientId.trim(), this.secrets.seal(dto.clientSecret.trim()), baseUrl ? baseUrl.replace(/\/+$/, '') : null);
    return (await this.list(workspaceId)).find((p) => p.platform === platform)!;
  }

  async remove(workspaceId: string, platform: Platform): Promise<void> {
    this.assertAppPlatform(platform);
    await this.apps.delete(workspaceId, platform);
  }

  /** Mastodon: the app Vigie registered on this instance for this redirect URI, registering it on first use. */
  async instanceApp(platform: Platform, instanceUrl: string, registration: InstanceRegistration): Promise<PlatformApp> {
    const redirectUri = this.redirectUri(platform);
    const cached = await this.apps.findInstanceApp(platform, instanceUrl, redirectUri);
    const row = cached ?? (await this.registerOn(platform, instanceUrl, redirectUri, registration));
    return { clientId: row.clientId, clientSecret: this.secrets.open(row.clientSecretEncrypted), baseUrl: instanceUrl };
  }

  private async registerOn(platform: Platform, instanceUrl: string, redirectUri: string, registration: InstanceRegistration) {
    const app = await registration.register(instanceUrl, redirectUri, this.config.publicUrl);
    return this.apps.saveInstanceApp(platform, instanceUrl, redirectUri, app.clientId, this.secrets.seal(app.clientSecret));
  }

  private assertAppPlatform(platform: Platform): void {
    if (APP_PLATFORM_SET.has(platform)) return;
    const why =
      platform === 'instagram'
        ? 'Instagram uses the Meta app configured for Facebook'
        : platform === 'mastodon'
          ? 'Vigie registers its own app on each Mastodon instance'
          : platform === 'bluesky'
            ? 'Bluesky accounts connect with an app password'
            : `${platform} needs no app`;
    throw new BadRequestException({ statusCode: 400, message: `Invalid request: platform (${why})`, details: [{ field: 'platform', errors: [why] }] });
  }
}
