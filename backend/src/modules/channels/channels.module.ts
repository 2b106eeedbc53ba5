import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../common/queue/job-queue';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrandsModule } from '../brands/brands.module';
import { ChannelAccount } from './channel-account.entity';
import { ChannelAccountsRepository } from './channel-accounts.repository';
import { ChannelVerifier } from './channel-verifier';
import { ChannelsController } from './channels.controller';
import { ChannelsService, INGESTION_QUEUE } from './channels.service';

@Module({
  imports: [TypeOrmModule.forFeature([ChannelAccount]), BrandsModule],
  controllers: [ChannelsController],
  providers: [ChannelAccountsRepository, ChannelsService, ChannelVerifier],
  exports: [ChannelsService, ChannelAccountsRepository],
})
export class ChannelsModule implements OnModuleInit {
  constructor(@Inject(JobQueue) private readonly queue: JobQueue) {}

  onModuleInit(): void {
    // Sync jobs: a few accounts at a time; failures back off exponentially (2 s, 4 s, 8 s…).
    this.queue.defineQueue({ name: INGESTION_QUEUE, concurrency: 4, attempts: 5, backoffMs: 2000 });
  }
}
