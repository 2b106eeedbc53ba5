import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { Brand } from '../brands/brand.entity';
import { ChannelAccount } from '../channels/channel-account.entity';
import { ChannelsModule } from '../channels/channels.module';
import { Workspace } from '../workspaces/workspace.entity';
import { DemoSandboxService } from './demo-sandbox.service';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { FirstStartService } from './first-start.service';

@Module({
  imports: [TypeOrmModule.forFeature([Brand, Workspace, ChannelAccount]), AuthModule, WorkspacesModule, ChannelsModule],
  providers: [FirstStartService, DemoSandboxService],
  exports: [FirstStartService, DemoSandboxService],
})
export class DemoModule {}
