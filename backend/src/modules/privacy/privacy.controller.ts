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
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { AccessExportDto, AuditLogPageDto, ErasureResultDto, PrivacySettingsDto } from '@vigie/contracts';

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

  @ApiReply('PrivacySettingsDto')
  @Get('privacy')
  async get(@Param('workspaceId') workspaceId: string): Promise<Wire<PrivacySettingsDto>> {
    const { pseudonymizeAuthors, retentionDays } = await this.settings.get(workspaceId);
    return { pseudonymizeAuthors, retentionDays };
  }

  @ApiReply('PrivacySettingsDto')
  @Patch('privacy')
  @MinRole('admin')
  @Audited('privacy.settings')
  update(@Param('workspaceId') workspaceId: string, @Body() dto: UpdatePrivacyDto): Promise<Wire<PrivacySettingsDto>> {
    return this.settings.update(workspaceId, dto);
  }

  /** Erases one person's data everywhere; the response and the logs carry counts only. */
  @ApiReply('ErasureResultDto')
  @Post('privacy/erasure')
  @MinRole('admin')
  @HttpCode(200)
  @Audited('privacy.erasure', { body: false })
  erase(@Param('workspaceId') workspaceId: string, @Body() dto: SubjectDto, @CurrentPrincipal() p: Principal): Promise<Wire<ErasureResultDto>> {
    return this.erasure.erase(workspaceId, subjectOf(dto), p.userId);
  }

  @ApiReply('AccessExportDto')
  @Get('privacy/access')
  @MinRole('admin')
  @Audited('privacy.access', { body: false })
  exportAccess(@Param('workspaceId') workspaceId: string, @Query() dto: SubjectDto): Promise<Wire<AccessExportDto>> {
    return this.access.export(workspaceId, subjectOf(dto));
  }

  @ApiReply('AuditLogPageDto')
  @Get('audit-log')
  @MinRole('admin')
  auditLog(@Param('workspaceId') workspaceId: string, @Query() q: AuditLogQueryDto): Promise<Wire<AuditLogPageDto>> {
    return this.audit.list(workspaceId, { limit: q.limit ?? 50, before: q.before, action: q.action });
  }
}
