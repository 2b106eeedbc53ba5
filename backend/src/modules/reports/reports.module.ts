import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrandsModule } from '../brands/brands.module';
import { InboxModule } from '../inbox/inbox.module';
import { KpiModule } from '../kpi/kpi.module';
import { PostsModule } from '../posts/posts.module';
import { VeilleModule } from '../veille/veille.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ReportSender } from './delivery/report-sender.service';
import { OutboxController } from './outbox.controller';
import { PdfRenderer } from './render/pdf-renderer';
import { ReportAssetsController } from './report-assets.controller';
import { ReportBuilder } from './report-builder.service';
import { ReportDelivery } from './report-delivery.entity';
import { ReportOutputs } from './report-outputs.service';
import { ReportSettings } from './report-settings.entity';
import { ReportSettingsController } from './report-settings.controller';
import { ReportDeliveriesRepository } from './report-deliveries.repository';
import { ReportSettingsRepository } from './report-settings.repository';
import { ReportSettingsService } from './report-settings.service';
import { Report } from './report.entity';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { ReportScheduler } from './scheduler/report-scheduler.service';
import { ReportInboundSource } from './sources/inbound.source';
import { ReportKpiSource } from './sources/kpi.source';
import { ReportPostsSource } from './sources/report-posts.source';
import { AlertsSource, ReportCrisesRegistry, ShareOfVoiceSource } from './sources/report-sources';
import { VeilleAlertsSource, VeilleShareOfVoiceSource } from './sources/veille-sources';

/** Monthly digital-board report: builder, recommendations, HTML / PDF / XLSX, delivery, schedule. */
@Module({
  imports: [TypeOrmModule.forFeature([Report, ReportSettings, ReportDelivery]), BrandsModule, KpiModule, InboxModule, PostsModule, VeilleModule, WorkspacesModule],
  controllers: [ReportsController, ReportSettingsController, OutboxController, ReportAssetsController],
  providers: [
    ReportsService,
    ReportsRepository,
    ReportSettingsRepository,
    ReportDeliveriesRepository,
    ReportBuilder,
    ReportKpiSource,
    ReportPostsSource,
    ReportInboundSource,
    { provide: AlertsSource, useClass: VeilleAlertsSource },
    { provide: ShareOfVoiceSource, useClass: VeilleShareOfVoiceSource },
    ReportOutputs,
    PdfRenderer,
    ReportCrisesRegistry,
    ReportSettingsService,
    ReportSender,
    ReportScheduler,
  ],
  // PdfRenderer: the crisis module's post-crisis report prints through the same Chromium path;
  // ReportCrisesRegistry: it lists the month's closed crises in the highlights.
  exports: [ReportsService, ReportsRepository, ReportScheduler, ReportBuilder, PdfRenderer, ReportCrisesRegistry],
})
export class ReportsModule {}
