import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** `?brandId&from&to` of the veille reads: inclusive local days of the workspace. */
export class BrandPeriodDto {
  @IsUUID() brandId: string;
  @Matches(DAY_PATTERN, { message: 'from must be a day as YYYY-MM-DD' }) from: string;
  @Matches(DAY_PATTERN, { message: 'to must be a day as YYYY-MM-DD' }) to: string;
}

export class ShareOfVoiceQueryDto extends BrandPeriodDto {
  @IsOptional() @IsIn(['day', 'month']) granularity?: 'day' | 'month';
}
