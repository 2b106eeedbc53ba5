import { Module, type OnModuleInit } from '@nestjs/common';
import { BrandsModule } from '../brands/brands.module';
import { InboxModule } from '../inbox/inbox.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ReportsModule } from '../reports/reports.module';
import { VeilleModule } from '../veille/veille.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { CrisesController, CrisisSettingsController } from './crises.controller';
import { CrisesRepository } from './crises.repository';
import { CrisesService } from './crises.service';
import { CrisisFiguresService } from './crisis-figures.service';
import { CrisisNotifier } from './crisis-notifier.service';
import { CrisisPlaybooksRepository } from './crisis-playbooks.repository';
import { CrisisReportHighlights } from './crisis-report-highlights';
import { CrisisReportService } from './crisis-report.service';
import { ReportCrisesRegistry } from '../reports/sources/report-sources';
import { CrisisSettingsService } from './crisis-settings.service';
import { CrisisStatementsRepository } from './crisis-statements.repository';
import { CrisisStatementsService } from './crisis-statements.service';

/** Crisis cell: from the first alert to the post-crisis report (issue 15). */
@Module({
  imports: [BrandsModule, InboxModule, PrivacyModule, ReportsModule, VeilleModule, WorkspacesModule],
  controllers: [CrisesController, CrisisSettingsController],
  providers: [
    CrisesRepository,
    CrisisStatementsRepository,
    CrisisPlaybooksRepository,
    CrisisSettingsService,
    CrisisFiguresService,
    CrisisNotifier,
    CrisesService,
    CrisisStatementsService,
    CrisisReportService,
    CrisisReportHighlights,
  ],
  exports: [CrisesRepository, CrisisSettingsService],
})
export class CrisisModule implements OnModuleInit {
  constructor(
    private readonly notifier: CrisisNotifier,
    private readonly registry: ReportCrisesRegistry,
    private readonly highlights: CrisisReportHighlights,
  ) {}

  onModuleInit(): void {
    this.notifier.init();
    // The month's closed crises appear in the monthly report's "spikes and crises".
    this.registry.register(this.highlights);
  }
}
