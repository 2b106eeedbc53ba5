import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../common/queue/job-queue';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrandsModule } from '../brands/brands.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ConnectAttemptsRepository } from './connect/connect-attempts.repository';
import { ConnectCallbackController, ConnectController } from './connect/connect.controller';
import { ConnectService } from './connect/connect.service';
import { PlatformAppsRepository } from './connect/platform-apps.repository';
import { PlatformAppsService } from './connect/platform-apps.service';
import { ReconnectNotice } from './connect/reconnect-notice.service';
import { TokenKeeper } from './connect/token-keeper.service';
import { TokenRefreshJobs } from './connect/token-refresh.jobs';
import { ChannelAccount } from './channel-account.entity';
import { ChannelAccountsRepository } from './channel-accounts.repository';
import { ChannelVerifier } from './channel-verifier';
import { ChannelsController } from './channels.controller';
import { ChannelsService, INGESTION_QUEUE } from './channels.service';

@Module({
  imports: [TypeOrmModule.forFeature([ChannelAccount]), BrandsModule, WorkspacesModule],
  controllers: [ChannelsController, ConnectController, ConnectCallbackController],
  providers: [
    ChannelAccountsRepository,
    ChannelsService,
    ChannelVerifier,
    ConnectAttemptsRepository,
    PlatformAppsRepository,
    PlatformAppsService,
    ConnectService,
    TokenKeeper,
    ReconnectNotice,
    TokenRefreshJobs,
  ],
  exports: [ChannelsService, ChannelAccountsRepository, PlatformAppsService],
})
export class ChannelsModule implements OnModuleInit {
  constructor(@Inject(JobQueue) private readonly queue: JobQueue) {}

  onModuleInit(): void {
    // Sync jobs: a few accounts at a time; failures back off exponentially (2 s, 4 s, 8 s…).
    this.queue.defineQueue({ name: INGESTION_QUEUE, concurrency: 4, attempts: 5, backoffMs: 2000 });
  }
}
