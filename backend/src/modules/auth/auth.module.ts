import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Membership } from '../workspaces/membership.entity';
import { WorkspaceAccessGuard } from '../workspaces/workspace-access.guard';
import { ApiToken } from './api-token.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { Session } from './session.entity';
import { User } from '../users/user.entity';
import { UsersModule } from '../users/users.module';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, ApiToken, Membership]), UsersModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    // Order matters: who is calling, then may they touch this workspace.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: WorkspaceAccessGuard },
  ],
  exports: [AuthService, UsersModule],
})
export class AuthModule {}
