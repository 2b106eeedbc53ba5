import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Role } from '../../common/auth/roles';
import { Membership } from './membership.entity';

/** The `memberships` table: who belongs to which workspace, with which role. */
@Injectable()
export class MembershipsRepository {
  constructor(@InjectRepository(Membership) private readonly memberships: Repository<Membership>) {}

  /** The user's role in the workspace, null when not a member (WorkspaceAccessGuard, tokens). */
  async roleOf(userId: string, workspaceId: string): Promise<Role | null> {
    const [m] = (await this.memberships.query('SELECT role FROM memberships WHERE user_id = $1 AND workspace_id = $2', [
      userId,
      workspaceId,
    ])) as Array<{ role: Role }>;
    return m?.role ?? null;
  }

  /** The user's memberships, oldest first. */
  findOfUser(userId: string): Promise<Membership[]> {
    return this.memberships.find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  findOne(userId: string, workspaceId: string): Promise<Membership | null> {
    return this.memberships.findOne({ where: { userId, workspaceId } });
  }

  isAdminSomewhere(userId: string): Promise<boolean> {
    return this.memberships.exists({ where: { userId, role: 'admin' } });
  }

  exists(workspaceId: string, userId: string): Promise<boolean> {
    return this.memberships.exists({ where: { workspaceId, userId } });
  }

  add(workspaceId: string, userId: string, role: Role): Promise<Membership> {
    return this.memberships.save(this.memberships.create({ workspaceId, userId, role }));
  }

  findOfWorkspace(workspaceId: string): Promise<Membership[]> {
    return this.memberships.find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  findInWorkspace(workspaceId: string, id: string): Promise<Membership | null> {
    return this.memberships.findOne({ where: { id, workspaceId } });
  }

  admins(workspaceId: string): Promise<Membership[]> {
    return this.memberships.find({ where: { workspaceId, role: 'admin' } });
  }

  async setRole(id: string, role: Role): Promise<void> {
    await this.memberships.update({ id }, { role });
  }

  async remove(id: string): Promise<void> {
    await this.memberships.delete({ id });
  }
}
