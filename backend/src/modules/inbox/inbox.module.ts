import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrandsModule } from '../brands/brands.module';
import { ChannelsModule } from '../channels/channels.module';
import { KpiContributorRegistry } from '../kpi/contributors/kpi-contributor';
import { KpiModule } from '../kpi/kpi.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { InboxRepliesController } from './inbox-replies.controller';
import { InboxRepliesRepository } from './inbox-replies.repository';
import { InboxRepliesService } from './inbox-replies.service';
import { SavedRepliesController } from './saved-replies.controller';
import { SavedRepliesRepository } from './saved-replies.repository';
import { SavedRepliesService } from './saved-replies.service';
import { CorrectionsExport } from './corrections-export';
import { InboxActionsService } from './inbox-actions.service';
import { InboxItem } from './inbox-item.entity';
import { InboxItemsRepository } from './inbox-items.repository';
import { InboxKpiContributor } from './inbox-kpi.contributor';
import { InboxNote } from './inbox-note.entity';
import { InboxNotesRepository } from './inbox-notes.repository';
import { InboxQueryService } from './inbox-query.service';
import { InboxStatsRepository } from './inbox-stats.repository';
import { InboxStatsService } from './inbox-stats.service';
import { InboxSyncService } from './inbox-sync.service';
import { InboxController } from './inbox.controller';
import { ServicesController } from './services.controller';
import { SupportService } from './support-service.entity';
import { SupportServicesRepository } from './support-services.repository';
import { SupportServicesService } from './support-services.service';
import { TypeCorrection } from './type-correction.entity';
import { TypeCorrectionsRepository } from './type-corrections.repository';

@Module({
  imports: [TypeOrmModule.forFeature([InboxItem, InboxNote, SupportService, TypeCorrection]), BrandsModule, ChannelsModule, KpiModule, WorkspacesModule],
  controllers: [InboxController, InboxRepliesController, ServicesController, SavedRepliesController],
  providers: [
    InboxItemsRepository,
    InboxRepliesRepository,
    SavedRepliesRepository,
    InboxRepliesService,
    SavedRepliesService,
    InboxNotesRepository,
    InboxStatsRepository,
    SupportServicesRepository,
    TypeCorrectionsRepository,
    InboxSyncService,
    InboxQueryService,
    InboxActionsService,
    InboxStatsService,
    SupportServicesService,
    CorrectionsExport,
    InboxKpiContributor,
  ],
  // InboxRepliesService: the crisis module posts approved statements through the answer path.
  exports: [InboxSyncService, InboxStatsService, InboxQueryService, SupportServicesService, InboxItemsRepository, InboxNotesRepository, InboxRepliesService],
})
export class InboxModule implements OnModuleInit {
  constructor(
    private readonly registry: KpiContributorRegistry,
    private readonly kpi: InboxKpiContributor,
  ) {}

  /** responseRate and first-response times reach the KPI API through its contributor hook. */
  onModuleInit(): void {
    this.registry.register(this.kpi);
  }
}
