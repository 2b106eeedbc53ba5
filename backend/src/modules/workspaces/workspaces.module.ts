import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { Membership } from './membership.entity';
import { MembershipsRepository } from './memberships.repository';
import { Workspace } from './workspace.entity';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesRepository } from './workspaces.repository';
import { WorkspacesService } from './workspaces.service';

/** Owns `workspaces` and `memberships`, and the WorkspaceAccessGuard that checks them (registered globally by AuthModule). */
@Module({
  imports: [TypeOrmModule.forFeature([Workspace, Membership]), UsersModule],
  controllers: [WorkspacesController],
  providers: [WorkspacesService, WorkspacesRepository, MembershipsRepository],
  exports: [WorkspacesService, WorkspacesRepository, MembershipsRepository],
})
export class WorkspacesModule {}
