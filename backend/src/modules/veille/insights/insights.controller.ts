import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BrandPeriodDto, ShareOfVoiceDto } from '../shared/period-query.dto';
import { CompetitorsService } from './competitors.service';
import { InfluencersService } from './influencers.service';
import { ShareOfVoiceService } from './share-of-voice.service';
import { TrendsService } from './trends.service';

@ApiTags('veille')
@Controller('workspaces/:workspaceId')
export class InsightsController {
  constructor(
    private readonly influencers: InfluencersService,
    private readonly sov: ShareOfVoiceService,
    private readonly competitors: CompetitorsService,
    private readonly trendsService: TrendsService,
  ) {}

  @Get('influencers')
  rankInfluencers(@Param('workspaceId') workspaceId: string, @Query() q: BrandPeriodDto) {
    return this.influencers.rank(workspaceId, q.brandId, q.from, q.to);
  }

  @Get('share-of-voice')
  shareOfVoice(@Param('workspaceId') workspaceId: string, @Query() q: ShareOfVoiceDto) {
    return this.sov.report(workspaceId, q.brandId, q.from, q.to, q.granularity ?? 'day');
  }

  @Get('competitors')
  compare(@Param('workspaceId') workspaceId: string, @Query() q: BrandPeriodDto) {
    return this.competitors.compare(workspaceId, q.brandId, q.from, q.to);
  }

  @Get('trends')
  trends(@Param('workspaceId') workspaceId: string, @Query() q: BrandPeriodDto) {
    return this.trendsService.trends(workspaceId, q.brandId, q.from, q.to);
  }
}
