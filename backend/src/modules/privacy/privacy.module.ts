import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessExportService } from './access/access-export.service';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditLogService } from './audit/audit-log.service';
import { ErasureService } from './erasure/erasure.service';
import { PrivacyController } from './privacy.controller';
import { PrivacySettingsService } from './privacy-settings.service';
import { RetentionService } from './retention/retention.service';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { InboxModule } from '../inbox/inbox.module';
import { PostsModule } from '../posts/posts.module';
import { ReportsModule } from '../reports/reports.module';
import { VeilleModule } from '../veille/veille.module';
import { AuditLogRepository } from './audit/audit-log.repository';
import { ErasureLogRepository } from './erasure/erasure-log.repository';
import { PrivacySubjectRepository } from './privacy-subject.repository';

/**
 * Data protection: per-workspace privacy settings and author display, retention job, erasure
 * and access requests, and the audit log (a global interceptor on @Audited routes).
 */
@Module({
  imports: [WorkspacesModule, PostsModule, InboxModule, ReportsModule, VeilleModule],
  controllers: [PrivacyController],
  providers: [
    PrivacySettingsService,
    AuditLogRepository,
    ErasureLogRepository,
    PrivacySubjectRepository,
    AuditLogService,
    ErasureService,
    AccessExportService,
    RetentionService,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [PrivacySettingsService, AuditLogService],
})
export class PrivacyModule {}
