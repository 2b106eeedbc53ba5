import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ListPostsQueryDto, TopPostsQueryDto } from './posts.dto';
import { PostsQueryService } from './posts-query.service';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { PostPageDto, TopPostsDto } from '@vigie/contracts';

@ApiTags('posts')
@Controller('workspaces/:workspaceId/posts')
export class PostsController {
  constructor(private readonly service: PostsQueryService) {}

  @ApiReply('PostPageDto')
  @Get()
  list(@Param('workspaceId') workspaceId: string, @Query() query: ListPostsQueryDto): Promise<Wire<PostPageDto>> {
    return this.service.list(workspaceId, query);
  }

  @ApiReply('TopPostsDto')
  @Get('top')
  top(@Param('workspaceId') workspaceId: string, @Query() query: TopPostsQueryDto): Promise<Wire<TopPostsDto>> {
    return this.service.top(workspaceId, query);
  }
}
