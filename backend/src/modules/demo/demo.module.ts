import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BrandsModule } from '../brands/brands.module';
import { ChannelsModule } from '../channels/channels.module';
import { CrisisModule } from '../crisis/crisis.module';
import { VeilleModule } from '../veille/veille.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { DemoSandboxService } from './demo-sandbox.service';
import { FirstStartService } from './first-start.service';

/** First start (admin, demo workspace and brands) and the live demo (platform sandbox, day-one veille setup). */
@Module({
  imports: [AuthModule, WorkspacesModule, BrandsModule, ChannelsModule, VeilleModule, CrisisModule],
  providers: [FirstStartService, DemoSandboxService],
  exports: [FirstStartService, DemoSandboxService],
})
export class DemoModule {}
