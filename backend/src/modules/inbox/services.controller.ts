import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MinRole } from '../../common/auth/roles';
import { CreateServiceDto, UpdateServiceDto } from './services.dto';
import { SupportServicesService } from './support-services.service';

/** Services inbox items are routed to; members read them, admins configure them. */
@ApiTags('inbox')
@Controller('workspaces/:workspaceId/services')
export class ServicesController {
  constructor(private readonly services: SupportServicesService) {}

  @Get()
  list(@Param('workspaceId') workspaceId: string) {
    return this.services.list(workspaceId);
  }

  @Post()
  @MinRole('admin')
  create(@Param('workspaceId') workspaceId: string, @Body() dto: CreateServiceDto) {
    return this.services.create(workspaceId, dto);
  }

  @Patch(':serviceId')
  @MinRole('admin')
  update(
    @Param('workspaceId') workspaceId: string,
    @Param('serviceId', ParseUUIDPipe) serviceId: string,
    @Body() dto: UpdateServiceDto,
  ) {
    return this.services.update(workspaceId, serviceId, dto);
  }

  @Delete(':serviceId')
  @MinRole('admin')
  @HttpCode(204)
  remove(@Param('workspaceId') workspaceId: string, @Param('serviceId', ParseUUIDPipe) serviceId: string) {
    return this.services.remove(workspaceId, serviceId);
  }
}
