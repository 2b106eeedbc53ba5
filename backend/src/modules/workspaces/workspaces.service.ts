import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import type { Role } from '../../common/auth/roles';
import { generatePassword, UsersService } from '../users/users.service';
import { MembershipsRepository } from './memberships.repository';
import type { Workspace } from './workspace.entity';
import { WorkspacesRepository } from './workspaces.repository';
import type { CreateWorkspaceDto, UpdateWorkspaceDto } from './workspaces.dto';

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly workspaces: WorkspacesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly usersService: UsersService,
  ) {}

  async listFor(principal: Principal) {
    const ms = await this.memberships.findOfUser(principal.userId);
    const ids = ms
      .map((m) => m.workspaceId)
      .filter((id) => !principal.tokenScope || principal.tokenScope.workspaceId === id);
    if (!ids.length) return [];
    const rows = await this.workspaces.findByIds(ids);
    return rows.map((w) => ({ ...toDto(w), role: ms.find((m) => m.workspaceId === w.id)!.role }));
  }

  async create(principal: Principal, dto: CreateWorkspaceDto) {
    // Agencies and freelance CMs run several brands: any workspace admin may open another workspace.
    const isAdminSomewhere = await this.memberships.isAdminSomewhere(principal.userId);
    if (principal.via === 'token' || (!principal.isInstanceAdmin && !isAdminSomewhere)) {
      throw new ForbiddenException('Only administrators can create workspaces');
    }
    return this.createFor(principal.userId, dto);
  }

  async createFor(userId: string, dto: CreateWorkspaceDto & { isDemo?: boolean }) {
    const ws = await this.workspaces.insert({
      name: dto.name,
      timezone: dto.timezone ?? 'Europe/Paris',
      language: dto.language ?? 'fr',
      settings: { pseudonymizeAuthors: true },
      isDemo: dto.isDemo ?? false,
    });
    await this.memberships.add(ws.id, userId, 'admin');
    return { ...toDto(ws), role: 'admin' as Role };
  }

  async get(workspaceId: string) {
    const ws = await this.workspaces.findById(workspaceId);
    if (!ws) throw new NotFoundException('Workspace not found');
    return toDto(ws);
  }

  /** Whether viewers' inbox replies wait for approval (false for an unknown workspace). */
  async repliesNeedApproval(workspaceId: string): Promise<boolean> {
    return (await this.workspaces.findById(workspaceId))?.repliesNeedApproval ?? false;
  }

  async update(workspaceId: string, dto: UpdateWorkspaceDto) {
    await this.workspaces.update(workspaceId, dto);
    return this.get(workspaceId);
  }

  async listMembers(workspaceId: string) {
    const ms = await this.memberships.findOfWorkspace(workspaceId);
    const users = ms.length ? await this.usersService.findByIds(ms.map((m) => m.userId)) : [];
    return ms.map((m) => {
      const u = users.find((x) => x.id === m.userId)!;
      return { id: m.id, userId: m.userId, email: u.email, name: u.name, role: m.role, createdAt: m.createdAt };
    });
  }

  /** Adds an existing user, or creates the account with a one-time password shown to the admin once. */
  async invite(workspaceId: string, email: string, role: Role) {
    let user = await this.usersService.findByEmail(email);
    let temporaryPassword: string | undefined;
    if (!user) {
      temporaryPassword = generatePassword();
      user = await this.usersService.create(email, temporaryPassword);
    }
    if (await this.memberships.exists(workspaceId, user.id)) {
      throw new ConflictException(`${email} is already a member of this workspace`);
    }
    const m = await this.memberships.add(workspaceId, user.id, role);
    return { id: m.id, userId: user.id, email: user.email, role, temporaryPassword };
  }

  async updateMember(workspaceId: string, membershipId: string, role: Role) {
    const m = await this.memberships.findInWorkspace(workspaceId, membershipId);
    if (!m) throw new NotFoundException('Member not found');
    if (m.role === 'admin' && role !== 'admin') await this.assertAnotherAdmin(workspaceId, m.id);
    await this.memberships.setRole(m.id, role);
    return { id: m.id, userId: m.userId, role };
  }

  async removeMember(workspaceId: string, membershipId: string) {
    const m = await this.memberships.findInWorkspace(workspaceId, membershipId);
    if (!m) throw new NotFoundException('Member not found');
    if (m.role === 'admin') await this.assertAnotherAdmin(workspaceId, m.id);
    await this.memberships.remove(m.id);
  }

  private async assertAnotherAdmin(workspaceId: string, exceptId: string) {
    const admins = await this.memberships.admins(workspaceId);
    if (!admins.some((a) => a.id !== exceptId)) {
      throw new ConflictException('A workspace keeps at least one admin');
    }
  }
}

function toDto(w: Workspace) {
  return {
    id: w.id,
    name: w.name,
    timezone: w.timezone,
    language: w.language,
    settings: w.settings,
    isDemo: w.isDemo,
    repliesNeedApproval: w.repliesNeedApproval,
    createdAt: w.createdAt,
  };
}
