import { BadRequestException, Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '../../common/audit/audited.decorator';
import { CurrentPrincipal, type Principal } from '../../common/auth/principal';
import { MinRole } from '../../common/auth/roles';
import { AccessExportService } from './access/access-export.service';
import { AuditLogService } from './audit/audit-log.service';
import { ErasureService } from './erasure/erasure.service';
import type { SubjectRef } from './erasure/subject';
import { AuditLogQueryDto, SubjectDto, UpdatePrivacyDto } from './privacy.dto';
import { PrivacySettingsService } from './privacy-settings.service';

function subjectOf(dto: SubjectDto): SubjectRef {
  if (dto.authorId && !dto.platform && !dto.handle) return { authorId: dto.authorId };
  if (!dto.authorId && dto.platform && dto.handle) return { platform: dto.platform, handle: dto.handle };
  throw new BadRequestException({
    statusCode: 400,
    message: 'Invalid request: give either authorId, or platform and handle',
    details: [{ field: 'authorId', errors: ['give either authorId, or platform and handle'] }],
  });
}

@ApiTags('privacy')
@Controller('workspaces/:workspaceId')
export class PrivacyController {
  constructor(
    private readonly settings: PrivacySettingsService,
    private readonly erasure: ErasureService,
    private readonly access: AccessExportService,
    private readonly audit: AuditLogService,
  ) {}

  @Get('privacy')
  async get(@Param('workspaceId') workspaceId: string) {
    const { pseudonymizeAuthors, retentionDays } = await this.settings.get(workspaceId);
    return { pseudonymizeAuthors, retentionDays };
  }

  @Patch('privacy')
  @MinRole('admin')
  @Audited('privacy.settings')
  update(@Param('workspaceId') workspaceId: string, @Body() dto: UpdatePrivacyDto) {
    return this.settings.update(workspaceId, dto);
  }

  /** Erases one person's data everywhere; the response and the logs carry counts only. */
  @Post('privacy/erasure')
  @MinRole('admin')
  @HttpCode(200)
  @Audited('privacy.erasure', { body: false })
  erase(@Param('workspaceId') workspaceId: string, @Body() dto: SubjectDto, @CurrentPrincipal() p: Principal) {
    return this.erasure.erase(workspaceId, subjectOf(dto), p.userId);
  }

  @Get('privacy/access')
  @MinRole('admin')
  @Audited('privacy.access', { body: false })
  exportAccess(@Param('workspaceId') workspaceId: string, @Query() dto: SubjectDto) {
    return this.access.export(workspaceId, subjectOf(dto));
  }

  @Get('audit-log')
  @MinRole('admin')
  auditLog(@Param('workspaceId') workspaceId: string, @Query() q: AuditLogQueryDto) {
    return this.audit.list(workspaceId, { limit: q.limit ?? 50, before: q.before, action: q.action });
  }
}
