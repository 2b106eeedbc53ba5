import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MinRole } from '../../common/auth/roles';
import { CreateBrandDto, UpdateBrandDto } from './brands.dto';
import { BrandsService } from './brands.service';
import { Audited } from '../../common/audit/audited.decorator';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { BrandDto } from '@vigie/contracts';

@ApiTags('brands')
@Controller('workspaces/:workspaceId/brands')
export class BrandsController {
  constructor(private readonly service: BrandsService) {}

  @ApiReply(['BrandDto'])
  @Get()
  list(@Param('workspaceId') workspaceId: string): Promise<Wire<BrandDto[]>> {
    return this.service.list(workspaceId);
  }

  @ApiReply('BrandDto')
  @Post()
  @Audited('brand.create')
  create(@Param('workspaceId') workspaceId: string, @Body() dto: CreateBrandDto): Promise<Wire<BrandDto>> {
    return this.service.create(workspaceId, dto);
  }

  @ApiReply('BrandDto')
  @Get(':brandId')
  get(@Param('workspaceId') workspaceId: string, @Param('brandId', ParseUUIDPipe) brandId: string): Promise<Wire<BrandDto>> {
    return this.service.get(workspaceId, brandId);
  }

  @ApiReply('BrandDto')
  @Patch(':brandId')
  @Audited('brand.update')
  update(
    @Param('workspaceId') workspaceId: string,
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Body() dto: UpdateBrandDto,
  ): Promise<Wire<BrandDto>> {
    return this.service.update(workspaceId, brandId, dto);
  }

  @Delete(':brandId')
  @MinRole('admin')
  @HttpCode(204)
  @Audited('brand.delete')
  remove(@Param('workspaceId') workspaceId: string, @Param('brandId', ParseUUIDPipe) brandId: string) {
    return this.service.remove(workspaceId, brandId);
  }
}
