import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { POST_METRICS, type PostMetric, type PostSort } from '@vigie/contracts';
import { DAY_PATTERN } from '../../common/http/day-period';

export { POST_METRICS, type PostMetric, type PostSort };

export class ListPostsQueryDto {
  @IsUUID() brandId: string;
  @IsOptional() @Matches(DAY_PATTERN, { message: 'from must be a day as YYYY-MM-DD' }) from?: string;
  @IsOptional() @Matches(DAY_PATTERN, { message: 'to must be a day as YYYY-MM-DD' }) to?: string;
  @IsOptional() @IsUUID() channelAccountId?: string;
  @IsOptional() @IsIn(['publishedAt', ...POST_METRICS]) sort?: PostSort;
  @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class TopPostsQueryDto {
  @IsUUID() brandId: string;
  @Matches(DAY_PATTERN, { message: 'from must be a day as YYYY-MM-DD' }) from: string;
  @Matches(DAY_PATTERN, { message: 'to must be a day as YYYY-MM-DD' }) to: string;
  @IsOptional() @IsUUID() channelAccountId?: string;
  @IsOptional() @IsIn([...POST_METRICS]) metric?: PostMetric;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit?: number;
}

export class ThemesQueryDto {
  @IsUUID() brandId: string;
  @Matches(DAY_PATTERN, { message: 'from must be a day as YYYY-MM-DD' }) from: string;
  @Matches(DAY_PATTERN, { message: 'to must be a day as YYYY-MM-DD' }) to: string;
  @IsOptional() @IsUUID() channelAccountId?: string;
}
