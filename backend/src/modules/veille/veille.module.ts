import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrandsModule } from '../brands/brands.module';
import { ChannelsModule } from '../channels/channels.module';
import { IngestionModule } from '../ingestion/ingestion.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { KpiContributorRegistry } from '../kpi/contributors/kpi-contributor';
import { KpiModule } from '../kpi/kpi.module';
import { AlertRulesRepository } from './alert-rules.repository';
import { AlertsRepository } from './alerts.repository';
import { ChannelContentRepository } from './channel-content.repository';
import { InsightsRepository } from './insights.repository';
import { ListeningSourcesRepository } from './listening-sources.repository';
import { MentionsRepository } from './mentions.repository';
import { WatchQueriesRepository } from './watch-queries.repository';
import { AlertDeliveryService } from './alerts/alert-delivery.service';
import { AlertEvaluatorService } from './alerts/alert-evaluator.service';
import { AlertRule } from './alerts/alert-rule.entity';
import { AlertRulesController } from './alerts/alert-rules.controller';
import { AlertRulesService } from './alerts/alert-rules.service';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsService } from './alerts/alerts.service';
import { CompetitorsService } from './insights/competitors.service';
import { InfluencersService } from './insights/influencers.service';
import { InsightsController } from './insights/insights.controller';
import { ShareOfVoiceService } from './insights/share-of-voice.service';
import { TrendsService } from './insights/trends.service';
import { VeilleKpiContributor } from './insights/veille-kpi.contributor';
import { ChannelContentMatcher } from './listening/channel-content-matcher.service';
import { ListeningSource } from './listening/listening-source.entity';
import { ListeningService } from './listening/listening.service';
import { RssPollerService } from './listening/rss-poller.service';
import { SourcesController } from './listening/sources.controller';
import { SourcesService } from './listening/sources.service';
import { MentionWriter } from './mentions/mention-writer';
import { MentionsController } from './mentions/mentions.controller';
import { MentionsService } from './mentions/mentions.service';
import { CompiledQueriesCache } from './queries/compiled-queries.cache';
import { PreviewService } from './queries/preview.service';
import { WatchQueriesController } from './queries/watch-queries.controller';
import { WatchQueriesService } from './queries/watch-queries.service';
import { WatchQuery } from './queries/watch-query.entity';
import { MentionAuthors } from './shared/mention-authors';
import { VeilleJobs } from './veille-jobs';

/** Watch queries, listening, mentions, alerts, influencers, share of voice, competitors, trends. */
@Module({
  imports: [TypeOrmModule.forFeature([WatchQuery, ListeningSource, AlertRule]), BrandsModule, ChannelsModule, IngestionModule, KpiModule, WorkspacesModule],
  controllers: [WatchQueriesController, MentionsController, SourcesController, AlertRulesController, AlertsController, InsightsController],
  providers: [
    WatchQueriesRepository,
    ListeningSourcesRepository,
    MentionsRepository,
    AlertRulesRepository,
    AlertsRepository,
    ChannelContentRepository,
    InsightsRepository,
    WatchQueriesService,
    PreviewService,
    CompiledQueriesCache,
    MentionWriter,
    MentionsService,
    ListeningService,
    RssPollerService,
    SourcesService,
    ChannelContentMatcher,
    AlertRulesService,
    AlertsService,
    AlertEvaluatorService,
    AlertDeliveryService,
    ShareOfVoiceService,
    VeilleKpiContributor,
    InfluencersService,
    CompetitorsService,
    TrendsService,
    MentionAuthors,
    VeilleJobs,
  ],
  exports: [
    AlertsService,
    CompiledQueriesCache,
    MentionWriter,
    ShareOfVoiceService,
    // For privacy (erasure / retention of mentions and alerts) and demo (seed of queries and rules).
    WatchQueriesRepository,
    AlertRulesRepository,
    MentionsRepository,
    AlertsRepository,
  ],
})
export class VeilleModule implements OnModuleInit {
  constructor(
    private readonly jobs: VeilleJobs,
    private readonly registry: KpiContributorRegistry,
    private readonly shareOfVoice: VeilleKpiContributor,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.init();
    // brandMentions / competitorMentions (→ shareOfVoice) in the KPI API, like the inbox's and links' counts.
    this.registry.register(this.shareOfVoice);
  }
}
