import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import type { Role } from '../../common/auth/roles';
import { User } from '../users/user.entity';
import { generatePassword, UsersService } from '../users/users.service';
import { Membership } from './membership.entity';
import { Workspace } from './workspace.entity';
import type { CreateWorkspaceDto, UpdateWorkspaceDto } from './workspaces.dto';

@Injectable()
export class WorkspacesService {
  constructor(
    @InjectRepository(Workspace) private readonly workspaces: Repository<Workspace>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly usersService: UsersService,
  ) {}

  async listFor(principal: Principal) {
    const ms = await this.memberships.find({ where: { userId: principal.userId } });
    const ids = ms
      .map((m) => m.workspaceId)
      .filter((id) => !principal.tokenScope || principal.tokenScope.workspaceId === id);
    if (!ids.length) return [];
    const rows = await this.workspaces.find({ where: { id: In(ids) }, order: { createdAt: 'ASC' } });
    return rows.map((w) => ({ ...toDto(w), role: ms.find((m) => m.workspaceId === w.id)!.role }));
  }

  async create(principal: Principal, dto: CreateWorkspaceDto) {
    // Agencies and freelance CMs run several brands: any workspace admin may open another workspace.
    const isAdminSomewhere = await this.memberships.exists({ where: { userId: principal.userId, role: 'admin' } });
    if (principal.via === 'token' || (!principal.isInstanceAdmin && !isAdminSomewhere)) {
      throw new ForbiddenException('Only administrators can create workspaces');
    }
    return this.createFor(principal.userId, dto);
  }

  async createFor(userId: string, dto: CreateWorkspaceDto & { isDemo?: boolean }) {
    const ws = await this.workspaces.save(
      this.workspaces.create({
        name: dto.name,
        timezone: dto.timezone ?? 'Europe/Paris',
        language: dto.language ?? 'fr',
        settings: { pseudonymizeAuthors: true },
        isDemo: dto.isDemo ?? false,
      }),
    );
    await this.memberships.save(this.memberships.create({ workspaceId: ws.id, userId, role: 'admin' }));
    return { ...toDto(ws), role: 'admin' as Role };
  }

  async get(workspaceId: string) {
    const ws = await this.workspaces.findOne({ where: { id: workspaceId } });
    if (!ws) throw new NotFoundException('Workspace not found');
    return toDto(ws);
  }

  async update(workspaceId: string, dto: UpdateWorkspaceDto) {
    await this.workspaces.update({ id: workspaceId }, dto);
    return this.get(workspaceId);
  }

  async listMembers(workspaceId: string) {
    const ms = await this.memberships.find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
    const users = ms.length ? await this.users.find({ where: { id: In(ms.map((m) => m.userId)) } }) : [];
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
    if (await this.memberships.exists({ where: { workspaceId, userId: user.id } })) {
      throw new ConflictException(`${email} is already a member of this workspace`);
    }
    const m = await this.memberships.save(this.memberships.create({ workspaceId, userId: user.id, role }));
    return { id: m.id, userId: user.id, email: user.email, role, temporaryPassword };
  }

  async updateMember(workspaceId: string, membershipId: string, role: Role) {
    const m = await this.memberships.findOne({ where: { id: membershipId, workspaceId } });
    if (!m) throw new NotFoundException('Member not found');
    if (m.role === 'admin' && role !== 'admin') await this.assertAnotherAdmin(workspaceId, m.id);
    await this.memberships.update({ id: m.id }, { role });
    return { id: m.id, userId: m.userId, role };
  }

  async removeMember(workspaceId: string, membershipId: string) {
    const m = await this.memberships.findOne({ where: { id: membershipId, workspaceId } });
    if (!m) throw new NotFoundException('Member not found');
    if (m.role === 'admin') await this.assertAnotherAdmin(workspaceId, m.id);
    await this.memberships.delete({ id: m.id });
  }

  private async assertAnotherAdmin(workspaceId: string, exceptId: string) {
    const admins = await this.memberships.find({ where: { workspaceId, role: 'admin' } });
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
    createdAt: w.createdAt,
  };
}
