import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { DAY_PATTERN } from '../shared/period-query.dto';

export class ListMentionsDto {
  @IsOptional() @IsUUID() brandId?: string;
  @IsOptional() @IsUUID() queryId?: string;
  @IsOptional() @IsString() @MaxLength(40) platform?: string;
  @IsOptional() @IsString() @MaxLength(300) source?: string;
  @IsOptional() @IsIn(['positive', 'neutral', 'negative']) sentiment?: 'positive' | 'neutral' | 'negative';
  @IsOptional() @IsString() @MaxLength(8) lang?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) minReach?: number;
  @IsOptional() @Matches(DAY_PATTERN, { message: 'from must be a day as YYYY-MM-DD' }) from?: string;
  @IsOptional() @Matches(DAY_PATTERN, { message: 'to must be a day as YYYY-MM-DD' }) to?: string;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}
