import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkspaceAccessGuard } from '../workspaces/workspace-access.guard';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ApiToken } from './api-token.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { ApiTokensRepository } from './api-tokens.repository';
import { AuthService } from './auth.service';
import { Session } from './session.entity';
import { SessionLookupCache } from './session-lookup-cache';
import { SessionsRepository } from './sessions.repository';
import { UsersModule } from '../users/users.module';

@Module({
  imports: [TypeOrmModule.forFeature([Session, ApiToken]), UsersModule, WorkspacesModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsRepository,
    SessionLookupCache,
    ApiTokensRepository,
    // Order matters: who is calling, then may they touch this workspace.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: WorkspaceAccessGuard },
  ],
  exports: [AuthService, UsersModule],
})
export class AuthModule {}
