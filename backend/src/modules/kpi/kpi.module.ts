import { Module, type OnModuleInit } from '@nestjs/common';
import { BrandsModule } from '../brands/brands.module';
import { ChannelsModule } from '../channels/channels.module';
import { KpiController } from './api/kpi.controller';
import { KpiScopeResolver } from './api/kpi-scope';
import { KpiService } from './api/kpi.service';
import { CommentSentimentContributor } from './contributors/comment-sentiment.contributor';
import { KpiContributorRegistry } from './contributors/kpi-contributor';
import { KpiRollupService } from './rollups/kpi-rollup.service';

/**
 * KPI engine: daily rollups, the KPI / posts APIs, tracked links, conversions and funnels.
 * Other modules import it for KpiRollupService (refresh after writes) and
 * KpiContributorRegistry (to feed inbox / veille counts into the KPIs).
 */
@Module({
  imports: [BrandsModule, ChannelsModule],
  controllers: [KpiController],
  providers: [KpiRollupService, KpiService, KpiScopeResolver, KpiContributorRegistry, CommentSentimentContributor],
  exports: [KpiRollupService, KpiContributorRegistry],
})
export class KpiModule implements OnModuleInit {
  constructor(
    private readonly registry: KpiContributorRegistry,
    private readonly sentiment: CommentSentimentContributor,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.sentiment);
  }
}
