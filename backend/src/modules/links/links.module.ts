import { Module, type OnModuleInit } from '@nestjs/common';
import { BrandsModule } from '../brands/brands.module';
import { ChannelsModule } from '../channels/channels.module';
import { KpiContributorRegistry } from '../kpi/contributors/kpi-contributor';
import { KpiModule } from '../kpi/kpi.module';
import { ClickRecorder } from './click-recorder.service';
import { ConversionsController } from './conversions.controller';
import { ConversionsRepository } from './conversions.repository';
import { ConversionsService } from './conversions.service';
import { FunnelsController } from './funnels.controller';
import { FunnelsRepository } from './funnels.repository';
import { FunnelsService } from './funnels.service';
import { LinkClicksRepository } from './link-clicks.repository';
import { LinksController } from './links.controller';
import { LinksService } from './links.service';
import { RedirectController } from './redirect.controller';
import { TrackedLinksContributor } from './tracked-links.contributor';
import { TrackedLinksRepository } from './tracked-links.repository';

/**
 * Tracked links (redirect GET /r/:code with UTM tags, click recording), conversions (signed
 * webhook, CSV import) and funnels. Feeds trackedLinkClicks / conversions / conversionValue
 * into the KPIs through the kpi module's contributor registry.
 */
@Module({
  imports: [BrandsModule, ChannelsModule, KpiModule],
  controllers: [LinksController, RedirectController, ConversionsController, FunnelsController],
  providers: [
    TrackedLinksRepository,
    LinkClicksRepository,
    ConversionsRepository,
    FunnelsRepository,
    TrackedLinksContributor,
    LinksService,
    ClickRecorder,
    ConversionsService,
    FunnelsService,
  ],
})
export class LinksModule implements OnModuleInit {
  constructor(
    private readonly registry: KpiContributorRegistry,
    private readonly trackedLinks: TrackedLinksContributor,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.trackedLinks);
  }
}
