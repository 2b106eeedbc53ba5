import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, type Principal } from '../../../common/auth/principal';
import { ImportsService } from './imports.service';
import { ApiReply, type Wire } from '../../../common/http/api-reply';
import type { ImportCreatedDto, ImportDto } from '@vigie/contracts';

@ApiTags('imports')
@Controller('workspaces/:workspaceId/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** multipart/form-data: `format`, `brandId`, then `file` (CSV, up to 50 MB) → 202 { id }. */
  @ApiReply('ImportCreatedDto')
  @Post()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  upload(@Param('workspaceId') workspaceId: string, @CurrentPrincipal() p: Principal, @Req() req: Request): Promise<Wire<ImportCreatedDto>> {
    return this.imports.upload(workspaceId, p.userId, req);
  }

  @ApiReply(['ImportDto'])
  @Get()
  list(@Param('workspaceId') workspaceId: string): Promise<Wire<ImportDto[]>> {
    return this.imports.list(workspaceId);
  }

  @ApiReply('ImportDto')
  @Get(':importId')
  get(@Param('workspaceId') workspaceId: string, @Param('importId', ParseUUIDPipe) importId: string): Promise<Wire<ImportDto>> {
    return this.imports.get(workspaceId, importId);
  }
}
