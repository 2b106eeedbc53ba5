import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { BRANDS, SANDBOX_OAUTH_APPS, redditBrandUser, type RunningSandbox, type SandboxAccountWithUrl, startSandbox } from '@vigie/platform-sandbox';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { freePort } from '../../infra/embedded-database';
import { BrandsRepository } from '../brands/brands.repository';
import { ChannelAccountsRepository } from '../channels/channel-accounts.repository';
import type { PutPlaybookDto } from '../crisis/crisis.dto';
import { CrisisSettingsService } from '../crisis/crisis-settings.service';
import { ChannelsService } from '../channels/channels.service';
import { PlatformAppsService } from '../channels/connect/platform-apps.service';
import { APP_PLATFORMS } from '../../config/app-config';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { AlertRulesRepository } from '../veille/alert-rules.repository';
import { WatchQueriesRepository } from '../veille/watch-queries.repository';
import { SecretBox } from '../../common/crypto/secret-box';

/** Words of a product crisis (health, contamination, recall), per sector, in French and English. */
const CRISIS_QUERIES: Record<string, string> = {
  beauty:
    'allergi* OR brûlure* OR brûlé* OR eczéma OR rance OR "lot défectueux" OR "mauvais lot" OR allergic OR rash OR burns OR "bad batch"',
  coffee:
    'moisi OR intoxication OR contaminé OR plastique OR malades OR "rappel de lot" OR "mauvais lot" OR plastic OR mouldy OR sick OR recall OR "bad batch"',
};

const sectorOf = (brandName: string): string => BRANDS.find((b) => b.name === brandName)?.domain ?? 'beauty';

/** The credential object each connector expects, filled with the token the sandbox accepts. */
export function sandboxCredentials(a: Pick<SandboxAccountWithUrl, 'platform' | 'token' | 'brandSlug'>): Record<string, string> | null {
  switch (a.platform) {
    case 'x':
      return { bearerToken: a.token };
    case 'youtube':
      return { apiKey: a.token };
    case 'rss':
      return null;
    case 'reddit':
      // The brand answers in its subreddit under this user: it marks replies as the brand's.
      return { accessToken: a.token, username: redditBrandUser(a.brandSlug) };
    default:
      return { accessToken: a.token };
  }
}

/**
 * The live demo: a local platform sandbox speaking the real APIs, and the demo workspace's channel
 * accounts pointed at it, so `npm start` shows data flowing through the real connectors and queue.
 * A crisis starts a few minutes after boot so the spike alert can be seen.
 */
@Injectable()
export class DemoSandboxService implements OnApplicationShutdown {
  private readonly logger = new Logger('demo');
  private sandbox: RunningSandbox | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workspaces: WorkspacesRepository,
    private readonly brands: BrandsRepository,
    private readonly channels: ChannelAccountsRepository,
    private readonly queries: WatchQueriesRepository,
    private readonly rules: AlertRulesRepository,
    private readonly channelsService: ChannelsService,
    private readonly platformApps: PlatformAppsService,
    @Inject(SecretBox) private readonly secrets: SecretBox,
    private readonly crisisSettings: CrisisSettingsService,
  ) {}

  /** Starts the sandbox and wires every demo workspace to it; returns the sandbox URL or null. */
  async start(opts: { crisisAfterMs?: number } = {}): Promise<string | null> {
    if (!this.config.demo || this.config.role === 'api') return null;
    const demoWorkspaces = await this.workspaces.findDemo();
    if (!demoWorkspaces.length) return null;
    this.sandbox = await startSandbox({
      port: await freePort(3100),
      host: '127.0.0.1',
      seed: 1,
      // The demo must stay green: quotas are exercised by the tests, not by the showroom.
      rateLimits: false,
      crisisAfterMs: opts.crisisAfterMs ?? 3 * 60_000,
    });
    for (const ws of demoWorkspaces) {
      await this.wire(ws.id, this.sandbox.accounts);
      await this.seedVeille(ws.id);
      await this.seedConnectApps(ws.id, this.sandbox.baseUrls);
      await this.seedCrisisPlaybooks(ws.id);
    }
    this.logger.log(`Platform sandbox on ${this.sandbox.url} (${this.sandbox.accounts.length} demo accounts)`);
    return this.sandbox.url;
  }

  private async wire(workspaceId: string, accounts: SandboxAccountWithUrl[]): Promise<void> {
    const brandIds = new Map<string, string>();
    for (const a of accounts) {
      if (brandIds.has(a.brand)) continue;
      let brand = await this.brands.findByName(workspaceId, a.brand);
      brand ??= await this.brands.insert({ workspaceId, name: a.brand, kind: a.brandKind, logoUrl: null });
      brandIds.set(a.brand, brand.id);
    }
    for (const a of accounts) {
      const brandId = brandIds.get(a.brand)!;
      let credentials = sandboxCredentials(a);
      if (a.platform === 'instagram' && a.brandKind === 'competitor' && a.competitorOf) {
        // Competitors are read through our own IG account (Business Discovery).
        const own = accounts.find((o) => o.platform === 'instagram' && o.brandSlug === a.competitorOf);
        if (own) credentials = { accessToken: own.token, igUserId: own.externalId };
      }
      const existing = await this.channels.findByHandle(brandId, a.platform, a.handle);
      const values = {
        externalId: a.externalId,
        displayName: a.displayName,
        baseUrl: a.baseUrl,
        credentialsEncrypted: credentials ? this.secrets.sealJson(credentials) : null,
      };
      let id: string;
      if (existing) {
        // The sandbox port may change between starts: re-point the accounts.
        await this.channels.updateConnection(existing.id, values);
        id = existing.id;
      } else {
        const saved = await this.channels.insert({
          workspaceId,
          brandId,
          platform: a.platform,
          handle: a.handle,
          status: 'ok',
          consecutiveFailures: 0,
          ...values,
        });
        id = saved.id;
      }
      await this.channelsService.requestSync(workspaceId, id);
    }
  }

  /**
   * What a CM would configure on day one: a brand query per brand, a crisis-signals topic per own
   * brand, and spike / negative-surge alert rules. Only when the workspace has no query yet.
   */
  /** The sandbox's OAuth apps as the demo workspace's own, so every Connect button runs the real flow locally. */
  private async seedConnectApps(workspaceId: string, baseUrls: Record<string, string>): Promise<void> {
    const appPlatforms: readonly string[] = APP_PLATFORMS;
    for (const app of SANDBOX_OAUTH_APPS) {
      if (!appPlatforms.includes(app.platform)) continue;
      await this.platformApps.save(workspaceId, app.platform, { clientId: app.clientId, clientSecret: app.clientSecret, baseUrl: baseUrls[app.platform] });
    }
  }

  /** A day-one crisis playbook per own brand (checklist per stage, FR/EN holding statements), unless one exists. */
  private async seedCrisisPlaybooks(workspaceId: string): Promise<void> {
    for (const brand of await this.brands.list(workspaceId)) {
      if (brand.kind !== 'own') continue;
      if ((await this.crisisSettings.playbook(workspaceId, brand.id)).updatedAt !== null) continue;
      await this.crisisSettings.putPlaybook(workspaceId, brand.id, demoPlaybook(brand.name), null);
    }
  }

  private async seedVeille(workspaceId: string): Promise<void> {
    if ((await this.queries.countInWorkspace(workspaceId)) > 0) return;
    const brands = await this.brands.list(workspaceId);
    for (const brand of brands) {
      const slug = brand.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '');
      const queryId = await this.queries.insertSeed(
        workspaceId,
        brand.id,
        brand.kind === 'own' ? 'brand' : 'competitor',
        brand.name,
        `"${brand.name}" OR ${slug.toLowerCase()} OR #${slug}`,
      );
      if (brand.kind !== 'own') continue;
      const crisisId = await this.queries.insertTopicSeed(
        workspaceId,
        brand.id,
        `${brand.name} — signaux de crise`,
        CRISIS_QUERIES[sectorOf(brand.name)],
      );
      await this.rules.insertDemoRules({
        workspaceId,
        brandId: brand.id,
        brandQueryId: queryId,
        crisisQueryId: crisisId,
        spikeName: `Pic de mentions — ${brand.name}`,
        crisisName: `Signaux de crise — ${brand.name}`,
        negativeName: `Sentiment négatif — ${brand.name}`,
        bigAccountName: `Compte influent — ${brand.name}`,
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sandbox?.close().catch(() => undefined);
    this.sandbox = null;
  }
}

/** What a CM team writes in its crisis playbook on day one (the field's checklist, two holding statements). */
function demoPlaybook(brand: string): PutPlaybookDto {
  return {
    checklist: {
      watch: [
        { id: 'qualify', label: 'Qualifier le sujet : faits, sources, premiers auteurs' },
        { id: 'alert-cell', label: 'Prévenir la cellule (pilote, juridique, direction)' },
      ],
      active: [
        { id: 'holding', label: 'Publier la déclaration d’attente validée' },
        { id: 'faq', label: 'Préparer les réponses types pour la boîte de réception' },
        { id: 'influencers', label: 'Cartographier les comptes qui relaient' },
      ],
      contained: [{ id: 'follow-up', label: 'Répondre aux derniers messages, suivre la décrue' }],
      closed: [{ id: 'debrief', label: 'Débrief et rapport post-crise à la direction' }],
    },
    statements: [
      {
        id: 'holding-fr',
        language: 'fr',
        title: 'Déclaration d’attente',
        text: `Nous avons connaissance des messages concernant ${brand}. Nos équipes vérifient les faits et reviennent vers vous très rapidement. Merci de votre patience.`,
      },
      {
        id: 'holding-en',
        language: 'en',
        title: 'Holding statement',
        text: `We are aware of the messages about ${brand}. Our teams are checking the facts and will get back to you very shortly. Thank you for your patience.`,
      },
    ],
  };
}
