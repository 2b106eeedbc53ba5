import { Module, type OnModuleInit } from '@nestjs/common';
import { BrandsModule } from '../brands/brands.module';
import { ChannelsModule } from '../channels/channels.module';
import { IngestionEvents } from '../ingestion/ingestion-events';
import { IngestionModule } from '../ingestion/ingestion.module';
import { KpiController } from './api/kpi.controller';
import { KpiScopeResolver } from './api/kpi-scope';
import { KpiService } from './api/kpi.service';
import { CommentSentimentContributor } from './contributors/comment-sentiment.contributor';
import { KpiContributorRegistry } from './contributors/kpi-contributor';
import { ClickRecorder } from './links/click-recorder.service';
import { ConversionsController } from './links/conversions.controller';
import { ConversionsService } from './links/conversions.service';
import { FunnelsController } from './links/funnels.controller';
import { FunnelsService } from './links/funnels.service';
import { LinksController } from './links/links.controller';
import { LinksService } from './links/links.service';
import { RedirectController } from './links/redirect.controller';
import { TrackedLinksContributor } from './links/tracked-links.contributor';
import { KpiRollupService } from './rollups/kpi-rollup.service';
import { SentimentDaysCompactor } from './contributors/sentiment-days-compactor';

/**
 * KPI engine: daily rollups, the KPI API, tracked links, conversions and funnels.
 * Other modules import it for KpiRollupService (rollup refresh / rebuild) and
 * KpiContributorRegistry (to feed inbox / veille counts into the KPIs).
 */
@Module({
  imports: [BrandsModule, ChannelsModule, IngestionModule],
  controllers: [KpiController, LinksController, RedirectController, ConversionsController, FunnelsController],
  providers: [
    KpiRollupService,
    KpiService,
    KpiScopeResolver,
    KpiContributorRegistry,
    CommentSentimentContributor,
    SentimentDaysCompactor,
    TrackedLinksContributor,
    LinksService,
    ClickRecorder,
    ConversionsService,
    FunnelsService,
  ],
  exports: [KpiRollupService, KpiContributorRegistry],
})
export class KpiModule implements OnModuleInit {
  constructor(
    private readonly registry: KpiContributorRegistry,
    private readonly sentiment: CommentSentimentContributor,
    private readonly trackedLinks: TrackedLinksContributor,
    private readonly rollups: KpiRollupService,
    private readonly events: IngestionEvents,
    private readonly sentimentDays: SentimentDaysCompactor,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.sentiment);
    this.registry.register(this.trackedLinks);
    // Every committed ingestion batch (sync or CSV import) refreshes the days it touched.
    this.events.onPostsWritten(async (e) => {
      await this.rollups.refreshForPosts(e.postIds);
    });
    // Comment writes append sentiment day counts: fold them now and then.
    this.events.onCommentsWritten(() => this.sentimentDays.maybeCompact());
  }
}
