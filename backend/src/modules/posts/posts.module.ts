import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { AccountStatsRepository } from './account-stats.repository';
import { AuthorsRepository } from './authors.repository';
import { CommentsRepository } from './comments.repository';
import { PostsQueryService } from './posts-query.service';
import { PostsController } from './posts.controller';
import { PostsRepository } from './posts.repository';
import { ThemesController } from './themes.controller';
import { ThemesService } from './themes.service';

/**
 * Content: posts (+ their metric snapshots), comments, authors and account daily stats — their
 * repositories (the ingestion writer's batched upserts, other modules' reads and writes) and the
 * posts API and the conversation themes (aspects of community comments).
 */
@Module({
  imports: [ChannelsModule],
  controllers: [PostsController, ThemesController],
  providers: [PostsRepository, CommentsRepository, AuthorsRepository, AccountStatsRepository, PostsQueryService, ThemesService],
  exports: [PostsRepository, CommentsRepository, AuthorsRepository, AccountStatsRepository, PostsQueryService, ThemesService],
})
export class PostsModule {}
