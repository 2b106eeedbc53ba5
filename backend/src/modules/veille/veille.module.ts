import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrandsModule } from '../brands/brands.module';
import { MentionWriter } from './mentions/mention-writer';
import { MentionsController } from './mentions/mentions.controller';
import { MentionsService } from './mentions/mentions.service';
import { CompiledQueriesCache } from './queries/compiled-queries.cache';
import { PreviewService } from './queries/preview.service';
import { WatchQueriesController } from './queries/watch-queries.controller';
import { WatchQueriesService } from './queries/watch-queries.service';
import { WatchQuery } from './queries/watch-query.entity';

/** Watch queries, listening, mentions, alerts, influencers, share of voice, competitors, trends. */
@Module({
  imports: [TypeOrmModule.forFeature([WatchQuery]), BrandsModule],
  controllers: [WatchQueriesController, MentionsController],
  providers: [WatchQueriesService, PreviewService, CompiledQueriesCache, MentionWriter, MentionsService],
  exports: [CompiledQueriesCache, MentionWriter],
})
export class VeilleModule {}
