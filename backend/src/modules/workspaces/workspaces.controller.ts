import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../common/auth/principal';
import { MinRole } from '../../common/auth/roles';
import { CreateWorkspaceDto, InviteMemberDto, UpdateMemberDto, UpdateWorkspaceDto } from './workspaces.dto';
import { WorkspacesService } from './workspaces.service';
import { Audited } from '../../common/audit/audited.decorator';

@ApiTags('workspaces')
@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly service: WorkspacesService) {}

  @Get()
  list(@CurrentPrincipal() p: Principal) {
    return this.service.listFor(p);
  }

  @Post()
  @Audited('workspace.create', { workspaceFrom: 'response' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWorkspaceDto) {
    return this.service.create(p, dto);
  }

  @Get(':workspaceId')
  get(@Param('workspaceId') workspaceId: string) {
    return this.service.get(workspaceId);
  }

  @Patch(':workspaceId')
  @MinRole('admin')
  @Audited('workspace.update')
  update(@Param('workspaceId') workspaceId: string, @Body() dto: UpdateWorkspaceDto) {
    return this.service.update(workspaceId, dto);
  }

  @Get(':workspaceId/members')
  listMembers(@Param('workspaceId') workspaceId: string) {
    return this.service.listMembers(workspaceId);
  }

  @Post(':workspaceId/members')
  @MinRole('admin')
  @Audited('member.invite')
  invite(@Param('workspaceId') workspaceId: string, @Body() dto: InviteMemberDto) {
    return this.service.invite(workspaceId, dto.email, dto.role);
  }

  @Patch(':workspaceId/members/:memberId')
  @MinRole('admin')
  @Audited('member.role')
  updateMember(
    @Param('workspaceId') workspaceId: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() dto: UpdateMemberDto,
  ) {
    return this.service.updateMember(workspaceId, memberId, dto.role);
  }

  @Delete(':workspaceId/members/:memberId')
  @MinRole('admin')
  @HttpCode(204)
  @Audited('member.remove')
  removeMember(@Param('workspaceId') workspaceId: string, @Param('memberId', ParseUUIDPipe) memberId: string) {
    return this.service.removeMember(workspaceId, memberId);
  }
}
