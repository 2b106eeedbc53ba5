import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ListPostsQueryDto, TopPostsQueryDto } from './posts.dto';
import { PostsQueryService } from './posts-query.service';

@ApiTags('posts')
@Controller('workspaces/:workspaceId/posts')
export class PostsController {
  constructor(private readonly service: PostsQueryService) {}

  @Get()
  list(@Param('workspaceId') workspaceId: string, @Query() query: ListPostsQueryDto) {
    return this.service.list(workspaceId, query);
  }

  @Get('top')
  top(@Param('workspaceId') workspaceId: string, @Query() query: TopPostsQueryDto) {
    return this.service.top(workspaceId, query);
  }
}
