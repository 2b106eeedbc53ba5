import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BrandPeriodDto, ShareOfVoiceQueryDto } from '../shared/period-query.dto';
import { CompetitorsService } from './competitors.service';
import { InfluencersService } from './influencers.service';
import { ShareOfVoiceService } from './share-of-voice.service';
import { TrendsService } from './trends.service';
import { ApiReply, type Wire } from '../../../common/http/api-reply';
import type { CompetitorsDto, InfluencersDto, ShareOfVoiceDto, TrendsDto } from '@vigie/contracts';

@ApiTags('veille')
@Controller('workspaces/:workspaceId')
export class InsightsController {
  constructor(
    private readonly influencers: InfluencersService,
    private readonly sov: ShareOfVoiceService,
    private readonly competitors: CompetitorsService,
    private readonly trendsService: TrendsService,
  ) {}

  @ApiReply('InfluencersDto')
  @Get('influencers')
  rankInfluencers(@Param('workspaceId') workspaceId: string, @Query() q: BrandPeriodDto): Promise<Wire<InfluencersDto>> {
    return this.influencers.rank(workspaceId, q.brandId, q.from, q.to);
  }

  @ApiReply('ShareOfVoiceDto')
  @Get('share-of-voice')
  shareOfVoice(@Param('workspaceId') workspaceId: string, @Query() q: ShareOfVoiceQueryDto): Promise<Wire<ShareOfVoiceDto>> {
    return this.sov.report(workspaceId, q.brandId, q.from, q.to, q.granularity ?? 'day');
  }

  @ApiReply('CompetitorsDto')
  @Get('competitors')
  compare(@Param('workspaceId') workspaceId: string, @Query() q: BrandPeriodDto): Promise<Wire<CompetitorsDto>> {
    return this.competitors.compare(workspaceId, q.brandId, q.from, q.to);
  }

  @ApiReply('TrendsDto')
  @Get('trends')
  trends(@Param('workspaceId') workspaceId: string, @Query() q: BrandPeriodDto): Promise<Wire<TrendsDto>> {
    return this.trendsService.trends(workspaceId, q.brandId, q.from, q.to);
  }
}
