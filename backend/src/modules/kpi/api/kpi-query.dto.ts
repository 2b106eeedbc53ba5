import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { DAY_PATTERN } from './period';

export type Granularity = 'day' | 'week' | 'month';

export class KpiQueryDto {
  @IsUUID() brandId: string;
  @Matches(DAY_PATTERN, { message: 'from must be a day as YYYY-MM-DD' }) from: string;
  @Matches(DAY_PATTERN, { message: 'to must be a day as YYYY-MM-DD' }) to: string;
  @IsOptional() @IsUUID() channelAccountId?: string;
  @IsOptional() @IsIn(['day', 'week', 'month']) granularity?: Granularity;
}
