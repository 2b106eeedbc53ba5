import { Module } from '@nestjs/common';
import { InboxModule } from '../inbox/inbox.module';
import { IngestionModule } from '../ingestion/ingestion.module';
import { PostsModule } from '../posts/posts.module';
import { EnrichmentJobs } from './enrichment-jobs';
import { EnrichmentService } from './enrichment.service';
import { TextAnalyzeController } from './text-analyze.controller';

@Module({
  imports: [InboxModule, IngestionModule, PostsModule],
  controllers: [TextAnalyzeController],
  providers: [EnrichmentService, EnrichmentJobs],
  exports: [EnrichmentService, EnrichmentJobs],
})
export class EnrichmentModule {}
