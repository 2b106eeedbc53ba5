import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrandsModule } from '../brands/brands.module';
import { KpiContributorRegistry } from '../kpi/contributors/kpi-contributor';
import { KpiModule } from '../kpi/kpi.module';
import { CorrectionsExport } from './corrections-export';
import { InboxActionsService } from './inbox-actions.service';
import { InboxItem } from './inbox-item.entity';
import { InboxKpiContributor } from './inbox-kpi.contributor';
import { InboxNote } from './inbox-note.entity';
import { InboxQueryService } from './inbox-query.service';
import { InboxStatsService } from './inbox-stats.service';
import { InboxSyncService } from './inbox-sync.service';
import { InboxController } from './inbox.controller';
import { ServicesController } from './services.controller';
import { SupportService } from './support-service.entity';
import { SupportServicesService } from './support-services.service';
import { TypeCorrection } from './type-correction.entity';

@Module({
  imports: [TypeOrmModule.forFeature([InboxItem, InboxNote, SupportService, TypeCorrection]), BrandsModule, KpiModule],
  controllers: [InboxController, ServicesController],
  providers: [
    InboxSyncService,
    InboxQueryService,
    InboxActionsService,
    InboxStatsService,
    SupportServicesService,
    CorrectionsExport,
    InboxKpiContributor,
  ],
  exports: [InboxSyncService, InboxStatsService, SupportServicesService],
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
