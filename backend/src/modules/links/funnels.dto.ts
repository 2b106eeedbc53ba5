import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { DAY_PATTERN } from '../../common/http/day-period';

export class FunnelQueryDto {
  @IsUUID() brandId: string;
  @Matches(DAY_PATTERN, { message: 'from must be a day as YYYY-MM-DD' }) from: string;
  @Matches(DAY_PATTERN, { message: 'to must be a day as YYYY-MM-DD' }) to: string;
  @IsOptional() @IsString() @MaxLength(100) campaign?: string;
  @IsOptional() @IsUUID() channelAccountId?: string;
}
