import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MinRole } from '../../common/auth/roles';
import { CreateServiceDto, UpdateServiceDto } from './services.dto';
import { SupportServicesService } from './support-services.service';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { SupportServiceDto } from '@vigie/contracts';

/** Services inbox items are routed to; members read them, admins configure them. */
@ApiTags('inbox')
@Controller('workspaces/:workspaceId/services')
export class ServicesController {
  constructor(private readonly services: SupportServicesService) {}

  @ApiReply(['SupportServiceDto'])
  @Get()
  list(@Param('workspaceId') workspaceId: string): Promise<Wire<SupportServiceDto[]>> {
    return this.services.list(workspaceId);
  }

  @ApiReply('SupportServiceDto')
  @Post()
  @MinRole('admin')
  create(@Param('workspaceId') workspaceId: string, @Body() dto: CreateServiceDto): Promise<Wire<SupportServiceDto>> {
    return this.services.create(workspaceId, dto);
  }

  @ApiReply('SupportServiceDto')
  @Patch(':serviceId')
  @MinRole('admin')
  update(
    @Param('workspaceId') workspaceId: string,
    @Param('serviceId', ParseUUIDPipe) serviceId: string,
    @Body() dto: UpdateServiceDto,
  ): Promise<Wire<SupportServiceDto>> {
    return this.services.update(workspaceId, serviceId, dto);
  }

  @Delete(':serviceId')
  @MinRole('admin')
  @HttpCode(204)
  remove(@Param('workspaceId') workspaceId: string, @Param('serviceId', ParseUUIDPipe) serviceId: string) {
    return this.services.remove(workspaceId, serviceId);
  }
}
