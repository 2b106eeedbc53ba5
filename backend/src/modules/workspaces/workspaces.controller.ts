import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../common/auth/principal';
import { MinRole } from '../../common/auth/roles';
import { CreateWorkspaceDto, InviteMemberDto, UpdateMemberDto, UpdateWorkspaceDto } from './workspaces.dto';
import { WorkspacesService } from './workspaces.service';
import { Audited } from '../../common/audit/audited.decorator';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { InvitedMemberDto, MemberDto, MemberRoleDto, WorkspaceDto } from '@vigie/contracts';

@ApiTags('workspaces')
@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly service: WorkspacesService) {}

  @ApiReply(['WorkspaceDto'])
  @Get()
  list(@CurrentPrincipal() p: Principal): Promise<Wire<WorkspaceDto[]>> {
    return this.service.listFor(p);
  }

  @ApiReply('WorkspaceDto')
  @Post()
  @Audited('workspace.create', { workspaceFrom: 'response' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWorkspaceDto): Promise<Wire<WorkspaceDto>> {
    return this.service.create(p, dto);
  }

  @ApiReply('WorkspaceDto')
  @Get(':workspaceId')
  get(@Param('workspaceId') workspaceId: string): Promise<Wire<WorkspaceDto>> {
    return this.service.get(workspaceId);
  }

  @ApiReply('WorkspaceDto')
  @Patch(':workspaceId')
  @MinRole('admin')
  @Audited('workspace.update')
  update(@Param('workspaceId') workspaceId: string, @Body() dto: UpdateWorkspaceDto): Promise<Wire<WorkspaceDto>> {
    return this.service.update(workspaceId, dto);
  }

  @ApiReply(['MemberDto'])
  @Get(':workspaceId/members')
  listMembers(@Param('workspaceId') workspaceId: string): Promise<Wire<MemberDto[]>> {
    return this.service.listMembers(workspaceId);
  }

  @ApiReply('InvitedMemberDto')
  @Post(':workspaceId/members')
  @MinRole('admin')
  @Audited('member.invite')
  invite(@Param('workspaceId') workspaceId: string, @Body() dto: InviteMemberDto): Promise<Wire<InvitedMemberDto>> {
    return this.service.invite(workspaceId, dto.email, dto.role);
  }

  @ApiReply('MemberRoleDto')
  @Patch(':workspaceId/members/:memberId')
  @MinRole('admin')
  @Audited('member.role')
  updateMember(
    @Param('workspaceId') workspaceId: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<Wire<MemberRoleDto>> {
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
