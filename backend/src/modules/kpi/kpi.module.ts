import { Module, type OnModuleInit } from '@nestjs/common';
import { BrandsModule } from '../brands/brands.module';
import { ChannelsModule } from '../channels/channels.module';
import { IngestionEvents } from '../ingestion/ingestion-events';
import { IngestionModule } from '../ingestion/ingestion.module';
import { KpiController } from './api/kpi.controller';
import { CommentSentimentDaysRepository } from './comment-sentiment-days.repository';
import { KpiActivityMarksRepository } from './kpi-activity-marks.repository';
import { KpiReadsRepository } from './kpi-reads.repository';
import { KpiRollupsRepository } from './kpi-rollups.repository';
import { KpiScopeResolver } from './api/kpi-scope';
import { KpiService } from './api/kpi.service';
import { CommentSentimentContributor } from './contributors/comment-sentiment.contributor';
import { KpiContributorRegistry } from './contributors/kpi-contributor';
import { KpiRollupService } from './rollups/kpi-rollup.service';
import { KpiCountsCompactor } from './contributors/kpi-counts-compactor';

/**
 * KPI engine: daily rollups and the KPI API. Other modules import it for KpiRollupService
 * (rollup refresh / rebuild), KpiContributorRegistry (to feed inbox / veille / links counts into
 * the KPIs) and KpiScopeResolver (brand / channel / time zone checks of a dashboard query).
 */
@Module({
  imports: [BrandsModule, ChannelsModule, IngestionModule],
  controllers: [KpiController],
  providers: [
    KpiRollupsRepository,
    KpiReadsRepository,
    CommentSentimentDaysRepository,
    KpiActivityMarksRepository,
    KpiRollupService,
    KpiService,
    KpiScopeResolver,
    KpiContributorRegistry,
    CommentSentimentContributor,
    KpiCountsCompactor,
  ],
  exports: [KpiService, KpiRollupService, KpiContributorRegistry, KpiScopeResolver, KpiActivityMarksRepository],
})
export class KpiModule implements OnModuleInit {
  constructor(
    private readonly registry: KpiContributorRegistry,
    private readonly sentiment: CommentSentimentContributor,
    private readonly rollups: KpiRollupService,
    private readonly events: IngestionEvents,
    private readonly counts: KpiCountsCompactor,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.sentiment);
    // Every committed ingestion batch (sync or CSV import) refreshes the days it touched.
    this.events.onPostsWritten(async (e) => {
      await this.rollups.refreshForPosts(e.postIds);
    });
    // Comment writes append sentiment day counts and activity marks: fold them now and then.
    this.events.onCommentsWritten(() => this.counts.maybeCompact());
  }
}
